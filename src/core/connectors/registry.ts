import type { ZodType } from 'zod';
import type { Connector, SourceBase } from './connector.js';
import { callsConfigSchema } from './calls/callsConfig.js';
import { contactsConfigSchema } from './contacts/contactsConfig.js';
import { databaseConfigSchema } from './database/databaseConfig.js';
import { documentsConfigSchema } from './documents/documentsConfig.js';
import { emlConfigSchema } from './eml/emlConfig.js';
import { imapConfigSchema } from './imap/imapConfig.js';
import { maildirConfigSchema } from './maildir/maildirConfig.js';
import { mboxConfigSchema } from './mbox/mboxConfig.js';
import { outlookConfigSchema } from './outlook/outlookConfig.js';
import { tableConfigSchema } from './common/table/tableConfig.js';
import { ticketsConfigSchema } from './tickets/ticketsConfig.js';
import { weblogConfigSchema } from './weblog/weblogConfig.js';

/**
 * Every source type Auskunft can search, by the `type` a workspace names (docs/STYLE.md §6: an explicit
 * registry; an unknown type fails loudly instead of being skipped).
 *
 * Connectors are loaded on first use. Their config schemas are small and load with the registry, so
 * a workspace is validated up front; the code that reads a source (mailparser, imapflow, pdfjs,
 * xlsx …) loads only for the types a search touches. Loading all of it cost about a second of CPU
 * on every CLI call, more than searching a small workspace.
 */
/** The capabilities a connector may leave out; the registry states which each one has, so it need not load it. */
type OptionalCapability = 'readOriginal' | 'readOriginals' | 'readPageImage';

interface Entry {
  readonly type: string;
  readonly configSchema: ZodType<SourceBase>;
  /** What the connector offers beyond check and search; tests/unit/connectors/registry*.test.ts keep this true to the code. */
  readonly has: ReadonlyArray<OptionalCapability>;
  readonly load: () => Promise<Connector<SourceBase>>;
}

const ORIGINALS: ReadonlyArray<OptionalCapability> = ['readOriginal'];

const entries: ReadonlyArray<Entry> = [
  // Adding a connector: its folder, and one line here.
  { type: 'mbox', configSchema: mboxConfigSchema, has: ORIGINALS, load: async () => (await import('./mbox/mboxConnector.js')).mboxConnector as Connector<SourceBase> },
  { type: 'eml', configSchema: emlConfigSchema, has: ORIGINALS, load: async () => (await import('./eml/emlConnector.js')).emlConnector as Connector<SourceBase> },
  { type: 'maildir', configSchema: maildirConfigSchema, has: ORIGINALS, load: async () => (await import('./maildir/maildirConnector.js')).maildirConnector as Connector<SourceBase> },
  { type: 'imap', configSchema: imapConfigSchema, has: ORIGINALS, load: async () => (await import('./imap/imapConnector.js')).imapConnector as Connector<SourceBase> },
  { type: 'table', configSchema: tableConfigSchema, has: [], load: async () => (await import('./table/tableConnector.js')).tableConnector as Connector<SourceBase> },
  { type: 'weblog', configSchema: weblogConfigSchema, has: [], load: async () => (await import('./weblog/weblogConnector.js')).weblogConnector as Connector<SourceBase> },
  { type: 'tickets', configSchema: ticketsConfigSchema, has: ['readOriginal', 'readOriginals'], load: async () => (await import('./tickets/ticketsConnector.js')).ticketsConnector as Connector<SourceBase> },
  { type: 'documents', configSchema: documentsConfigSchema, has: ['readOriginal', 'readPageImage'], load: async () => (await import('./documents/documentsConnector.js')).documentsConnector as Connector<SourceBase> },
  { type: 'calls', configSchema: callsConfigSchema, has: [], load: async () => (await import('./calls/callsConnector.js')).callsConnector as Connector<SourceBase> },
  { type: 'outlook', configSchema: outlookConfigSchema, has: ['readOriginal', 'readOriginals'], load: async () => (await import('./outlook/outlookConnector.js')).outlookConnector as Connector<SourceBase> },
  { type: 'contacts', configSchema: contactsConfigSchema, has: [], load: async () => (await import('./contacts/contactsConnector.js')).contactsConnector as Connector<SourceBase> },
  { type: 'database', configSchema: databaseConfigSchema, has: ORIGINALS, load: async () => (await import('./database/databaseConnector.js')).databaseConnector as Connector<SourceBase> },
];

const byType = new Map(entries.map((entry) => [entry.type, deferred(entry)] as const));

export function connectorTypes(): string[] {
  return [...byType.keys()];
}

/** The connector for `type`, or undefined: the workspace loader turns that into a ConfigError. */
export function findConnector(type: string): Connector<SourceBase> | undefined {
  return byType.get(type);
}

/** The connector itself, loaded: for tests that compare the registry with the code. */
export async function loadConnector(type: string): Promise<Connector<SourceBase> | undefined> {
  return entries.find((entry) => entry.type === type)?.load();
}

export function registeredOriginals(type: string): boolean | undefined {
  return entries.find((entry) => entry.type === type)?.has.includes('readOriginal');
}

/**
 * A Connector that loads the real one on its first call and hands every call on to it. Progress and
 * cancel travel in the context (ctx.progress, ctx.signal), which is passed on unchanged. Each optional
 * capability is forwarded by name, so a new one needs only its name in OptionalCapability.
 */
function deferred(entry: Entry): Connector<SourceBase> {
  let loading: Promise<Connector<SourceBase>> | undefined;
  const real = (): Promise<Connector<SourceBase>> => (loading ??= entry.load());
  const connector: Connector<SourceBase> = {
    type: entry.type,
    configSchema: entry.configSchema,
    check: async (config, ctx) => (await real()).check(config, ctx),
    async *search(config, subject, ctx) {
      yield* (await real()).search(config, subject, ctx);
    },
  };
  const forwarded: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of entry.has) {
    forwarded[name] = async (...args: unknown[]) => {
      const loaded = await real();
      const method = loaded[name] as ((...a: unknown[]) => Promise<unknown>) | undefined;
      if (!method) throw new Error(`connector ${entry.type} is registered with ${name} but has none`);
      return method.apply(loaded, args);
    };
  }
  // Each forwarder takes and returns exactly what the capability of that name does.
  return { ...connector, ...forwarded } as Connector<SourceBase>;
}
