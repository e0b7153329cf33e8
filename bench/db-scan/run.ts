import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startMariaDb, type MariaDbServer } from '../../tests/integration/helpers/mariadb.js';
import { startPostgres, type PostgresServer } from '../../tests/integration/helpers/postgres.js';
import { type CommandResult, bestOf, commandWorks, formatTable, lastLines, requireRgAndCli, runBenchmark, runCommand, summarizeKinds, writeResults } from '../measure.js';
import { generateDbCorpus, KUNDEN_DDL, LOG_DDL, SUBJECT, type DbCorpus, type PlantedRow } from './generateDbCorpus.js';
import { benchWorkspaceYaml } from '../benchWorkspace.js';

/**
 * bench/db-scan: the `database` source over PostgreSQL and MariaDB holding the same rows, in one run,
 * each against a baseline measured in the same run: the server's own dump piped through ripgrep
 * (`psql -c "COPY t TO STDOUT" | rg -F -c ADDRESS`, `mariadb --batch --quick -e "SELECT * FROM t" |
 * rg -F -c ADDRESS`). Prints rows/s, wall and CPU seconds, peak RSS, recall of the planted rows and
 * false positives per driver. Numbers, not verdicts (docs/ARCHITECTURE.md "bench/").
 *
 *   npm run build && node --import tsx bench/db-scan/run.ts [--rows 200000] [--seed 1]
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS_ROOT = join(REPO, 'bench', '.corpus');
const PASSWORD_ENV = 'AUSKUNFT_BENCH_DB_PASSWORD';

const REGISTER_YAML = `# Minimal register for the database benchmark (docs/ARCHITECTURE.md "Register").
activities:
  - id: customer-management
    name: { de: Kundenverwaltung, en: Customer management }
    purposes: [{ de: Vertragsabwicklung und Kundenbetreuung, en: Contract performance and customer care }]
    categories: [contact.name, contact.email, contact.phone, customer.id, communication.content]
    legalBasis: ["6(1)(b)"]
    recipients: []
    retention: { de: Bis zum Ende gesetzlicher Aufbewahrungsfristen, en: Until statutory retention periods end }
    automatedDecisions: false
    localCopy: true
categories:
  - { id: contact.name, name: { de: Name, en: Name } }
  - { id: contact.email, name: { de: E-Mail-Adresse, en: Email address } }
  - { id: contact.phone, name: { de: Telefonnummer, en: Phone number } }
  - { id: customer.id, name: { de: Kundennummer, en: Customer number } }
  - { id: communication.content, name: { de: Inhalt der Kommunikation, en: Content of communication } }
`;

type DriverName = 'postgres' | 'mariadb';

interface Target {
  readonly driver: DriverName;
  /** The server process, whose CPU time is read around the search. */
  readonly pid: number;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  readonly password: string;
}

function workspaceYaml(t: Target, timeoutS: number): string {
  return benchWorkspaceYaml(
    'bench/db-scan/run.ts (README "Source type database")',
    `{ id: db, type: database, driver: ${t.driver}, host: ${t.host}, port: ${t.port}, database: ${t.database}, user: ${t.user}, password: { env: ${PASSWORD_ENV} }, ssl: off, timeout: ${timeoutS}, activities: [customer-management] }`,
  );
}

const SUBJECT_YAML = `name: ${SUBJECT.name}\nemails: [${SUBJECT.email}]\nphones: ["${SUBJECT.phone}"]\ncustomerIds: [${SUBJECT.customerId}]\n`;

interface FindingLike {
  source?: string;
  strength?: string;
  locator?: { table?: string; key?: Record<string, string | number>; row?: number };
  record?: unknown;
}
interface SourceLike {
  id?: string;
  status?: string;
  scanned?: number;
  warnings?: unknown[];
  error?: string | null;
}

interface Score {
  readonly expected: number;
  readonly found: number;
  readonly missed: PlantedRow[];
  readonly falsePositives: string[];
  readonly weakPlanted: number;
  readonly weakPlantedFound: number;
  readonly weakOther: number;
  readonly source?: SourceLike;
}

/** Which planted row a finding is: `kunden` by its key, `kontakt_log` (no key) by its `ref` in the record. */
function plantedKey(f: FindingLike): string | undefined {
  const table = f.locator?.table ?? '';
  if (/(^|\.)kunden$/.test(table)) {
    const id = f.locator?.key?.id;
    return id === undefined ? undefined : `kunden:${id}`;
  }
  if (/(^|\.)kontakt_log$/.test(table)) {
    const ref = /"(L-\d+)"/.exec(JSON.stringify(f.record ?? {}))?.[1];
    return ref ? `kontakt_log:${ref}` : undefined;
  }
  return undefined;
}

function score(corpus: DbCorpus, findingsPath: string): Score {
  const json = JSON.parse(readFileSync(findingsPath, 'utf8')) as { findings?: FindingLike[]; sources?: SourceLike[] };
  const findings = (json.findings ?? []).filter((f) => f.source === 'db');
  const byKey = new Map(corpus.planted.map((p) => [`${p.table}:${p.key}`, p]));
  const strong = new Set<string>();
  const weak = new Set<string>();
  const falsePositives: string[] = [];
  let weakOther = 0;
  for (const f of findings) {
    const key = plantedKey(f);
    const planted = key ? byKey.get(key) : undefined;
    if (f.strength === 'strong') {
      if (key && planted?.role === 'target') strong.add(key);
      else falsePositives.push(planted ? `${planted.role} ${planted.kind}` : 'ordinary row');
    } else if (key && planted?.role === 'name-only') weak.add(key);
    else weakOther++;
  }
  const targets = corpus.planted.filter((p) => p.role === 'target');
  const missed = targets.filter((t) => !strong.has(`${t.table}:${t.key}`));
  return {
    expected: targets.length,
    found: targets.length - missed.length,
    missed,
    falsePositives,
    weakPlanted: corpus.planted.filter((p) => p.role === 'name-only').length,
    weakPlantedFound: weak.size,
    weakOther,
    source: (json.sources ?? []).find((s) => s.id === 'db'),
  };
}

interface DriverResult {
  readonly driver: DriverName;
  readonly baseline: CommandResult & { runs: number[] };
  readonly baselineCount: number | null;
  readonly auskunft: CommandResult;
  /** CPU seconds the server spent while auskunft searched (all its threads, and reaped backends). */
  readonly serverCpuSeconds: number | null;
  readonly score?: Score;
  readonly error?: string;
}

/** utime+stime+cutime+cstime of a process from /proc, in seconds; null where /proc is not there. */
function processCpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    // After the command name: field 3 is state, so utime..cstime (14..17) are indexes 11..14 here.
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
    return ticks / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function loadMariaDb(server: MariaDbServer, corpus: DbCorpus): Promise<void> {
  await server.root(`USE ${server.database}; ${KUNDEN_DDL.mariadb}; ${LOG_DDL.mariadb}`);
  for (const [table, file] of Object.entries(corpus.files)) {
    // Server-side LOAD DATA: mariadbd runs as root here and reads the generator's file directly.
    await server.root(`LOAD DATA INFILE ? INTO TABLE ${server.database}.${table} CHARACTER SET utf8mb4`, [file]);
  }
  await server.root(`ANALYZE TABLE ${server.database}.kunden, ${server.database}.kontakt_log`);
}

const PG_DATABASE = 'auskunft_bench';
const PG_READER = { user: 'auskunft_reader', password: 'Lese-Recht 2026!' };

/** The test harness's PostgreSQL plus what the benchmark needs: a database, the rows, a SELECT-only role. */
async function loadPostgres(server: PostgresServer, corpus: DbCorpus): Promise<void> {
  await server.admin(`CREATE DATABASE ${PG_DATABASE}`);
  await server.admin(`CREATE ROLE ${PG_READER.user} LOGIN PASSWORD '${PG_READER.password.replaceAll("'", "''")}'`);
  await server.admin(`${KUNDEN_DDL.postgres}; ${LOG_DDL.postgres}; GRANT SELECT ON kunden, kontakt_log TO ${PG_READER.user}`, PG_DATABASE);
  for (const [table, file] of Object.entries(corpus.files)) {
    // psql's \copy reads the file here and streams it; the harness's socket login is trust.
    const r = await runCommand('psql', ['-X', '-q', '-h', server.dir, '-p', String(server.port), '-U', 'postgres', '-d', PG_DATABASE, '-c', `\\copy ${table} FROM '${file}'`]);
    if (r.exitCode !== 0) throw new Error(`loading ${table} into PostgreSQL failed: ${lastLines(r.stderr, 3)}`);
  }
  await server.admin('ANALYZE', PG_DATABASE);
}

/** The postmaster's pid, from the first line of its pid file (the harness starts it via runuser). */
function postmasterPid(server: PostgresServer): number {
  try {
    return Number(readFileSync(join(server.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return 0;
  }
}

/** The baseline: the server's own client dumps both tables, rg counts the lines holding the address. */
function baselineCommand(t: Target): { script: string; env: NodeJS.ProcessEnv } {
  const rg = `rg --no-config -F -c ${SUBJECT.email}`;
  if (t.driver === 'postgres') {
    const psql = `psql -X -h ${t.host} -p ${t.port} -U ${t.user} -d ${t.database}`;
    return { script: `set -o pipefail; { ${psql} -c "COPY kunden TO STDOUT" && ${psql} -c "COPY kontakt_log TO STDOUT"; } | ${rg}`, env: { ...process.env, PGPASSWORD: t.password } };
  }
  const client = `mariadb --no-defaults --batch --quick --skip-column-names -h ${t.host} -P ${t.port} -u ${t.user} ${t.database}`;
  return { script: `set -o pipefail; { ${client} -e "SELECT * FROM kunden" && ${client} -e "SELECT * FROM kontakt_log"; } | ${rg}`, env: { ...process.env, MYSQL_PWD: t.password } };
}

async function benchDriver(t: Target, corpus: DbCorpus, dir: string, opts: { cli: string; rgRuns: number; timeoutMs: number; statementTimeoutS: number }): Promise<DriverResult> {
  const ws = join(dir, t.driver);
  mkdirSync(ws, { recursive: true });
  writeFileSync(join(ws, 'register.yaml'), REGISTER_YAML);
  writeFileSync(join(ws, 'auskunft.yaml'), workspaceYaml(t, opts.statementTimeoutS));
  writeFileSync(join(ws, 'subject.yaml'), SUBJECT_YAML);
  const out = join(ws, 'findings.json');
  rmSync(out, { force: true });

  const b = baselineCommand(t);
  const baseline = await bestOf(opts.rgRuns, () => runCommand('bash', ['-c', b.script], { env: b.env, measureRss: true, timeoutMs: opts.timeoutMs }));
  const baselineCount = baseline.exitCode === 0 || baseline.exitCode === 1 ? Number(baseline.stdout.trim() || '0') : null;
  log(`  ${t.driver} baseline (dump | rg): ${baseline.runs.map((s) => s.toFixed(3)).join(' / ')} s, ${baselineCount ?? `error: ${lastLines(baseline.stderr, 2)}`} lines`);

  const env = { ...process.env, [PASSWORD_ENV]: t.password };
  const args = [opts.cli, 'search', '--workspace', join(ws, 'auskunft.yaml'), '--subject', join(ws, 'subject.yaml'), '--out', out];
  const serverBefore = processCpuSeconds(t.pid);
  const auskunft = await runCommand(process.execPath, args, { cwd: ws, env, measureRss: true, timeoutMs: opts.timeoutMs });
  const serverAfter = processCpuSeconds(t.pid);
  // A backend's time reaches the postmaster's cutime only once it has exited; give it a moment.
  await new Promise((r) => setTimeout(r, 300));
  const serverCpuSeconds = serverBefore !== null && serverAfter !== null ? Math.max(serverAfter, processCpuSeconds(t.pid) ?? serverAfter) - serverBefore : null;
  log(`  ${t.driver} auskunft: exit ${auskunft.exitCode ?? auskunft.signal}, ${auskunft.wallSeconds.toFixed(2)} s, peak RSS ${((auskunft.peakRssKb ?? 0) / 1024).toFixed(0)} MB`);
  if (auskunft.timedOut) return { driver: t.driver, baseline, baselineCount, auskunft, serverCpuSeconds, error: `timed out after ${opts.timeoutMs / 1000} s` };
  if (!existsSync(out)) return { driver: t.driver, baseline, baselineCount, auskunft, serverCpuSeconds, error: `no findings written (exit ${auskunft.exitCode ?? auskunft.signal}): ${lastLines(auskunft.stderr, 3)}` };
  try {
    return { driver: t.driver, baseline, baselineCount, auskunft, serverCpuSeconds, score: score(corpus, out) };
  } catch (err) {
    return { driver: t.driver, baseline, baselineCount, auskunft, serverCpuSeconds, error: `findings.json unreadable: ${err instanceof Error ? err.message : String(err)}` };
  }
}

const cpu = (r: CommandResult): number => (r.userSeconds ?? NaN) + (r.systemSeconds ?? NaN);

function printReport(corpus: DbCorpus, results: DriverResult[]): void {
  const total = corpus.rows + corpus.logRows;
  const rows = results.map((r) => {
    const s = r.score;
    const a = r.auskunft;
    return [
      r.driver,
      String(total),
      a.wallSeconds.toFixed(2),
      cpu(a).toFixed(2),
      r.serverCpuSeconds === null ? '-' : r.serverCpuSeconds.toFixed(2),
      r.error ? '-' : String(Math.round(total / a.wallSeconds)),
      a.peakRssKb ? (a.peakRssKb / 1024).toFixed(0) : '-',
      s ? `${s.found}/${s.expected} ${((100 * s.found) / Math.max(1, s.expected)).toFixed(0)}%` : '-',
      s ? String(s.falsePositives.length) : '-',
      s ? `${s.weakPlantedFound}/${s.weakPlanted}+${s.weakOther}` : '-',
      r.baseline.wallSeconds.toFixed(3),
      r.error ? '-' : (a.wallSeconds / r.baseline.wallSeconds).toFixed(1),
      r.error ? '-' : (cpu(a) / cpu(r.baseline)).toFixed(1),
      String(a.exitCode ?? a.signal),
    ];
  });
  process.stdout.write(`\n${formatTable(['driver', 'rows', 'auskunft s', 'cpu s', 'server cpu s', 'rows/s', 'peak RSS MB', 'recall', 'FP', 'weak', 'baseline s', 'ratio', 'cpu ratio', 'exit'], rows)}\n`);
  process.stdout.write(
    'baseline = the server\'s client dumping both tables (psql COPY TO STDOUT / mariadb --batch --quick) piped through rg -F -c, best of the runs;\n' +
      'ratio = auskunft wall / baseline wall; cpu ratio = the same with user+sys CPU seconds (the baseline\'s include the client and rg, not the server);\n' +
      'server cpu s = CPU seconds of the database server during the search (mariadbd\'s threads; the postmaster\'s reaped backends);\n' +
      'recall = planted target rows found as strong findings; FP = strong findings that are not targets; weak = name-only rows found weak / planted, + other weak findings\n',
  );
  for (const r of results) {
    const notes: string[] = [];
    if (r.error) notes.push(`error: ${r.error}`);
    if (r.baselineCount !== corpus.literalRows) notes.push(`the baseline counted ${r.baselineCount} lines, the generator wrote ${corpus.literalRows} rows holding the literal address`);
    const s = r.score;
    if (s?.source) notes.push(`source: status ${s.source.status}, scanned ${s.source.scanned} of ${total} rows, ${s.source.warnings?.length ?? 0} warnings${s.source.error ? `, error ${s.source.error}` : ''}`);
    if (s?.missed.length) notes.push(`missed: ${summarizeKinds(s.missed.map((m) => m.kind))}`);
    if (s?.falsePositives.length) notes.push(`false positives: ${summarizeKinds(s.falsePositives)}`);
    notes.push(`CPU: auskunft ${(r.auskunft.userSeconds ?? 0).toFixed(2)} s user + ${(r.auskunft.systemSeconds ?? 0).toFixed(2)} s sys; baseline ${(r.baseline.userSeconds ?? 0).toFixed(2)} + ${(r.baseline.systemSeconds ?? 0).toFixed(2)} s`);
    process.stdout.write(`${r.driver}:\n${notes.map((n) => `  - ${n}`).join('\n')}\n`);
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '200000' },
      seed: { type: 'string', default: '1' },
      drivers: { type: 'string', default: 'postgres,mariadb' },
      'rg-runs': { type: 'string', default: '3' },
      'timeout-s': { type: 'string', default: '1800' },
      'statement-timeout-s': { type: 'string', default: '60' },
      cli: { type: 'string', default: join(REPO, 'bin', 'auskunft.js') },
    },
    strict: true,
  });
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows < 4_000) throw new Error(`--rows: an integer of at least 4000 (got "${values.rows}")`);
  const drivers = values.drivers.split(',').map((d) => d.trim()) as DriverName[];
  if (drivers.some((d) => d !== 'postgres' && d !== 'mariadb')) throw new Error(`--drivers: postgres, mariadb (got "${values.drivers}")`);
  await requireRgAndCli(values.cli, join(REPO, 'bin', 'auskunft.js'), REPO);
  if (drivers.includes('postgres') && !(await commandWorks('psql', ['--version']))) throw new Error('psql is not installed (the PostgreSQL baseline)');
  if (drivers.includes('mariadb') && !(await commandWorks('mariadb', ['--version']))) throw new Error('the mariadb client is not installed (the MariaDB baseline)');

  const dir = join(CORPUS_ROOT, `db-scan-${rows}-seed${values.seed}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const corpus = await generateDbCorpus(dir, rows, values.seed);
  log(`corpus: ${rows} + ${corpus.logRows} rows, ${corpus.planted.length} planted, in ${((Date.now() - started) / 1000).toFixed(1)} s (${dir})`);

  const servers: { postgres?: PostgresServer; mariadb?: MariaDbServer } = {};
  try {
    const startedServers = Date.now();
    const [pgServer, mdbServer] = await Promise.all([drivers.includes('postgres') ? startPostgres() : undefined, drivers.includes('mariadb') ? startMariaDb({ bufferPoolMb: 256 }) : undefined]);
    servers.postgres = pgServer;
    servers.mariadb = mdbServer;
    await Promise.all([pgServer ? loadPostgres(pgServer, corpus) : undefined, mdbServer ? loadMariaDb(mdbServer, corpus) : undefined]);
    log(`servers started and loaded in ${((Date.now() - startedServers) / 1000).toFixed(1)} s`);

    const opts = { cli: resolve(values.cli), rgRuns: Number(values['rg-runs']), timeoutMs: Number(values['timeout-s']) * 1000, statementTimeoutS: Number(values['statement-timeout-s']) };
    const results: DriverResult[] = [];
    const loadBefore = loadavg()[0] ?? 0;
    for (const driver of drivers) {
      const target: Target | undefined =
        driver === 'postgres'
          ? servers.postgres && { driver, pid: postmasterPid(servers.postgres), host: servers.postgres.host, port: servers.postgres.port, database: PG_DATABASE, ...PG_READER }
          : servers.mariadb && { driver, pid: servers.mariadb.pid, host: servers.mariadb.host, port: servers.mariadb.port, database: servers.mariadb.database, ...servers.mariadb.reader };
      if (!target) continue;
      results.push(await benchDriver(target, corpus, dir, opts));
    }
    printReport(corpus, results);
    // The machine may be shared: the load says how far the wall-clock figures can be trusted.
    process.stdout.write(`load average (1 min) on ${cpus().length} cores: ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after\n`);
    writeResults(join(CORPUS_ROOT, 'db-scan-results.json'), results.map((r) => ({
      driver: r.driver, rows: corpus.rows + corpus.logRows,
      auskunftSeconds: r.auskunft.wallSeconds, auskunftCpuSeconds: cpu(r.auskunft), serverCpuSeconds: r.serverCpuSeconds, peakRssKb: r.auskunft.peakRssKb, exit: r.auskunft.exitCode,
      baselineSeconds: r.baseline.wallSeconds, baselineRuns: r.baseline.runs, baselineCpuSeconds: cpu(r.baseline), baselineCount: r.baselineCount,
      ratio: r.auskunft.wallSeconds / r.baseline.wallSeconds,
      recall: r.score ? r.score.found / Math.max(1, r.score.expected) : null, falsePositives: r.score?.falsePositives, missed: r.score?.missed, error: r.error,
    })));
    return results.some((r) => r.error) ? 1 : 0;
  } finally {
    await Promise.all([servers.postgres?.dispose(), servers.mariadb?.dispose()]);
  }
}

runBenchmark('bench/db-scan', main);
