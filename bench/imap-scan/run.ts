import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, rm, symlink } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ImapFlow } from 'imapflow';
import { startTcpProxy, type TcpProxy } from '../../tests/integration/connectors/imap/tcpProxy.js';
import { startDovecot, type DovecotServer } from '../../tests/integration/helpers/dovecot.js';
import { formatTable, log, runCommand, type CommandResult } from '../measure.js';
import { TARGET_EMAIL, TARGET_NAME, TARGET_PHONE, type PlantedMessage } from '../mbox-scan/corpusManifest.js';
import { DEFAULT_BINARY_SHARE, IMAP_CORPUS_VERSION, MAILBOXES, imapCorpus, plantedEntry } from './imapCorpus.js';
import type { SearchSummary } from './searchOnce.js';

/**
 * bench/imap-scan: the IMAP connector against a real Dovecot holding 20,000 realistic messages (30%
 * with binary attachments of 50 KB–1 MB). It searches twice for the same subject and prints, per
 * run, the time, messages per second, the bytes the server sent (counted on the socket by a
 * loopback TCP proxy) against the mailbox's total size and its text-part share, recall against the
 * planted targets, and peak RSS. The second run reuses the first run's sync state (syncState.ts).
 * Numbers, not verdicts: exit 0 unless the benchmark itself failed.
 *
 *   node --import tsx bench/imap-scan/run.ts [--messages 20000] [--seed 1] [--rebuild]
 */

const HERE = fileURLToPath(new URL('./', import.meta.url));
const CORPUS_ROOT = fileURLToPath(new URL('../.corpus/', import.meta.url));
const MANIFEST = 'manifest.json';
/** APPENDs in flight at once (one connection per mailbox), bounded by the bytes they hold. */
const APPEND_MAX_PENDING_BYTES = 64 * 1024 * 1024;

interface ImapCorpusManifest {
  readonly version: number;
  readonly seed: string;
  readonly messages: number;
  readonly binaryShare: number;
  readonly mailboxes: Record<string, number>;
  /** Sum of RFC822.SIZE: the mailbox as the server counts it. */
  readonly totalBytes: number;
  /** Base64 bodies of binary attachments: what the connector may leave on the server. */
  readonly binaryBytes: number;
  readonly messagesWithBinary: number;
  readonly subject: { readonly name: string; readonly emails: string[]; readonly phones: string[] };
  readonly targets: ReadonlyArray<PlantedMessage & { readonly mailbox: string }>;
  readonly distractors: ReadonlyArray<PlantedMessage & { readonly mailbox: string }>;
  readonly weakOnly: ReadonlyArray<PlantedMessage & { readonly mailbox: string }>;
  readonly appendSeconds: number;
}

interface RunResult {
  readonly label: string;
  readonly summary: SearchSummary | null;
  readonly command: CommandResult;
  readonly bytesReceived: number;
}

function corpusDir(messages: number, seed: string, binaryShare: number): string {
  const share = binaryShare === DEFAULT_BINARY_SHARE ? '' : `-bin${binaryShare}`;
  return join(CORPUS_ROOT, `imap-${messages}-seed${seed}${share}-v${IMAP_CORPUS_VERSION}`);
}

/**
 * Point the harness Dovecot's mail directory at the cached corpus. Done before anyone logs in, so
 * no mail process has looked at the empty one yet; dispose() removes the link, not the corpus.
 */
async function useCorpusMail(server: DovecotServer, dir: string): Promise<void> {
  const mail = join(dir, 'mail');
  await mkdir(mail, { recursive: true });
  await chmod(mail, 0o777); // Dovecot's mail processes run as `nobody`
  await rm(join(server.dir, 'mail'), { recursive: true, force: true });
  await symlink(mail, join(server.dir, 'mail'));
}

function directClient(server: DovecotServer): ImapFlow {
  return new ImapFlow({ host: server.host, port: server.port, secure: false, doSTARTTLS: false, auth: { user: server.user, pass: server.password }, logger: false, disableAutoIdle: true });
}

/** Generate the messages and APPEND them, one connection per mailbox, in generation order per mailbox. */
async function buildCorpus(server: DovecotServer, dir: string, options: { seed: string; messages: number; binaryShare: number }): Promise<ImapCorpusManifest> {
  const started = process.hrtime.bigint();
  const clients = new Map<string, ImapFlow>();
  for (const [name] of MAILBOXES) {
    const client = directClient(server);
    await client.connect();
    if (name !== 'INBOX') await client.mailboxCreate(name);
    clients.set(name, client);
  }
  const chains = new Map<string, Promise<void>>();
  const counts: Record<string, number> = {};
  const targets: Array<PlantedMessage & { mailbox: string }> = [];
  const distractors: Array<PlantedMessage & { mailbox: string }> = [];
  const weakOnly: Array<PlantedMessage & { mailbox: string }> = [];
  let totalBytes = 0;
  let binaryBytes = 0;
  let messagesWithBinary = 0;
  let pending = 0;
  let failure: unknown;
  let waiters: Array<() => void> = [];
  const settle = (): void => {
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve();
  };

  for (const m of imapCorpus(options)) {
    while (pending > APPEND_MAX_PENDING_BYTES && failure === undefined) await new Promise<void>((resolve) => waiters.push(resolve));
    if (failure !== undefined) break;
    const client = clients.get(m.mailbox)!;
    const size = m.raw.length;
    pending += size;
    chains.set(
      m.mailbox,
      (chains.get(m.mailbox) ?? Promise.resolve()).then(async () => {
        if (failure !== undefined) return;
        try {
          const res = await client.append(m.mailbox, m.raw);
          if (!res || !res.uid) throw new Error(`APPEND to ${m.mailbox} returned no UID`);
        } catch (err) {
          failure = err;
        } finally {
          pending -= size;
          settle();
        }
      }),
    );
    counts[m.mailbox] = (counts[m.mailbox] ?? 0) + 1;
    totalBytes += size;
    binaryBytes += m.binaryBytes;
    if (m.binaryBytes > 0) messagesWithBinary++;
    if (m.role === 'target') targets.push(plantedEntry(m));
    else if (m.role === 'distractor') distractors.push(plantedEntry(m));
    else if (m.role === 'weak') weakOnly.push(plantedEntry(m));
    if ((m.index + 1) % 1000 === 0) log(`  ${m.index + 1} messages generated, ${(totalBytes / 1048576).toFixed(0)} MB, ${((Number(process.hrtime.bigint() - started) / 1e9)).toFixed(0)} s`);
  }
  await Promise.all(chains.values());
  for (const client of clients.values()) await client.logout();
  if (failure !== undefined) throw failure;

  const manifest: ImapCorpusManifest = {
    version: IMAP_CORPUS_VERSION,
    seed: options.seed,
    messages: options.messages,
    binaryShare: options.binaryShare,
    mailboxes: counts,
    totalBytes,
    binaryBytes,
    messagesWithBinary,
    subject: { name: TARGET_NAME, emails: [TARGET_EMAIL], phones: [TARGET_PHONE] },
    targets,
    distractors,
    weakOnly,
    appendSeconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
  // The manifest marks the maildir complete: written last, under a temp name first.
  writeFileSync(join(dir, `${MANIFEST}.partial`), `${JSON.stringify(manifest, null, 1)}\n`);
  renameSync(join(dir, `${MANIFEST}.partial`), join(dir, MANIFEST));
  return manifest;
}

/** What the server holds, asked directly (not through the proxy): message counts and the sum of RFC822.SIZE. */
async function serverTotals(server: DovecotServer): Promise<{ mailboxes: Record<string, number>; bytes: number }> {
  const client = directClient(server);
  await client.connect();
  try {
    const mailboxes: Record<string, number> = {};
    let bytes = 0;
    for (const box of await client.list({ statusQuery: { messages: true } })) {
      mailboxes[box.path] = box.status?.messages ?? 0;
      if (!box.status?.messages) continue;
      await client.mailboxOpen(box.path, { readOnly: true });
      for await (const row of client.fetch('1:*', { size: true })) bytes += row.size ?? 0;
    }
    return { mailboxes, bytes };
  } finally {
    await client.logout();
  }
}

async function searchRun(label: string, proxy: TcpProxy, server: DovecotServer, files: { state: string; subject: string; out: string }, timeoutMs: number): Promise<RunResult> {
  rmSync(files.out, { force: true });
  const before = proxy.bytesToClient;
  const command = await runCommand(
    process.execPath,
    ['--import', 'tsx', join(HERE, 'searchOnce.ts'), '--port', String(proxy.port), '--user', server.user, '--state', files.state, '--subject', files.subject, '--out', files.out],
    { env: { ...process.env, IMAP_PASSWORD: server.password }, measureRss: true, timeoutMs },
  );
  const bytesReceived = proxy.bytesToClient - before;
  const summary = existsSync(files.out) ? (JSON.parse(readFileSync(files.out, 'utf8')) as SearchSummary) : null;
  if (!summary) log(`  ${label}: no result (exit ${command.exitCode ?? command.signal}): ${command.stderr.trim().split('\n').slice(0, 4).join(' | ')}`);
  return { label, summary, command, bytesReceived };
}

interface Score {
  readonly found: number;
  readonly expected: number;
  readonly missed: string[];
  readonly falsePositives: string[];
  readonly weak: number;
}

function score(manifest: ImapCorpusManifest, summary: SearchSummary): Score {
  const strong = new Set(summary.findings.filter((f) => f.strength === 'strong').map((f) => f.messageId ?? '?'));
  const expected = new Set(manifest.targets.map((t) => t.messageId));
  const why = new Map<string, string>([
    ...manifest.distractors.map((d) => [d.messageId, `distractor ${d.kind}`] as const),
    ...manifest.weakOnly.map((d) => [d.messageId, `name-only ${d.kind}`] as const),
    ...manifest.targets.filter((t) => t.innerMessageId).map((t) => [t.innerMessageId!, `inner message of ${t.kind}`] as const),
  ]);
  return {
    found: manifest.targets.filter((t) => strong.has(t.messageId)).length,
    expected: expected.size,
    missed: manifest.targets.filter((t) => !strong.has(t.messageId)).map((t) => `${t.kind} (${t.mailbox})`),
    falsePositives: [...strong].filter((id) => !expected.has(id)).map((id) => why.get(id) ?? `ordinary message ${id}`),
    weak: summary.findings.filter((f) => f.strength === 'weak').length,
  };
}

const mb = (bytes: number): string => (bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 2 : 1);

function printReport(manifest: ImapCorpusManifest, server: { bytes: number }, runs: RunResult[], stateBytes: number): void {
  const textShare = server.bytes - manifest.binaryBytes;
  const goal = textShare * 1.1;
  const rows = runs.map((r) => {
    const s = r.summary;
    const sc = s ? score(manifest, s) : null;
    return [
      r.label,
      s ? s.seconds.toFixed(1) : '-',
      s ? (manifest.messages / s.seconds).toFixed(0) : '-',
      mb(r.bytesReceived),
      `${((100 * r.bytesReceived) / server.bytes).toFixed(2)}%`,
      (r.bytesReceived / textShare).toFixed(3),
      r.command.peakRssKb ? (r.command.peakRssKb / 1024).toFixed(0) : '-',
      s ? String(s.scanned) : '-',
      sc ? `${sc.found}/${sc.expected} ${((100 * sc.found) / Math.max(1, sc.expected)).toFixed(0)}%` : '-',
      sc ? String(sc.falsePositives.length) : '-',
      sc ? String(sc.weak) : '-',
      s ? String(s.warnings.length) : '-',
    ];
  });
  const out: string[] = [];
  out.push('');
  out.push(
    `mailbox: ${manifest.messages} messages in ${Object.keys(manifest.mailboxes).length} mailboxes, ${mb(server.bytes)} MB (sum of RFC822.SIZE); ` +
      `${manifest.messagesWithBinary} messages (${((100 * manifest.messagesWithBinary) / manifest.messages).toFixed(1)}%) carry binary attachments, ${mb(manifest.binaryBytes)} MB of base64`,
  );
  out.push(`text-part share (everything but binary bodies): ${mb(textShare)} MB = ${((100 * textShare) / server.bytes).toFixed(2)}% of the mailbox; goal: run 1 receives <= text share + 10% = ${mb(goal)} MB`);
  out.push('');
  out.push(formatTable(['run', 'search s', 'msg/s', 'received MB', 'of mailbox', '÷ text share', 'peak RSS MB', 'covered', 'recall', 'FP', 'weak', 'warnings'], rows));
  out.push('received = bytes Dovecot sent, counted on the socket (TCP proxy); ÷ text share: 1.100 is the goal; covered = messages covered (the second run counts those carried over from the state)');
  out.push('search s = the connector\'s search inside the child process; peak RSS = GNU time %M of that process (node + tsx)');
  const [first, second] = runs;
  if (first && second && first.bytesReceived > 0) {
    out.push(`run 2 received ${second.bytesReceived} bytes = ${((100 * second.bytesReceived) / first.bytesReceived).toFixed(2)}% of run 1; sync state after run 2: ${stateBytes} bytes`);
    const same = first.summary && second.summary && JSON.stringify(first.summary.findings) === JSON.stringify(second.summary.findings);
    out.push(`run 2 findings identical to run 1 (ids, mailboxes, UIDs, strength, order): ${same ? 'yes' : 'NO'}`);
  }
  for (const r of runs) {
    const s = r.summary;
    if (!s) continue;
    const sc = score(manifest, s);
    if (sc.missed.length) out.push(`${r.label}: missed ${sc.missed.join(', ')}`);
    if (sc.falsePositives.length) out.push(`${r.label}: false positives ${sc.falsePositives.join(', ')}`);
    for (const w of s.warnings.slice(0, 5)) out.push(`${r.label}: warning${w.uncovered ? ' (uncovered)' : ''}: ${w.message}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      messages: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '1' },
      'binary-share': { type: 'string', default: String(DEFAULT_BINARY_SHARE) },
      rebuild: { type: 'boolean', default: false },
      'timeout-s': { type: 'string', default: '3600' },
    },
    strict: true,
  });
  const messages = Number(values.messages);
  const binaryShare = Number(values['binary-share']);
  if (!Number.isInteger(messages) || messages < 100) throw new Error('--messages must be an integer >= 100');
  if (!(binaryShare >= 0 && binaryShare <= 1)) throw new Error('--binary-share must be between 0 and 1');
  const dir = corpusDir(messages, values.seed, binaryShare);
  const loadBefore = loadavg();

  let manifest: ImapCorpusManifest | null = null;
  if (!values.rebuild && existsSync(join(dir, MANIFEST))) {
    const cached = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as ImapCorpusManifest;
    if (cached.version === IMAP_CORPUS_VERSION) manifest = cached;
  }
  if (!manifest) rmSync(dir, { recursive: true, force: true }); // a half-built or outdated maildir
  await mkdir(dir, { recursive: true });

  const server = await startDovecot();
  let proxy: TcpProxy | undefined;
  const work = mkdtempSync(join(tmpdir(), 'auskunft-imap-bench-'));
  try {
    await useCorpusMail(server, dir);
    if (manifest) log(`corpus: reusing ${dir} (${manifest.messages} messages, APPEND took ${manifest.appendSeconds.toFixed(0)} s when built)`);
    else {
      log(`corpus: generating ${messages} messages and APPENDing them to Dovecot in ${dir} …`);
      manifest = await buildCorpus(server, dir, { seed: values.seed, messages, binaryShare });
      log(`  done: ${(manifest.totalBytes / 1048576).toFixed(0)} MB in ${manifest.appendSeconds.toFixed(0)} s (${(manifest.messages / manifest.appendSeconds).toFixed(0)} messages/s)`);
    }
    const totals = await serverTotals(server);
    const held = Object.values(totals.mailboxes).reduce((a, b) => a + b, 0);
    if (held !== manifest.messages) throw new Error(`Dovecot holds ${held} messages, the manifest says ${manifest.messages}: delete ${dir} (or --rebuild)`);
    if (totals.bytes !== manifest.totalBytes) log(`note: sum of RFC822.SIZE ${totals.bytes} differs from the generated ${manifest.totalBytes} bytes`);

    proxy = await startTcpProxy(server.port);
    const files = { state: join(work, 'state.json'), subject: join(work, 'subject.json'), out: join(work, 'result.json') };
    writeFileSync(files.subject, JSON.stringify(manifest.subject));
    const timeoutMs = Number(values['timeout-s']) * 1000;
    const runs: RunResult[] = [];
    log('run 1: first search for the subject (no state) …');
    runs.push(await searchRun('1 first search', proxy, server, files, timeoutMs));
    log(`  ${runs[0]!.summary?.seconds.toFixed(1) ?? '-'} s, ${runs[0]!.bytesReceived} bytes`);
    log('run 2: same subject, unchanged mailbox, with the state of run 1 …');
    runs.push(await searchRun('2 same subject again', proxy, server, files, timeoutMs));
    log(`  ${runs[1]!.summary?.seconds.toFixed(1) ?? '-'} s, ${runs[1]!.bytesReceived} bytes`);
    const stateBytes = existsSync(files.state) ? readFileSync(files.state).length : 0;

    printReport(manifest, totals, runs, stateBytes);
    process.stdout.write(`load average (1 min) on ${cpus().length} cores: ${loadBefore[0]?.toFixed(1)} before, ${loadavg()[0]?.toFixed(1)} after\n`);
    const resultsPath = join(CORPUS_ROOT, 'imap-scan-results.json');
    writeFileSync(
      resultsPath,
      `${JSON.stringify(
        {
          at: new Date().toISOString(),
          messages: manifest.messages,
          mailboxBytes: totals.bytes,
          binaryBytes: manifest.binaryBytes,
          textShareBytes: totals.bytes - manifest.binaryBytes,
          runs: runs.map((r) => ({
            label: r.label,
            seconds: r.summary?.seconds ?? null,
            bytesReceived: r.bytesReceived,
            peakRssKb: r.command.peakRssKb ?? null,
            exit: r.command.exitCode,
            ...(r.summary ? { score: score(manifest!, r.summary) } : {}),
          })),
        },
        null,
        2,
      )}\n`,
    );
    process.stdout.write(`details: ${resultsPath}\n`);
    return runs.every((r) => r.summary) ? 0 : 1;
  } finally {
    await proxy?.close();
    await server.dispose();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench/imap-scan: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
