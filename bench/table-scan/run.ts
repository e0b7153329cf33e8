import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type CommandResult, bestOf, comparisonSummary, eachSizeWithLoad, formatTable, log, readSearchOutput, recallOf, rgLiteralCount, type SourceLike, runBenchmark, runCommand, requireRgAndCli, warmPageCache, cpuRatio, lastLines, summarizeKinds, writeResults } from '../measure.js';
import { benchRegisterYaml, benchWorkspaceYaml, writeBenchWorkspace } from '../benchWorkspace.js';
import type { CrmManifest, PlantedRow } from './crmManifest.js';
import { CORPUS_ROOT, DEFAULT_ROWS, defaultCorpusDir, generateCrm, readFreshCorpus } from './generateCrm.js';

/**
 * bench/table-scan: `auskunft search` over one big CRM export (windows-1252, `;`, multi-line cells)
 * against `rg -F -c` for the subject's address over the same file, in one run. Prints the time
 * ratio, peak RSS, recall and false positives per file size.
 * Goal (issue text): ratio <= 3, peak RSS <= 250 MB and flat as the table grows ("Every connector
 * streams. Memory stays flat for a 1M-row CSV."). It prints numbers, not verdicts: exit 0 unless
 * the benchmark itself or the CLI crashed.
 *
 *   npm run build && node --import tsx bench/table-scan/run.ts [--rows 100000,1000000] [--seed 1]
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_ID = 'crm';

const REGISTER_YAML = benchRegisterYaml('bench/table-scan/run.ts', {
  id: 'customer-management',
  name: '{ de: Kundenverwaltung, en: Customer management }',
  purpose: '{ de: Vertragsabwicklung und Kundenbetreuung, en: Contract performance and customer care }',
  categories: ['contact.name', 'contact.email', 'contact.phone', 'contact.address', 'customer.id', 'communication.content'],
  legalBasis: ['6(1)(b)', '6(1)(f)'],
});

function workspaceYaml(csvFile: string): string {
  return benchWorkspaceYaml('bench/table-scan/run.ts', `{ id: ${SOURCE_ID}, type: table, path: ${csvFile}, activities: [customer-management] }`);
}

function subjectYaml(m: CrmManifest): string {
  const s = m.subject;
  return `name: ${s.name}\nemails: [${s.email}]\nphones: ["${s.phone}"]\ncustomerIds: [${s.customerId}]\n`;
}

interface FindingLike {
  source?: string;
  strength?: string;
  locator?: { line?: number };
}
interface Score {
  readonly expected: number;
  readonly found: number;
  readonly missed: PlantedRow[];
  readonly falsePositives: { line: number; why: string }[];
  readonly weakFound: number;
  readonly weakExpectedFound: number;
  readonly withoutLine: number;
  readonly source?: SourceLike | undefined;
}

function score(m: CrmManifest, findingsPath: string): Score {
  const { findings, source } = readSearchOutput<FindingLike>(findingsPath, SOURCE_ID);
  const strong = new Set<number>();
  const weak = new Set<number>();
  let withoutLine = 0;
  for (const f of findings) {
    const line = f.locator?.line;
    if (typeof line !== 'number') {
      withoutLine++;
      continue;
    }
    (f.strength === 'strong' ? strong : weak).add(line);
  }
  const { unexpected, ...recall } = recallOf({ targets: m.targets, key: (t) => t.line, expected: m.expectedLines, weakOnly: m.weakOnly.map((w) => w.line) }, strong, weak);
  const planted = new Map<number, string>([
    ...m.distractors.map((d): [number, string] => [d.line, `look-alike ${d.kind}`]),
    ...m.weakOnly.map((w): [number, string] => [w.line, `name-only ${w.kind}`]),
  ]);
  const falsePositives = unexpected.map((line) => ({ line, why: planted.get(line) ?? 'ordinary row' }));
  return { ...recall, falsePositives, withoutLine, source };
}

/**
 * ripgrep given the search Auskunft does, as far as rg can express it: the file read in its encoding,
 * case-insensitive, the address and customer id, the phone number with any separators between its
 * digits and any of the prefixes 0, +49, 0049, and the name's parts in both German spellings. It
 * still does less (no columns, no record boundaries, no E.164 parsing, no confirmation of a hit), so
 * it is a floor, not the same work; the goal's baseline stays the single literal.
 */
function sameSearchArgs(m: CrmManifest): string[] {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const national = m.subject.phoneE164.replace(/^\+49/, '');
  const phone = `(\\+49|0049|0)?[\\s/()-]*${[...national].join('[\\s/()-]*')}`;
  const german = (word: string) => literal(word).replace(/ß|ss/g, '(ß|ss)').replace(/ü|ue/g, '(ü|ue)').replace(/ö|oe/g, '(ö|oe)').replace(/ä|ae/g, '(ä|ae)');
  const patterns = [literal(m.subject.email), literal(m.subject.customerId), phone, ...m.subject.name.split(/\s+/).map(german)];
  return ['--no-config', '-E', m.encoding, '-i', '-c', ...patterns.flatMap((p) => ['-e', p]), m.csv];
}

interface RowsResult {
  readonly manifest: CrmManifest;
  readonly rg: CommandResult & { runs: number[] };
  /** rg doing as much of the same search as it can (sameSearchArgs). */
  readonly rgSame: CommandResult & { runs: number[] };
  readonly rgCount: number | null;
  readonly auskunft: CommandResult;
  readonly score?: Score;
  readonly error?: string;
}

async function ensureCorpus(rows: number, seed: string): Promise<{ dir: string; manifest: CrmManifest }> {
  const dir = defaultCorpusDir(rows, seed);
  const cached = readFreshCorpus(dir, rows, seed);
  if (cached) {
    log(`corpus ${rows} rows (seed ${seed}): reusing ${dir}`);
    return { dir, manifest: cached };
  }
  log(`corpus ${rows} rows (seed ${seed}): generating in ${dir} …`);
  const manifest = await generateCrm({ rows, seed, outDir: dir });
  log(`  ${(manifest.bytes / 1048576).toFixed(0)} MB, ${manifest.physicalLines} lines, ${manifest.targets.length} targets, ${manifest.generationSeconds.toFixed(1)} s`);
  return { dir, manifest };
}

async function benchRows(rows: number, opts: { seed: string; rgRuns: number; timeoutMs: number; cli: string; nodeArgs: string[] }): Promise<RowsResult> {
  const { dir, manifest } = await ensureCorpus(rows, opts.seed);
  const csv = join(dir, manifest.csv);
  const { workspace, subject, out } = writeBenchWorkspace(dir, { register: REGISTER_YAML, workspace: workspaceYaml(manifest.csv), subject: subjectYaml(manifest) });

  log(`  warming the page cache (cat > /dev/null): ${(await warmPageCache(csv)).toFixed(2)} s`);
  const { rg, rgCount } = await rgLiteralCount(opts.rgRuns, manifest.subject.email, manifest.csv, dir);
  log(`  rg -F -c: ${rg.runs.map((s) => s.toFixed(3)).join(' / ')} s, ${rgCount ?? 'error'} lines`);
  const rgSame = await bestOf(opts.rgRuns, () => runCommand('rg', sameSearchArgs(manifest), { cwd: dir, measureRss: true }));
  log(`  rg, the same search as far as it goes: ${rgSame.runs.map((s) => s.toFixed(3)).join(' / ')} s, ${rgSame.stdout.trim() || rgSame.stderr.trim()} lines`);

  log(`  auskunft search …`);
  const args = [...opts.nodeArgs, opts.cli, 'search', '--workspace', workspace, '--subject', subject, '--out', out];
  const auskunft = await runCommand(process.execPath, args, { cwd: dir, measureRss: true, timeoutMs: opts.timeoutMs });
  log(`  auskunft: exit ${auskunft.exitCode ?? auskunft.signal}, ${auskunft.wallSeconds.toFixed(2)} s, peak RSS ${((auskunft.peakRssKb ?? 0) / 1024).toFixed(0)} MB`);
  if (auskunft.timedOut) return { manifest, rg, rgSame, rgCount, auskunft, error: `timed out after ${opts.timeoutMs / 1000} s` };
  if (!existsSync(out)) return { manifest, rg, rgSame, rgCount, auskunft, error: `no findings written (exit ${auskunft.exitCode ?? auskunft.signal}): ${lastLines(auskunft.stderr, 3)}` };
  try {
    return { manifest, rg, rgSame, rgCount, auskunft, score: score(manifest, out) };
  } catch (err) {
    return { manifest, rg, rgSame, rgCount, auskunft, error: `findings.json unreadable: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function printReport(results: RowsResult[]): void {
  const rows = results.map((r) => {
    const m = r.manifest;
    const s = r.score;
    const cpu = cpuRatio(r);
    return [
      (m.bytes / 1048576).toFixed(0),
      String(m.rows),
      r.rg.wallSeconds.toFixed(3),
      r.auskunft.wallSeconds.toFixed(2),
      r.error ? '-' : (r.auskunft.wallSeconds / r.rg.wallSeconds).toFixed(1),
      r.error || cpu === null ? '-' : cpu.toFixed(1),
      r.error ? '-' : `${(r.auskunft.wallSeconds / r.rgSame.wallSeconds).toFixed(1)} (${r.rgSame.wallSeconds.toFixed(2)} s)`,
      r.auskunft.peakRssKb ? (r.auskunft.peakRssKb / 1024).toFixed(0) : '-',
      s ? `${s.found}/${s.expected} ${((100 * s.found) / Math.max(1, s.expected)).toFixed(0)}%` : '-',
      s ? String(s.falsePositives.length) : '-',
      s ? `${s.weakExpectedFound}/${m.weakOnly.length}+${s.weakFound - s.weakExpectedFound}` : '-',
      String(r.auskunft.exitCode ?? r.auskunft.signal),
    ];
  });
  process.stdout.write(`\n${formatTable(['size MB', 'rows', 'rg s', 'auskunft s', 'ratio', 'cpu ratio', 'ratio to rg same search', 'peak RSS MB', 'recall', 'FP', 'weak', 'exit'], rows)}\n`);
  process.stdout.write(
    'ratio = auskunft wall time / best-of-3 rg wall time, warm page cache; cpu ratio = the same with user+sys CPU seconds\n' +
      '(steadier than wall time when other jobs share the cores); recall = target rows found as strong findings at their start line;\n' +
      'weak = name-only rows found weak / planted, + other weak findings;\n' +
      'ratio to rg same search = against rg given as much of the same search as it can express (sameSearchArgs): informational, the goal is against the literal\n',
  );

  for (const r of results) {
    const m = r.manifest;
    const notes: string[] = [];
    if (r.error) notes.push(`error: ${r.error}`);
    notes.push(`${m.physicalLines} physical lines, ${m.multiLineRows} rows with a multi-line Notiz, ${m.encoding}, "${m.delimiter}"`);
    if (r.rgCount !== m.rawLiteral.lines) notes.push(`rg counted ${r.rgCount} lines, the generator wrote ${m.rawLiteral.lines}`);
    notes.push(`rg sees the literal address on ${m.rawLiteral.lines} lines (look-alikes included); the targets also hide it in other spellings, the phone and the customer id`);
    const s = r.score;
    if (s) {
      if (s.source) notes.push(`source: status ${s.source.status}, scanned ${s.source.scanned} of ${m.rows} rows, ${s.source.warnings?.length ?? 0} warnings${s.source.error ? `, error ${s.source.error}` : ''}`);
      if (s.missed.length) notes.push(`missed: ${summarizeKinds(s.missed.map((t) => t.kind))}`);
      if (s.falsePositives.length) notes.push(`false positives: ${summarizeKinds(s.falsePositives.map((f) => f.why))}`);
      if (s.withoutLine) notes.push(`${s.withoutLine} findings without locator.line`);
    }
    if (r.auskunft.userSeconds !== undefined) {
      notes.push(
        `CPU: auskunft ${r.auskunft.userSeconds.toFixed(1)} s user + ${(r.auskunft.systemSeconds ?? 0).toFixed(1)} s sys, rg ${(r.rg.userSeconds ?? 0).toFixed(2)} + ${(r.rg.systemSeconds ?? 0).toFixed(2)} s; ` +
          `throughput ${(m.bytes / 1048576 / r.auskunft.wallSeconds).toFixed(1)} MB/s vs rg ${(m.bytes / 1048576 / r.rg.wallSeconds).toFixed(0)} MB/s (wall)`,
      );
    }
    process.stdout.write(`${m.rows} rows:\n${notes.map((n) => `  - ${n}`).join('\n')}\n`);
  }
  const rss = results.map((r) => r.auskunft.peakRssKb).filter((k): k is number => k !== undefined);
  if (rss.length > 1) process.stdout.write(`peak RSS across sizes: ${rss.map((k) => (k / 1024).toFixed(0)).join(' → ')} MB\n`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: String(DEFAULT_ROWS) },
      seed: { type: 'string', default: '1' },
      'rg-runs': { type: 'string', default: '3' },
      'timeout-s': { type: 'string', default: '3600' },
      cli: { type: 'string', default: join(REPO, 'bin', 'auskunft.js') },
      /** Extra node flags for the CLI, e.g. `--node-arg=--cpu-prof --node-arg=--cpu-prof-dir=DIR`. */
      'node-arg': { type: 'string', multiple: true, default: [] },
    },
    strict: true,
  });
  const sizes = values.rows.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--rows: positive integers, comma-separated (got "${values.rows}")`);
  await requireRgAndCli(values.cli, join(REPO, 'bin', 'auskunft.js'), REPO);
  const opts = { seed: values.seed, rgRuns: Number(values['rg-runs']), timeoutMs: Number(values['timeout-s']) * 1000, cli: resolve(values.cli), nodeArgs: values['node-arg'] };
  const results = await eachSizeWithLoad(sizes, (rows) => benchRows(rows, opts), printReport);

  const summary = results.map((r) => ({
    rows: r.manifest.rows, bytes: r.manifest.bytes, physicalLines: r.manifest.physicalLines,
    ...comparisonSummary(r),
    rgSameSearchSeconds: r.rgSame.wallSeconds,
    missed: r.score?.missed.map((t) => ({ line: t.line, kind: t.kind })),
  }));
  writeResults(join(CORPUS_ROOT, 'table-scan-results.json'), summary);
  // Numbers, not verdicts: only a crash (no findings at all) is a failure of the run.
  return results.some((r) => r.error) ? 1 : 0;
}

runBenchmark('bench/table-scan', main);
