import { dirname, resolve } from 'node:path';
import { ConfigError, formatFieldPath } from '../config/configError.js';
import { readYamlFile, validateYaml } from '../config/yamlFile.js';
import { connectorTypes, findConnector } from '../connectors/registry.js';
import { activitiesForSourceType, loadRegister } from '../register/loadRegister.js';
import { workspaceFileSchema, type Workspace, type WorkspaceSource } from './workspace.js';

/**
 * Load and check `auskunft.yaml` (docs/ARCHITECTURE.md "Workspace file"), its register and every source's
 * config. Anything unusable is a ConfigError naming file, line and field; nothing is searched then.
 */
export function loadWorkspace(file: string): Workspace {
  const absolute = resolve(file);
  const yaml = readYamlFile(absolute);
  const parsed = validateYaml(yaml, workspaceFileSchema);
  const dir = dirname(absolute);
  const registerFile = resolve(dir, parsed.register);
  const register = loadRegister(registerFile);
  const known = new Set(register.activities.map((a) => a.id));
  const fail = (path: PropertyKey[], message: string) => new ConfigError(absolute, formatFieldPath(path), message, yaml.lineOf(path));

  const seen = new Set<string>();
  const sources: WorkspaceSource[] = parsed.sources.map((raw, i) => {
    const connector = findConnector(raw.type);
    if (!connector) throw fail(['sources', i, 'type'], `unknown source type "${raw.type}" (known: ${connectorTypes().join(', ')})`);
    const config = validateYaml(yaml, connector.configSchema, raw, ['sources', i]);
    if (seen.has(config.id)) throw fail(['sources', i, 'id'], `duplicate source id "${config.id}"`);
    seen.add(config.id);
    config.activities?.forEach((id, j) => {
      if (!known.has(id)) throw fail(['sources', i, 'activities', j], `unknown activity "${id}" (not in ${parsed.register})`);
    });
    const activities = config.activities ?? activitiesForSourceType(register, config.type);
    return { config, connector, activities };
  });

  return { file: absolute, dir, controller: parsed.controller, registerFile, register, sources };
}
