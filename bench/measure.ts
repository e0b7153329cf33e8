import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Measuring helpers shared by the benchmarks: run a command, time it, take its peak RSS.
 * Benchmarks print ratios, not verdicts (docs/ARCHITECTURE.md "bench/").
 */

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Kill the command (its whole process group) after this long. */
  readonly timeoutMs?: number;
  /** Run under GNU time (`/usr/bin/time`) to get peak RSS and CPU seconds. */
  readonly measureRss?: boolean;
  /** Send stdout to /dev/null instead of collecting it. */
  readonly discardStdout?: boolean;
}

export interface CommandResult {
  readonly command: string;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly wallSeconds: number;
  /** Peak resident set size of the command in KiB (`%M`), when measured. */
  readonly peakRssKb?: number;
  readonly userSeconds?: number;
  readonly systemSeconds?: number;
  /** The last OUTPUT_KEEP characters of each stream: enough for a count or an error message. */
  readonly stdout: string;
  readonly stderr: string;
}

const OUTPUT_KEEP = 64 * 1024;
export const GNU_TIME = '/usr/bin/time';

/**
 * Run `cmd args`, measuring wall time with hrtime and, with `measureRss`, peak RSS via
 * `/usr/bin/time -f '%e %U %S %M' -o FILE` (a file, so the command's own stderr stays clean).
 * Note: `%M` is the largest RSS of the waited-for process, not the sum over a process tree.
 */
export async function runCommand(cmd: string, args: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
  let timeFile: string | undefined;
  let file = cmd;
  let argv = [...args];
  if (options.measureRss) {
    if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} is needed to measure peak RSS`);
    const dir = mkdtempSync(join(tmpdir(), 'auskunft-bench-'));
    timeFile = join(dir, 'time.txt');
    file = GNU_TIME;
    argv = ['-f', '%e %U %S %M', '-o', timeFile, cmd, ...args];
  }
  const command = [cmd, ...args].join(' ');
  const started = process.hrtime.bigint();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', options.discardStdout ? 'ignore' : 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  const keep = (buf: string, chunk: Buffer): string => {
    const next = buf + chunk.toString('utf8');
    return next.length > OUTPUT_KEEP ? next.slice(-OUTPUT_KEEP) : next;
  };
  child.stdout?.on('data', (c: Buffer) => (stdout = keep(stdout, c)));
  child.stderr?.on('data', (c: Buffer) => (stderr = keep(stderr, c)));
  let timedOut = false;
  const timer = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        // The child leads its own process group (detached), so this ends it and nothing else.
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      }, options.timeoutMs)
    : undefined;
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c, s) => resolve({ code: c, signal: s }));
  });
  if (timer) clearTimeout(timer);
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  let measured: Pick<CommandResult, 'peakRssKb' | 'userSeconds' | 'systemSeconds'> = {};
  if (timeFile) {
    // GNU time writes "Command exited with non-zero status N" before the format line when N != 0.
    const lines = existsSync(timeFile) ? readFileSync(timeFile, 'utf8').trim().split('\n') : [];
    const fields = (lines[lines.length - 1] ?? '').trim().split(/\s+/).map(Number);
    if (fields.length === 4 && fields.every((n) => Number.isFinite(n))) {
      measured = { userSeconds: fields[1], systemSeconds: fields[2], peakRssKb: fields[3] };
    }
    rmSync(join(timeFile, '..'), { recursive: true, force: true });
  }
  return { command, exitCode: code, signal, timedOut, wallSeconds, ...measured, stdout, stderr };
}

/** Run `n` times and keep the fastest run (the usual way to time a short, cache-warm command). */
export async function bestOf(n: number, run: () => Promise<CommandResult>): Promise<CommandResult & { readonly runs: number[] }> {
  let best: CommandResult | undefined;
  const runs: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await run();
    runs.push(r.wallSeconds);
    if (!best || r.wallSeconds < best.wallSeconds) best = r;
  }
  if (!best) throw new Error('bestOf needs n >= 1');
  return { ...best, runs };
}

/**
 * The baseline of the scan benchmarks: `rg -F -c LITERAL FILE` (with `-i` for ignoreCase; in `cwd`), best of `runs`, and the
 * lines it counted (null if rg failed; exit 1 is "none").
 */
export async function rgLiteralCount(runs: number, literal: string, file: string, cwd: string, options: { ignoreCase?: boolean } = {}): Promise<{ rg: CommandResult & { readonly runs: number[] }; rgCount: number | null }> {
  const flags = options.ignoreCase ? ['-F', '-c', '-i'] : ['-F', '-c'];
  const rg = await bestOf(runs, () => runCommand('rg', ['--no-config', ...flags, literal, file], { cwd, measureRss: true }));
  return { rg, rgCount: rg.exitCode === 0 || rg.exitCode === 1 ? Number(rg.stdout.trim() || '0') : null };
}

/** A progress line on stderr (stdout is the report). */
export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** What the scan benchmarks read of a source's status in `auskunft search` output. */
export interface SourceLike {
  id?: string;
  status?: string;
  scanned?: number;
  warnings?: unknown[];
  error?: string | null;
}

/** The findings of source `sourceId` in an `auskunft search` output file, and that source's status. */
export function readSearchOutput<F extends { source?: string }>(path: string, sourceId: string): { findings: F[]; source: SourceLike | undefined } {
  const json = JSON.parse(readFileSync(path, 'utf8')) as { findings?: F[]; sources?: SourceLike[] };
  return { findings: (json.findings ?? []).filter((f) => f.source === undefined || f.source === sourceId), source: (json.sources ?? []).find((s) => s.id === sourceId) };
}

/**
 * Recall against what the generator planted, by a key that names a record (a Message-ID, a line):
 * the targets found strong, the planted name-only records found weak, and the strong keys that were not
 * expected (false positives, explained by the caller).
 */
export function recallOf<P, K>(planted: { targets: readonly P[]; key: (p: P) => K; expected: readonly K[]; weakOnly: readonly K[] }, strong: ReadonlySet<K>, weak: ReadonlySet<K>) {
  const expected = new Set(planted.expected);
  const missed = planted.targets.filter((t) => !strong.has(planted.key(t)));
  const weakOnly = new Set(planted.weakOnly);
  return {
    expected: expected.size,
    found: planted.targets.length - missed.length,
    missed,
    unexpected: [...strong].filter((k) => !expected.has(k)),
    weakFound: weak.size,
    weakExpectedFound: [...weak].filter((k) => weakOnly.has(k)).length,
  };
}

/** Read a file once so that the timed runs that follow all start from a warm page cache. */
export async function warmPageCache(path: string): Promise<number> {
  const r = await runCommand('cat', [path], { discardStdout: true }); // cat FILE > /dev/null
  if (r.exitCode !== 0) throw new Error(`cat ${path} failed: ${r.stderr.trim()}`);
  return r.wallSeconds;
}

/** Whether `cmd` can be run (e.g. `rg --version`). */
export async function commandWorks(cmd: string, args: readonly string[]): Promise<boolean> {
  try {
    return (await runCommand(cmd, args)).exitCode === 0;
  } catch {
    return false;
  }
}

/** A fixed-width text table: right-aligned columns, one header row. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The last `n` lines of a command's output, on one line, for an error row. */
export function lastLines(text: string, n: number): string {
  return text.trim().split('\n').slice(-n).join(' | ');
}

/** auskunft CPU seconds / rg CPU seconds (user+sys); null when either was not measured or rg's is 0. */
export function cpuRatio(r: { readonly auskunft: CommandResult; readonly rg: CommandResult }): number | null {
  const a = (r.auskunft.userSeconds ?? NaN) + (r.auskunft.systemSeconds ?? NaN);
  const g = (r.rg.userSeconds ?? NaN) + (r.rg.systemSeconds ?? NaN);
  return Number.isFinite(a) && Number.isFinite(g) && g > 0 ? a / g : null;
}

/** "qp-body ×2, html-mailto": how often each kind of target occurs in a list. */
export function summarizeKinds(kinds: string[]): string {
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(', ');
}

/** One size of a benchmark against rg: its rg and auskunft runs and how well auskunft found the targets. */
export interface RgComparison {
  readonly rg: CommandResult & { readonly runs: readonly number[] };
  readonly rgCount: number | null;
  readonly auskunft: CommandResult;
  readonly score?: { readonly found: number; readonly expected: number; readonly falsePositives: unknown };
  readonly error?: string;
}

/** Stop before generating anything when rg or the built CLI (the default `bin/auskunft.js`) is missing. */
export async function requireRgAndCli(cli: string, defaultCli: string, repo: string): Promise<void> {
  if (!(await commandWorks('rg', ['--version']))) throw new Error('ripgrep (rg) is not installed');
  if (!existsSync(join(repo, 'dist', 'cli', 'main.js')) && cli === defaultCli) throw new Error('the CLI is not built: run `npm run build` first');
}

/**
 * Run each size in turn, print the report, then the load average around the runs: the machine may be
 * shared, and the load says how far the wall-clock ratios can be trusted.
 */
export async function eachSizeWithLoad<T>(sizes: readonly number[], run: (size: number) => Promise<T>, report: (results: T[]) => void): Promise<T[]> {
  const before = loadavg();
  const results: T[] = [];
  for (const size of sizes) results.push(await run(size));
  report(results);
  process.stdout.write(`load average (1 min) on ${cpus().length} cores: ${before[0]?.toFixed(1)} before, ${loadavg()[0]?.toFixed(1)} after\n`);
  return results;
}

/** The fields every rg comparison writes to its results file, besides what describes its corpus. */
export function comparisonSummary(r: RgComparison) {
  return {
    rgSeconds: r.rg.wallSeconds, rgRuns: r.rg.runs, rgCount: r.rgCount,
    auskunftSeconds: r.auskunft.wallSeconds, auskunftExit: r.auskunft.exitCode, peakRssKb: r.auskunft.peakRssKb,
    ratio: r.auskunft.wallSeconds / r.rg.wallSeconds,
    cpuRatio: cpuRatio(r),
    rgCpuSeconds: (r.rg.userSeconds ?? 0) + (r.rg.systemSeconds ?? 0),
    auskunftCpuSeconds: (r.auskunft.userSeconds ?? 0) + (r.auskunft.systemSeconds ?? 0),
    recall: r.score ? r.score.found / Math.max(1, r.score.expected) : null,
    falsePositives: r.score?.falsePositives, error: r.error,
  };
}

/** Write a benchmark's results file and say where it is. */
export function writeResults(path: string, results: readonly unknown[]): void {
  writeFileSync(path, `${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`);
  process.stdout.write(`details: ${path}\n`);
}

/** Run a benchmark's main: its exit code, or one line naming the benchmark when it fails. */
export function runBenchmark(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${name}: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
