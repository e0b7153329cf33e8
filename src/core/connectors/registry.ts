import type { ZodType } from 'zod';
import type { Connector, SourceBase } from './connector.js';
import { callsConfigSchema } from './calls/callsConfig.js';
import { contactsConfigSchema } from './contacts/contactsConfig.js';
import { documentsConfigSchema } from './documents/documentsConfig.js';
import { emlConfigSchema } from './eml/emlConfig.js';
import { imapConfigSchema } from './imap/imapConfig.js';
import { maildirConfigSchema } from './maildir/maildirConfig.js';
import { mboxConfigSchema } from './mbox/mboxConfig.js';
import { tableConfigSchema } from './table/tableConfig.js';
import { ticketsConfigSchema } from './tickets/ticketsConfig.js';
import { weblogConfigSchema } from './weblog/weblogConfig.js';

/**
 * Every source type Auskunft can search, by the `type` a workspace names (STYLE.md §6: an explicit
 * registry; an unknown type fails loudly instead of being skipped).
 *
 * Connectors are loaded on first use. Their config schemas are small and load with the registry, so
 * a workspace is validated up front; the code that reads a source (mailparser, imapflow, pdfjs,
 * xlsx …) loads only for the types a search touches. Loading all of it cost about a second of CPU
 * on every CLI call, more than searching a small workspace.
 */
interface Entry {
  readonly type: string;
  readonly configSchema: ZodType<SourceBase>;
  /** Whether the connector has readOriginal; tests/unit/connectors/registry.test.ts keeps this true to the code. */
  readonly originals: boolean;
  readonly load: () => Promise<Connector<SourceBase>>;
}

const entries: ReadonlyArray<Entry> = [
  // Each connector adds itself here, one entry each.
  { type: 'mbox', configSchema: mboxConfigSchema, originals: true, load: async () => (await import('./mbox/mboxConnector.js')).mboxConnector as Connector<SourceBase> },
  { type: 'eml', configSchema: emlConfigSchema, originals: true, load: async () => (await import('./eml/emlConnector.js')).emlConnector as Connector<SourceBase> },
  { type: 'maildir', configSchema: maildirConfigSchema, originals: true, load: async () => (await import('./maildir/maildirConnector.js')).maildirConnector as Connector<SourceBase> },
  { type: 'imap', configSchema: imapConfigSchema, originals: true, load: async () => (await import('./imap/imapConnector.js')).imapConnector as Connector<SourceBase> },
  { type: 'table', configSchema: tableConfigSchema, originals: false, load: async () => (await import('./table/tableConnector.js')).tableConnector as Connector<SourceBase> },
  { type: 'weblog', configSchema: weblogConfigSchema, originals: false, load: async () => (await import('./weblog/weblogConnector.js')).weblogConnector as Connector<SourceBase> },
  { type: 'tickets', configSchema: ticketsConfigSchema, originals: true, load: async () => (await import('./tickets/ticketsConnector.js')).ticketsConnector as Connector<SourceBase> },
  { type: 'documents', configSchema: documentsConfigSchema, originals: true, load: async () => (await import('./documents/documentsConnector.js')).documentsConnector as Connector<SourceBase> },
  { type: 'calls', configSchema: callsConfigSchema, originals: false, load: async () => (await import('./calls/callsConnector.js')).callsConnector as Connector<SourceBase> },
  { type: 'contacts', configSchema: contactsConfigSchema, originals: false, load: async () => (await import('./contacts/contactsConnector.js')).contactsConnector as Connector<SourceBase> },
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
  return entries.find((entry) => entry.type === type)?.originals;
}

/** A Connector that loads the real one on its first call and hands every call on to it. */
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
  if (!entry.originals) return connector;
  return {
    ...connector,
    readOriginal: async (config, locator, ctx) => {
      const loaded = await real();
      return loaded.readOriginal ? loaded.readOriginal(config, locator, ctx) : null;
    },
    readPageImage: async (config, locator, page, rotation, ctx) => {
      const loaded = await real();
      return loaded.readPageImage ? loaded.readPageImage(config, locator, page, rotation, ctx) : null;
    },
  };
}
