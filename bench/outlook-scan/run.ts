import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchRegisterYaml, benchWorkspaceYaml } from '../benchWorkspace.js';
import { type CommandResult, formatTable, lastLines, runBenchmark, runCommand, warmPageCache, writeResults } from '../measure.js';

/**
 * bench/outlook-scan: `auskunft search` over an `outlook` source holding the largest fixture store
 * (Test_part1.pst) as many times as it takes to read at least 200 MB, against `readpst -e -D -b`
 * (Debian pst-utils, C) exporting the same copies, measured in the same run. Prints items/s, MB/s,
 * peak RSS and the time ratio. It prints numbers, not verdicts.
 *
 *   npm run build && node --import tsx bench/outlook-scan/run.ts [--mb 200]   # or: npm run bench:outlook
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const STORE = join(REPO, 'tests/fixtures/outlook/Test_part1.pst');
const CLI = join(REPO, 'bin/auskunft.js');
const DIR = join(REPO, 'bench/.corpus/outlook-scan');

const REGISTER_YAML = benchRegisterYaml('bench/outlook-scan/run.ts', {
  id: 'mail',
  name: '{ de: E-Mail, en: Email }',
  purpose: '{ de: Bearbeitung Ihrer Anfrage, en: Handling your enquiry }',
  categories: ['contact.email'],
  legalBasis: ['6(1)(b)'],
});

const WORKSPACE_YAML = benchWorkspaceYaml('bench/outlook-scan/run.ts', '{ id: outlook, type: outlook, path: stores, activities: [mail] }');

interface SourceLike {
  readonly status?: string;
  readonly scanned?: number;
  readonly warnings?: unknown[];
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { mb: { type: 'string', default: '200' } } });
  if (!existsSync(join(REPO, 'dist/core/connectors/outlook/pstWorker.js'))) throw new Error('run `npm run build` first: the benchmark runs bin/auskunft.js');
  const storeBytes = statSync(STORE).size;
  const copies = Math.ceil((Number(values.mb) * 1024 * 1024) / storeBytes);
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(join(DIR, 'stores'), { recursive: true });
  // Hard links: the same bytes under many names, read from the page cache like one large archive folder.
  for (let i = 0; i < copies; i++) linkSync(STORE, join(DIR, 'stores', `copy-${String(i).padStart(4, '0')}.pst`));
  writeFileSync(join(DIR, 'register.yaml'), REGISTER_YAML);
  writeFileSync(join(DIR, 'auskunft.yaml'), WORKSPACE_YAML);
  writeFileSync(join(DIR, 'subject.yaml'), 'emails: [saqib.razzaq@xp.local]\n');
  await warmPageCache(STORE);
  const totalMb = (copies * storeBytes) / 1024 / 1024;
  process.stdout.write(`outlook-scan: ${copies} copies of ${STORE.slice(REPO.length)} (${(storeBytes / 1024 / 1024).toFixed(2)} MB) = ${totalMb.toFixed(0)} MB\n`);

  const exportDir = join(DIR, 'readpst');
  const readpst = await runCommand('sh', ['-c', `i=0; for f in stores/*.pst; do i=$((i+1)); mkdir -p "${exportDir}/$i"; readpst -e -D -b -q -o "${exportDir}/$i" "$f" || exit 1; done`], { cwd: DIR, measureRss: true, timeoutMs: 30 * 60_000 });
  if (readpst.exitCode !== 0) throw new Error(`readpst failed: ${lastLines(readpst.stderr, 3)}`);
  rmSync(exportDir, { recursive: true, force: true });

  const out = join(DIR, 'findings.json');
  const auskunft = await runCommand(process.execPath, [CLI, 'search', '--workspace', join(DIR, 'auskunft.yaml'), '--subject', join(DIR, 'subject.yaml'), '--out', out], { cwd: DIR, measureRss: true, timeoutMs: 30 * 60_000 });
  if (!existsSync(out)) throw new Error(`auskunft wrote no findings (exit ${auskunft.exitCode ?? auskunft.signal}): ${lastLines(auskunft.stderr, 3)}`);
  const result = JSON.parse(readFileSync(out, 'utf8')) as { sources: SourceLike[]; findings: unknown[] };
  const source = result.sources[0] ?? {};
  const items = source.scanned ?? 0;

  const row = (name: string, r: CommandResult) => [
    name,
    r.wallSeconds.toFixed(2),
    ((r.userSeconds ?? 0) + (r.systemSeconds ?? 0)).toFixed(2),
    (items / r.wallSeconds).toFixed(0),
    (totalMb / r.wallSeconds).toFixed(1),
    r.peakRssKb ? (r.peakRssKb / 1024).toFixed(0) : '-',
  ];
  process.stdout.write(`\n${formatTable(['reader', 'wall s', 'cpu s', 'items/s', 'MB/s', 'peak RSS MB'], [row('readpst', readpst), row('auskunft', auskunft)])}\n`);
  process.stdout.write(`\nitems ${items}, findings ${result.findings.length}, source ${source.status}, warnings ${source.warnings?.length ?? 0}; ratio auskunft/readpst wall ${(auskunft.wallSeconds / readpst.wallSeconds).toFixed(2)}, cpu ${(((auskunft.userSeconds ?? 0) + (auskunft.systemSeconds ?? 0)) / Math.max(0.01, (readpst.userSeconds ?? 0) + (readpst.systemSeconds ?? 0))).toFixed(2)}\n`);
  writeResults(join(DIR, 'results.json'), [{ copies, totalMb, items, findings: result.findings.length, status: source.status, readpst, auskunft: { ...auskunft, stdout: '' } }]);
  return auskunft.exitCode === 0 ? 0 : 1;
}

runBenchmark('outlook-scan', main);
