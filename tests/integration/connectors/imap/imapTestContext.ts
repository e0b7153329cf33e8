import type { FoundRecord, FoundWarning, SearchContext, SearchEvent, SecretRef, SourceProgress, SourceStateStore } from '../../../../src/core/connectors/connector.js';
import { imapConnector } from '../../../../src/core/connectors/imap/imapConnector.js';
import type { ImapConfig } from '../../../../src/core/connectors/imap/imapConfig.js';
import type { DovecotServer } from '../../helpers/dovecot.js';

/** A SearchContext the way the runner builds one, with secrets from a map instead of the environment. */
export interface TestContext extends SearchContext {
  readonly progressLog: SourceProgress[];
}

export function testContext(options: { secrets?: Record<string, string>; state?: SourceStateStore; signal?: AbortSignal } = {}): TestContext {
  const progressLog: SourceProgress[] = [];
  const secrets = options.secrets ?? {};
  return {
    signal: options.signal ?? new AbortController().signal,
    sourceId: 'office',
    resolvePath: (p) => p,
    resolveSecret: async (ref: SecretRef) => {
      const name = 'env' in ref ? ref.env : ref.keychain;
      const value = secrets[name];
      if (value === undefined) throw new Error(`secret ${name} is not set`);
      return value;
    },
    progress: (update) => progressLog.push(update),
    state: options.state,
    progressLog,
  };
}

/** A state store backed by a Map, as the case store would keep it. */
export function memoryState(): SourceStateStore & { readonly entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return { entries, get: (k) => entries.get(k), set: (k, v) => void entries.set(k, v) };
}

/** The workspace entry for the test server, parsed through the real schema. */
export function imapConfig(server: Pick<DovecotServer, 'host' | 'port' | 'user'>, overrides: Record<string, unknown> = {}): ImapConfig {
  return imapConnector.configSchema.parse({
    id: 'office',
    type: 'imap',
    host: server.host,
    port: server.port,
    tls: false,
    user: server.user,
    password: { env: 'IMAP_PASSWORD' },
    ...overrides,
  });
}

export async function collect(events: AsyncIterable<SearchEvent>): Promise<SearchEvent[]> {
  const out: SearchEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

export const findingsOf = (events: ReadonlyArray<SearchEvent>): FoundRecord[] => events.filter((e): e is FoundRecord => e.kind === 'finding');
export const warningsOf = (events: ReadonlyArray<SearchEvent>): FoundWarning[] => events.filter((e): e is FoundWarning => e.kind === 'warning');
export const uncoveredOf = (events: ReadonlyArray<SearchEvent>): FoundWarning[] => warningsOf(events).filter((w) => w.uncovered);

/** messageIds of the findings, sorted. */
export const foundIds = (events: ReadonlyArray<SearchEvent>): string[] => findingsOf(events).map((f) => f.locator.messageId ?? `?${f.locator.mailbox}/${f.locator.uid}`).sort();
