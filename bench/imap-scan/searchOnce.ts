import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { SearchContext, SourceStateStore } from '../../src/core/connectors/connector.js';
import { imapConnector } from '../../src/core/connectors/imap/imapConnector.js';
import { compileSubject, strengthOf } from '../../src/core/identity/compileSubject.js';
import { SubjectSchema } from '../../src/shared/subject.js';

/**
 * One search of the benchmark account through the IMAP connector, in its own process so that GNU
 * time measures the search alone (not the corpus generator). The sync state lives in a JSON file
 * between runs, as the case store would keep it. Writes a summary to `--out`:
 *
 *   node --import tsx bench/imap-scan/searchOnce.ts --port P --user U --state S.json --subject SUBJ.json --out R.json
 *   (password in IMAP_PASSWORD)
 */

export interface SearchSummary {
  readonly seconds: number;
  readonly scanned: number;
  readonly total: number | null;
  readonly findings: ReadonlyArray<{ readonly messageId: string | null; readonly mailbox: string; readonly uid: number; readonly strength: 'strong' | 'weak' }>;
  readonly warnings: ReadonlyArray<{ readonly message: string; readonly uncovered: boolean }>;
}

/** A SourceStateStore in a JSON file, written atomically once the search is over. */
function fileStateStore(path: string): SourceStateStore & { save(): void } {
  const entries = new Map<string, string>(existsSync(path) ? Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : []);
  return {
    get: (key) => entries.get(key),
    set: (key, value) => void entries.set(key, value),
    save: () => {
      writeFileSync(`${path}.partial`, JSON.stringify(Object.fromEntries(entries), null, 1));
      renameSync(`${path}.partial`, path);
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, user: { type: 'string' }, state: { type: 'string' }, subject: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  if (!values.port || !values.user || !values.state || !values.subject || !values.out) throw new Error('usage: searchOnce.ts --port P --user U --state FILE --subject FILE --out FILE');
  const config = imapConnector.configSchema.parse({ id: 'office', type: 'imap', host: '127.0.0.1', port: Number(values.port), tls: false, user: values.user, password: { env: 'IMAP_PASSWORD' } });
  const subject = SubjectSchema.parse(JSON.parse(readFileSync(values.subject, 'utf8')));
  const query = compileSubject(subject);
  const state = fileStateStore(values.state);
  let scanned = 0;
  let total: number | null = null;
  const ctx: SearchContext = {
    signal: new AbortController().signal,
    sourceId: 'office',
    resolvePath: (p) => p,
    resolveSecret: async (ref) => {
      const value = 'env' in ref ? process.env[ref.env] : undefined;
      if (value === undefined) throw new Error('IMAP_PASSWORD is not set');
      return value;
    },
    progress: (p) => {
      scanned = p.scanned;
      total = p.total ?? null;
    },
    state,
  };

  const findings: Array<SearchSummary['findings'][number]> = [];
  const warnings: Array<SearchSummary['warnings'][number]> = [];
  const started = process.hrtime.bigint();
  for await (const event of imapConnector.search(config, query, ctx)) {
    if (event.kind === 'finding') findings.push({ messageId: event.locator.messageId ?? null, mailbox: event.locator.mailbox ?? '', uid: event.locator.uid ?? 0, strength: strengthOf(event.matches) });
    else warnings.push({ message: event.message, uncovered: event.uncovered === true });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  state.save();
  const summary: SearchSummary = { seconds, scanned, total, findings, warnings };
  writeFileSync(values.out, JSON.stringify(summary));
}

main().catch((err: unknown) => {
  process.stderr.write(`searchOnce: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
