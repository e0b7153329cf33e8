import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { SeededRandom } from '../mbox-scan/seededRandom.js';
import { CRM_HEADER, CrmComposer, csvRecord } from './composeCrmRow.js';
import {
  type CrmManifest, GENERATOR_VERSION, type PlantedRow, TARGET_CUSTOMER_ID, TARGET_EMAIL, TARGET_NAME, TARGET_PHONE, TARGET_PHONE_E164,
} from './crmManifest.js';
import { PlantingSchedule, plantRow } from './plantCrmRows.js';

/**
 * Writes a deterministic German CRM export of `rows` customers plus `expected.json`, its ground
 * truth: Excel's `sep=;` line, a header, `;`-separated, windows-1252, CRLF, fields quoted only where
 * needed (";", '"' doubled, line breaks), about 5% multi-line Notiz cells. Streams: rows are
 * encoded and written in batches of about BATCH_CHARS, awaiting 'drain', so memory stays flat.
 *
 *   node --import tsx bench/table-scan/generateCrm.ts --rows 1000000 [--seed 1] [--out DIR]
 */

export const CSV_FILE = 'crm.csv';
export const MANIFEST_FILE = 'expected.json';
export const DEFAULT_ROWS = 1_000_000;
export const CORPUS_ROOT = fileURLToPath(new URL('../.corpus/', import.meta.url));
/** Characters encoded and written at a time: big enough for few syscalls, small enough to stay flat. */
const BATCH_CHARS = 1 << 20;
const ENCODING = 'windows-1252';

export interface GenerateOptions {
  readonly rows: number;
  readonly seed: string;
  readonly outDir: string;
  readonly onProgress?: (rows: number, bytes: number) => void;
}

/** The corpus folder for these options, under bench/.corpus/ (git-ignored). */
export function defaultCorpusDir(rows: number, seed: string): string {
  return join(CORPUS_ROOT, `crm-${rows}rows-seed${seed}`);
}

/** The manifest of an existing, complete corpus made with these options by this generator version, else null. */
export function readFreshCorpus(dir: string, rows: number, seed: string): CrmManifest | null {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return null;
  try {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as CrmManifest;
    const csv = join(dir, m.csv);
    const fresh = m.generatorVersion === GENERATOR_VERSION && m.rows === rows && m.seed === seed && existsSync(csv) && statSync(csv).size === m.bytes;
    return fresh ? m : null;
  } catch {
    return null;
  }
}

/** Line breaks as the table connector counts them: CRLF, LF and a lone CR each end one line. */
function lineBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

/** Lines (split at LF, as ripgrep splits) that contain `needle`. */
function linesWith(text: string, needle: string): number {
  return text.split('\n').filter((l) => l.includes(needle)).length;
}

export async function generateCrm(options: GenerateOptions): Promise<CrmManifest> {
  const { rows, seed, outDir } = options;
  if (!Number.isInteger(rows) || rows < PlantingSchedule.kinds) throw new Error(`--rows must be an integer >= ${PlantingSchedule.kinds} (one row per planted kind)`);
  const started = process.hrtime.bigint();
  await mkdir(outDir, { recursive: true });
  const csvPath = join(outDir, CSV_FILE);
  const partialPath = `${csvPath}.partial`;

  const rng = new SeededRandom(`crm:${seed}`);
  const composer = new CrmComposer(rng);
  const schedule = new PlantingSchedule(rows);
  const targets: PlantedRow[] = [];
  const distractors: PlantedRow[] = [];
  const weakOnly: PlantedRow[] = [];
  let literalRows = 0;
  let literalLines = 0;
  let multiLineRows = 0;
  let bytes = 0;

  const out = createWriteStream(partialPath, { highWaterMark: 4 * 1024 * 1024 });
  const failed = once(out, 'error').then(([err]) => {
    throw err;
  });
  failed.catch(() => undefined); // observed below via Promise.race
  const write = async (text: string): Promise<void> => {
    const buf = iconv.encode(text, ENCODING);
    bytes += buf.length;
    if (!out.write(buf)) await Promise.race([once(out, 'drain'), failed]);
  };

  let batch = `sep=;\r\n${CRM_HEADER.join(';')}\r\n`;
  let line = 3; // the record after the sep= line and the header
  for (let row = 0; row < rows; row++) {
    const record = composer.compose(row);
    const planting = schedule.at(row);
    if (planting) plantRow(planting, record, composer);
    const text = csvRecord(record);
    const breaksInside = lineBreaks(text) - 1;
    if (breaksInside > 0) multiLineRows++;
    if (planting) {
      const planted: PlantedRow = { kind: planting.kind, row, line, multiLine: breaksInside > 0 };
      (planting.role === 'target' ? targets : planting.role === 'distractor' ? distractors : weakOnly).push(planted);
    }
    if (text.includes(TARGET_EMAIL)) {
      literalRows++;
      literalLines += linesWith(text, TARGET_EMAIL);
    }
    line += 1 + breaksInside;
    batch += text;
    if (batch.length >= BATCH_CHARS) {
      await write(batch);
      batch = '';
      options.onProgress?.(row + 1, bytes);
    }
  }
  await write(batch);
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  await rename(partialPath, csvPath);

  const manifest: CrmManifest = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    rows,
    csv: CSV_FILE,
    encoding: ENCODING,
    delimiter: ';',
    bytes,
    physicalLines: line - 1,
    multiLineRows,
    generationSeconds: Number(process.hrtime.bigint() - started) / 1e9,
    subject: { name: TARGET_NAME, email: TARGET_EMAIL, phone: TARGET_PHONE, phoneE164: TARGET_PHONE_E164, customerId: TARGET_CUSTOMER_ID },
    expectedLines: targets.map((t) => t.line),
    targets,
    distractors,
    weakOnly,
    rawLiteral: { rows: literalRows, lines: literalLines },
  };
  // Written last: its presence marks the corpus complete (readFreshCorpus also checks the size).
  await writeFile(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: String(DEFAULT_ROWS) }, seed: { type: 'string', default: '1' }, out: { type: 'string' } }, strict: true });
  const rows = Number(values.rows);
  const outDir = values.out ?? defaultCorpusDir(rows, values.seed);
  let nextReport = 0;
  const m = await generateCrm({
    rows,
    seed: values.seed,
    outDir,
    onProgress: (done, bytes) => {
      if (done < nextReport) return;
      nextReport = done + 100_000;
      process.stderr.write(`  ${done} rows, ${(bytes / 1048576).toFixed(0)} MB\n`);
    },
  });
  process.stdout.write(
    `${join(outDir, m.csv)}: ${m.rows} rows, ${m.physicalLines} lines, ${(m.bytes / 1048576).toFixed(1)} MB, ${m.multiLineRows} multi-line rows, ` +
      `${m.targets.length} targets, ${m.distractors.length} look-alikes, ${m.weakOnly.length} name-only, ${m.generationSeconds.toFixed(1)} s\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
