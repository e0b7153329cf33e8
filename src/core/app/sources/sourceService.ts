import { resolve } from 'node:path';
import type { AuskunftHandlers, SourceView } from '../../../shared/api.js';
import { ConfigError } from '../../config/configError.js';
import { writeFileAtomic } from '../../export/atomicWrite.js';
import { secretRefSchema, type SearchContext } from '../../connectors/connector.js';
import { findConnector } from '../../connectors/registry.js';
import { localize } from '../../register/index.js';
import { ConflictError, NotFoundError, type AppContext } from '../context.js';
import { keychainEntryName, keychainSecrets } from './secretResolver.js';
import { secretFieldOf, sourceTypeForms } from './sourceForms.js';
import { editWorkspaceSources } from './workspaceSourcesFile.js';

/** How long "check connection" may take before it reports a timeout instead of hanging the form. */
const CHECK_TIMEOUT_MS = 20_000;

/** The workspace's sources: list, check, add or edit through a form, remove. */
export function sourceService(ctx: AppContext): AuskunftHandlers['sources'] {
  const workspaceFile = () => {
    const ws = ctx.workspace();
    return ws.file;
  };

  return {
    async list() {
      const ws = ctx.workspace();
      const sources: SourceView[] = [];
      for (const s of ws.sources) {
        const config = s.config as Record<string, unknown>;
        const secretField = secretFieldOf(s.config.type);
        let secret: SourceView['secret'] = null;
        if (secretField) {
          const parsed = secretRefSchema.safeParse(config[secretField]);
          const ref = parsed.success ? parsed.data : null;
          const stored = ref !== null && 'keychain' in ref ? (await ctx.ports.keychain.get(ref.keychain)) !== undefined : false;
          secret = { field: secretField, ref, stored };
        }
        sources.push({ id: s.config.id, type: s.config.type, label: s.config.label ?? null, summary: summaryOf(config), config, activities: [...s.activities], secret });
      }
      return {
        workspacePath: ws.file,
        sources,
        types: sourceTypeForms().map((f) => ({ ...f })),
        activities: ws.register.activities.map((a) => ({ id: a.id, name: localize(a.name, 'de') })),
      };
    },

    async check({ sourceId }) {
      const ws = ctx.workspace();
      const source = ws.sources.find((s) => s.config.id === sourceId);
      if (!source) throw new NotFoundError(`no source "${sourceId}" in ${ws.file}`);
      const signal = AbortSignal.timeout(CHECK_TIMEOUT_MS);
      const searchContext: SearchContext = {
        signal,
        sourceId,
        resolvePath: (path) => resolve(ws.dir, path),
        resolveSecret: keychainSecrets(ctx.ports.keychain),
        progress: () => undefined,
      };
      try {
        return await source.connector.check(source.config, searchContext);
      } catch (err) {
        return { ok: false, message: signal.aborted ? `no answer within ${CHECK_TIMEOUT_MS / 1000} s` : (err as Error).message };
      }
    },

    async tables({ sourceId }) {
      const ws = ctx.workspace();
      const source = ws.sources.find((s) => s.config.id === sourceId);
      if (!source) throw new NotFoundError(`no source "${sourceId}" in ${ws.file}`);
      if (!source.connector.describeTables) return { supported: false, tables: [], error: null };
      const signal = AbortSignal.timeout(CHECK_TIMEOUT_MS);
      try {
        const tables = await source.connector.describeTables(source.config, {
          signal,
          sourceId,
          resolvePath: (path) => resolve(ws.dir, path),
          resolveSecret: keychainSecrets(ctx.ports.keychain),
        });
        return { supported: true, tables, error: null };
      } catch (err) {
        return { supported: true, tables: [], error: signal.aborted ? `no answer within ${CHECK_TIMEOUT_MS / 1000} s` : (err as Error).message };
      }
    },

    async save({ originalId, config, password }) {
      const file = workspaceFile();
      const type = typeof config['type'] === 'string' ? config['type'] : '';
      const connector = findConnector(type);
      if (!connector) throw new ConfigError(file, 'type', `unknown source type "${type}"`);
      const id = String(config['id'] ?? '');
      const secretField = secretFieldOf(type);
      const entry = cleanConfig(config);
      const keychainName = keychainEntryName(file, id);
      if (password !== null) {
        if (!secretField) throw new ConflictError(`a ${type} source has no password`);
        entry[secretField] = { keychain: keychainName };
      }
      // Validate exactly what goes into the file with the connector's own schema, before writing.
      const parsed = connector.configSchema.safeParse(entry);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new ConfigError(file, issue.path.join('.') || 'source', issue.message);
      }
      const ws = ctx.workspace();
      const known = new Set(ws.register.activities.map((a) => a.id));
      const unknownActivity = parsed.data.activities?.find((a) => !known.has(a));
      if (unknownActivity) throw new ConfigError(file, 'activities', `unknown activity "${unknownActivity}"`);

      const { before } = await editWorkspaceSources(file, (list) => {
        const existing = list.indexOf(id);
        if (originalId === null) {
          if (existing >= 0) throw new ConflictError(`a source "${id}" already exists`);
          list.append(entry);
          return;
        }
        const index = list.indexOf(originalId);
        if (index < 0) throw new NotFoundError(`no source "${originalId}" in ${file}`);
        if (existing >= 0 && existing !== index) throw new ConflictError(`a source "${id}" already exists`);
        list.replace(index, entry);
      });
      ctx.reloadWorkspace();
      try {
        ctx.workspace();
        // Only once the file names it: a refused save must not replace a stored password.
        if (password !== null) await ctx.ports.keychain.set(keychainName, password);
      } catch (err) {
        // The entry was valid on its own but the workspace is not (e.g. a duplicate after all):
        // put the file back as it was, so a form never leaves a broken workspace behind.
        await writeFileAtomic(file, before);
        ctx.reloadWorkspace();
        throw err;
      }
      return { id };
    },

    async remove({ sourceId }) {
      const file = workspaceFile();
      const source = ctx.workspace().sources.find((s) => s.config.id === sourceId);
      if (!source) return { removed: false };
      await editWorkspaceSources(file, (list) => list.remove(list.indexOf(sourceId)));
      const secretField = secretFieldOf(source.config.type);
      const ref = secretField ? secretRefSchema.safeParse((source.config as Record<string, unknown>)[secretField]) : undefined;
      if (ref?.success && 'keychain' in ref.data) await ctx.ports.keychain.delete(ref.data.keychain);
      ctx.reloadWorkspace();
      return { removed: true };
    },
  };
}

/** The one line a source list shows: where the source reads from. */
function summaryOf(config: Record<string, unknown>): string {
  if (typeof config['path'] === 'string') return config['path'];
  if (typeof config['host'] === 'string') return `${String(config['user'] ?? '')}@${config['host']}${config['port'] ? `:${String(config['port'])}` : ''}`;
  return String(config['type']);
}

/** Form values as they go into YAML: empty fields left out, so defaults stay defaults. */
function cleanConfig(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out;
}
