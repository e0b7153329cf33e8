import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type CommandResult, comparisonSummary, eachSizeWithLoad, formatTable, log, readSearchOutput, recallOf, rgLiteralCount, type SourceLike, runBenchmark, runCommand, requireRgAndCli, warmPageCache, cpuRatio, lastLines, summarizeKinds, writeResults } from '../measure.js';
import { benchRegisterYaml, benchWorkspaceYaml, writeBenchWorkspace } from '../benchWorkspace.js';
import type { CorpusManifest, PlantedMessage } from './corpusManifest.js';
import { CORPUS_ROOT, DEFAULT_TARGET_EVERY, defaultCorpusDir, generateMbox, readFreshCorpus } from './generateMbox.js';

/**
 * bench/mbox-scan: `auskunft search` over one big mbox against `rg -F -c` for the same address over
 * the same file, in one run. Prints the time ratio, peak RSS, recall and false positives per size.
 * Goal (issue text): ratio <= 3 with 100% recall, peak RSS <= 250 MB and flat as the file grows.
 * It prints numbers, not verdicts: exit 0 unless the benchmark itself or the CLI crashed.
 *
 *   npm run build && node --import tsx bench/mbox-scan/run.ts [--sizes 256,1024] [--seed 1]
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_ID = 'archive';

const REGISTER_YAML = benchRegisterYaml('bench/mbox-scan/run.ts', {
  id: 'contact-email',
  name: '{ de: Kontaktaufnahme per E-Mail, en: Contact by email }',
  purpose: '{ de: Bearbeitung Ihrer Anfrage, en: Handling your enquiry }',
  categories: ['contact.name', 'contact.email', 'contact.phone', 'communication.content'],
  legalBasis: ['6(1)(b)', '6(1)(f)'],
});

function workspaceYaml(mboxFile: string): string {
  return benchWorkspaceYaml('bench/mbox-scan/run.ts', `{ id: ${SOURCE_ID}, type: mbox, path: ${mboxFile}, activities: [contact-email] }`);
}

function subjectYaml(m: CorpusManifest): string {
  return `name: ${m.subject.name}\nemails: [${m.subject.email}]\nphones: ["${m.subject.phone}"]\n`;
}

interface FindingLike {
  source?: string;
  strength?: string;
  locator?: { messageId?: string };
}
interface Score {
  readonly expected: number;
  readonly found: number;
  readonly missed: PlantedMessage[];
  readonly falsePositives: { id: string; why: string }[];
  readonly weakFound: number;
  readonly weakExpectedFound: number;
  readonly withoutMessageId: number;
  readonly bracketed: number;
  readonly source?: SourceLike | undefined;
}

/** Messages-IDs as the contract wants them: no angle brackets. Brackets are tolerated but counted. */
function normalizeId(id: string): string {
  return id.trim().replace(/^<(.*)>$/, '$1');
}

function score(m: CorpusManifest, findingsPath: string): Score {
  const { findings, source } = readSearchOutput<FindingLike>(findingsPath, SOURCE_ID);
  const strong = new Set<string>();
  const weak = new Set<string>();
  let withoutMessageId = 0;
  let bracketed = 0;
  for (const f of findings) {
    const raw = f.locator?.messageId;
    if (!raw) {
      withoutMessageId++;
      continue;
    }
    if (raw.trim().startsWith('<')) bracketed++;
    (f.strength === 'strong' ? strong : weak).add(normalizeId(raw));
  }
  const { unexpected, ...recall } = recallOf({ targets: m.targets, key: (t) => t.messageId, expected: m.expectedMessageIds, weakOnly: m.weakOnly.map((w) => w.messageId) }, strong, weak);
  const distractorKind = new Map(m.distractors.map((d) => [d.messageId, `distractor ${d.kind}`]));
  const weakKind = new Map(m.weakOnly.map((d) => [d.messageId, `name-only ${d.kind}`]));
  const innerKind = new Map(m.targets.filter((t) => t.innerMessageId).map((t) => [t.innerMessageId as string, `inner message of ${t.kind} reported separately`]));
  const lowerExpected = new Map(m.expectedMessageIds.map((id) => [id.toLowerCase(), id]));
  const falsePositives = unexpected.map((id) => ({ id, why: distractorKind.get(id) ?? weakKind.get(id) ?? innerKind.get(id) ?? (lowerExpected.has(id.toLowerCase()) ? 'expected id with different case' : 'ordinary message') }));
  return { ...recall, falsePositives, withoutMessageId, bracketed, source };
}

interface SizeResult {
  readonly manifest: CorpusManifest;
  readonly rg: CommandResult & { runs: number[] };
  /** `rg -F -c -i`: the baseline of the issue's goal, since identifiers match case-insensitively. */
  readonly rgI: CommandResult & { runs: number[] };
  readonly rgCount: number | null;
  readonly auskunft: CommandResult;
  readonly score?: Score;
  readonly error?: string;
}

async function ensureCorpus(sizeMb: number, seed: string, targetEvery: number): Promise<{ dir: string; manifest: CorpusManifest }> {
  const dir = defaultCorpusDir(sizeMb, seed, targetEvery);
  const cached = readFreshCorpus(dir, sizeMb, seed, targetEvery);
  if (cached) {
    log(`corpus ${sizeMb} MB (seed ${seed}): reusing ${dir}`);
    return { dir, manifest: cached };
  }
  log(`corpus ${sizeMb} MB (seed ${seed}): generating in ${dir} …`);
  const manifest = await generateMbox({ sizeMb, seed, outDir: dir, targetEvery });
  log(`  ${manifest.messages} messages, ${manifest.targets.length} targets, ${manifest.generationSeconds.toFixed(1)} s`);
  return { dir, manifest };
}

async function benchSize(sizeMb: number, opts: { seed: string; targetEvery: number; rgRuns: number; timeoutMs: number; cli: string }): Promise<SizeResult> {
  const { dir, manifest } = await ensureCorpus(sizeMb, opts.seed, opts.targetEvery);
  const mbox = join(dir, manifest.mbox);
  const { workspace, subject, out } = writeBenchWorkspace(dir, { register: REGISTER_YAML, workspace: workspaceYaml(manifest.mbox), subject: subjectYaml(manifest) });

  log(`  warming the page cache (cat > /dev/null): ${(await warmPageCache(mbox)).toFixed(2)} s`);
  const { rg, rgCount } = await rgLiteralCount(opts.rgRuns, manifest.subject.email, manifest.mbox, dir);
  log(`  rg -F -c: ${rg.runs.map((s) => s.toFixed(2)).join(' / ')} s, ${rgCount ?? 'error'} lines`);
  const { rg: rgI } = await rgLiteralCount(opts.rgRuns, manifest.subject.email, manifest.mbox, dir, { ignoreCase: true });
  log(`  rg -F -c -i: ${rgI.runs.map((s) => s.toFixed(2)).join(' / ')} s`);

  log(`  auskunft search …`);
  const auskunft = await runCommand(process.execPath, [opts.cli, 'search', '--workspace', workspace, '--subject', subject, '--out', out], { cwd: dir, measureRss: true, timeoutMs: opts.timeoutMs });
  log(`  auskunft: exit ${auskunft.exitCode ?? auskunft.signal}, ${auskunft.wallSeconds.toFixed(2)} s, peak RSS ${((auskunft.peakRssKb ?? 0) / 1024).toFixed(0)} MB`);
  if (auskunft.timedOut) return { manifest, rg, rgI, rgCount, auskunft, error: `timed out after ${opts.timeoutMs / 1000} s` };
  if (!existsSync(out)) return { manifest, rg, rgI, rgCount, auskunft, error: `no findings written (exit ${auskunft.exitCode ?? auskunft.signal}): ${lastLines(auskunft.stderr, 3)}` };
  try {
    return { manifest, rg, rgI, rgCount, auskunft, score: score(manifest, out) };
  } catch (err) {
    return { manifest, rg, rgI, rgCount, auskunft, error: `findings.json unreadable: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function printReport(results: SizeResult[]): void {
  const rows = results.map((r) => {
    const m = r.manifest;
    const s = r.score;
    const ratio = r.auskunft.wallSeconds / r.rg.wallSeconds;
    const cpu = cpuRatio(r);
    const cpuI = cpuRatio({ auskunft: r.auskunft, rg: r.rgI });
    return [
      (m.bytes / 1048576).toFixed(0),
      String(m.messages),
      r.rg.wallSeconds.toFixed(2),
      r.auskunft.wallSeconds.toFixed(2),
      r.error ? '-' : ratio.toFixed(1),
      r.error || cpu === null ? '-' : cpu.toFixed(1),
      r.error ? '-' : (r.auskunft.wallSeconds / r.rgI.wallSeconds).toFixed(1),
      r.error || cpuI === null ? '-' : cpuI.toFixed(1),
      r.auskunft.peakRssKb ? (r.auskunft.peakRssKb / 1024).toFixed(0) : '-',
      s ? `${s.found}/${s.expected} ${((100 * s.found) / Math.max(1, s.expected)).toFixed(0)}%` : '-',
      s ? String(s.falsePositives.length) : '-',
      s ? `${s.weakExpectedFound}/${m.weakOnly.length}+${s.weakFound - s.weakExpectedFound}` : '-',
      String(r.auskunft.exitCode ?? r.auskunft.signal),
    ];
  });
  process.stdout.write(`\n${formatTable(['size MB', 'messages', 'rg s', 'auskunft s', 'ratio', 'cpu ratio', 'ratio -i', 'cpu ratio -i', 'peak RSS MB', 'recall', 'FP', 'weak', 'exit'], rows)}\n`);
  process.stdout.write(
    'ratio = auskunft wall time / best-of-3 rg wall time, warm page cache; cpu ratio = the same with user+sys CPU seconds\n' +
      '(steadier than wall time when other jobs share the cores); -i: against rg -F -c -i (the issue\'s goal: <= 8, stretch 3); weak = name-only messages found weak / planted, + other weak findings\n',
  );

  for (const r of results) {
    const m = r.manifest;
    const head = `${(m.bytes / 1048576).toFixed(0)} MB:`;
    const notes: string[] = [];
    if (r.error) notes.push(`error: ${r.error}`);
    if (r.rgCount !== m.rawLiteral.lines) notes.push(`rg counted ${r.rgCount} lines, the generator wrote ${m.rawLiteral.lines}`);
    notes.push(`rg sees the literal address in ${m.rawLiteral.messages} messages (${m.targets.filter((t) => t.rawLiteral).length} of ${m.targets.length} targets, the rest are hidden by encoding/case; plus look-alikes)`);
    const s = r.score;
    if (s) {
      if (s.source) notes.push(`source: status ${s.source.status}, scanned ${s.source.scanned} of ${m.messages} messages, ${s.source.warnings?.length ?? 0} warnings${s.source.error ? `, error ${s.source.error}` : ''}`);
      if (s.missed.length) notes.push(`missed: ${summarizeKinds(s.missed.map((t) => t.kind))}`);
      if (s.falsePositives.length) notes.push(`false positives: ${summarizeKinds(s.falsePositives.map((f) => f.why))}`);
      if (s.withoutMessageId) notes.push(`${s.withoutMessageId} findings without locator.messageId`);
      if (s.bracketed) notes.push(`${s.bracketed} messageIds with angle brackets (the contract says without)`);
    }
    if (r.auskunft.userSeconds !== undefined) {
      notes.push(
        `CPU: auskunft ${r.auskunft.userSeconds.toFixed(2)} s user + ${(r.auskunft.systemSeconds ?? 0).toFixed(2)} s sys, rg ${(r.rg.userSeconds ?? 0).toFixed(2)} + ${(r.rg.systemSeconds ?? 0).toFixed(2)} s, rg -i ${(r.rgI.userSeconds ?? 0).toFixed(2)} + ${(r.rgI.systemSeconds ?? 0).toFixed(2)} s; ` +
          `throughput ${(m.bytes / 1048576 / r.auskunft.wallSeconds).toFixed(1)} MB/s vs rg ${(m.bytes / 1048576 / r.rg.wallSeconds).toFixed(0)} MB/s (wall)`,
      );
    }
    process.stdout.write(`${head}\n${notes.map((n) => `  - ${n}`).join('\n')}\n`);
  }
  const rss = results.map((r) => r.auskunft.peakRssKb).filter((k): k is number => k !== undefined);
  if (rss.length > 1) process.stdout.write(`peak RSS across sizes: ${rss.map((k) => (k / 1024).toFixed(0)).join(' → ')} MB\n`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1024' },
      seed: { type: 'string', default: '1' },
      'target-every': { type: 'string', default: String(DEFAULT_TARGET_EVERY) },
      'rg-runs': { type: 'string', default: '3' },
      'timeout-s': { type: 'string', default: '3600' },
      cli: { type: 'string', default: join(REPO, 'bin', 'auskunft.js') },
    },
    strict: true,
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  if (sizes.some((s) => !(s > 0))) throw new Error(`--sizes: positive MB values, comma-separated (got "${values.sizes}")`);
  await requireRgAndCli(values.cli, join(REPO, 'bin', 'auskunft.js'), REPO);
  const opts = { seed: values.seed, targetEvery: Number(values['target-every']), rgRuns: Number(values['rg-runs']), timeoutMs: Number(values['timeout-s']) * 1000, cli: values.cli };
  const results = await eachSizeWithLoad(sizes, (size) => benchSize(size, opts), printReport);

  const summary = results.map((r) => ({
    sizeMb: r.manifest.sizeMb, bytes: r.manifest.bytes, messages: r.manifest.messages,
    ...comparisonSummary(r),
    rgISeconds: r.rgI.wallSeconds, rgICpuSeconds: (r.rgI.userSeconds ?? 0) + (r.rgI.systemSeconds ?? 0), cpuRatioI: cpuRatio({ auskunft: r.auskunft, rg: r.rgI }),
    missed: r.score?.missed.map((t) => ({ messageId: t.messageId, kind: t.kind })),
  }));
  writeResults(join(CORPUS_ROOT, 'mbox-scan-results.json'), summary);
  // Numbers, not verdicts: only a crash (no findings at all) is a failure of the run.
  return results.some((r) => r.error) ? 1 : 0;
}

runBenchmark('bench/mbox-scan', main);
