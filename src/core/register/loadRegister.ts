import type { core } from 'zod';
import { issueToConfigError, readYamlFile, type YamlFile } from '../config/yamlFile.js';
import { crossCheckRegister } from './crossCheckRegister.js';
import { registerSchema, type Register } from './registerSchema.js';

/**
 * Validate a parsed `register.yaml`. Any problem is a ConfigError naming file, line and field, so the
 * CLI can exit 2 with one line before anything is searched (docs/ARCHITECTURE.md "Exit codes").
 */
export function parseRegister(yaml: YamlFile): Register {
  const result = registerSchema.safeParse(yaml.data);
  if (!result.success) throw issueToConfigError(yaml, issueToReport(result.error.issues));
  crossCheckRegister(yaml, result.data);
  return result.data;
}

/**
 * Read and validate the register of processing activities.
 * @example
 * const register = loadRegister('workspace/register.yaml');
 * const mailActivities = activitiesForSourceType(register, 'mbox');
 */
export function loadRegister(file: string): Register {
  return parseRegister(readYamlFile(file));
}

/**
 * The issue the officer should fix first. A misspelt key (`retension:`) also makes the real field
 * missing; "unknown field" at the typo's line says what to fix, "required" at the parent does not.
 */
function issueToReport(issues: ReadonlyArray<core.$ZodIssue>): core.$ZodIssue {
  const first = issues[0]!;
  const parent = first.path.slice(0, -1);
  const typo = issues.find(
    (issue) => issue.code === 'unrecognized_keys' && issue.path.length === parent.length && issue.path.every((key, i) => key === parent[i]),
  );
  return typo ?? first;
}

// The workspace loader takes both from here: loading a register and asking it for source defaults go together.
export { activitiesForSourceType } from './activitiesForSourceType.js';
