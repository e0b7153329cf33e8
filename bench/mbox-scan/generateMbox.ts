import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SeededRandom } from './seededRandom.js';
import { MailComposer, dateText } from './composeMessage.js';
import { escapeMboxrd } from './mimeEncoding.js';
import { type Piece, serializeMime } from './mimeTree.js';
import { DISTRACTOR_KINDS, type Planted, PlantingSchedule, TARGET_KINDS, WEAK_KINDS, plantDistractor, plantTarget, plantWeak } from './plantTargets.js';
import {
  type CorpusManifest, GENERATOR_VERSION, type PlantedMessage, TARGET_EMAIL, TARGET_NAME, TARGET_PHONE, TARGET_PHONE_E164,
} from './corpusManifest.js';

/**
 * Writes a deterministic mbox (mboxrd) of about `sizeMb` MiB plus `expected.json`, its ground truth.
 * Streams: one message at a time, awaiting 'drain', so memory stays at about one message
 * (at most a 2 MB attachment) whatever the size.
 *
 *   node --import tsx bench/mbox-scan/generateMbox.ts --size-mb 1024 [--seed 1] [--out DIR] [--target-every 200]
 */

export const MBOX_FILE = 'bench.mbox';
export const MANIFEST_FILE = 'expected.json';
export const DEFAULT_TARGET_EVERY = 200; // 0.5% of messages (issue text)
export const CORPUS_ROOT = fileURLToPath(new URL('../.corpus/', import.meta.url));

export interface GenerateOptions {
  readonly sizeMb: number;
  readonly seed: string;
  readonly outDir: string;
  readonly targetEvery?: number;
  readonly onProgress?: (bytes: number, messages: number) => void;
}

/** The corpus folder for these options, under bench/.corpus/ (git-ignored). */
export function defaultCorpusDir(sizeMb: number, seed: string, targetEvery = DEFAULT_TARGET_EVERY): string {
  const suffix = targetEvery === DEFAULT_TARGET_EVERY ? '' : `-every${targetEvery}`;
  return join(CORPUS_ROOT, `mbox-${sizeMb}mb-seed${seed}${suffix}`);
}

/** The manifest of an existing, complete corpus made with these options by this generator version, else null. */
export function readFreshCorpus(dir: string, sizeMb: number, seed: string, targetEvery = DEFAULT_TARGET_EVERY): CorpusManifest | null {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return null;
  try {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as CorpusManifest;
    const mbox = join(dir, m.mbox);
    const fresh = m.generatorVersion === GENERATOR_VERSION && m.sizeMb === sizeMb && m.seed === seed && m.targetEvery === targetEvery && existsSync(mbox) && statSync(mbox).size === m.bytes;
    return fresh ? m : null;
  } catch {
    return null;
  }
}

function countLinesWith(text: string, needle: string): number {
  let n = 0;
  for (const line of text.split('\n')) if (line.includes(needle)) n++;
  return n;
}

export async function generateMbox(options: GenerateOptions): Promise<CorpusManifest> {
  const { sizeMb, seed, outDir } = options;
  const targetEvery = options.targetEvery ?? DEFAULT_TARGET_EVERY;
  if (!(sizeMb > 0)) throw new Error('--size-mb must be a positive number');
  const started = process.hrtime.bigint();
  await mkdir(outDir, { recursive: true });
  const mboxPath = join(outDir, MBOX_FILE);
  const partialPath = `${mboxPath}.partial`;

  const rng = new SeededRandom(seed);
  const composer = new MailComposer(rng, seed);
  const schedule = new PlantingSchedule(targetEvery);
  const targetBytes = Math.round(sizeMb * 1024 * 1024);
  const targets: PlantedMessage[] = [];
  const distractors: PlantedMessage[] = [];
  const weakOnly: PlantedMessage[] = [];
  let literalMessages = 0;
  let literalLines = 0;
  let binaryAttachments = 0;
  let bytes = 0;
  let messages = 0;
  let nextProgress = 64 * 1024 * 1024;
  let date = new Date(Date.UTC(2019, 0, 7, 7, 0, 0));

  const out = createWriteStream(partialPath, { highWaterMark: 4 * 1024 * 1024 });
  const failed = once(out, 'error').then(([err]) => {
    throw err;
  });
  failed.catch(() => undefined); // observed below via Promise.race

  while (bytes < targetBytes) {
    const index = messages;
    date = new Date(date.getTime() + rng.int(3, 240) * 60_000);
    const spec = composer.compose(index, date);
    const role = schedule.roleAt(index);
    let planted: Planted | undefined;
    if (role === 'target') planted = plantTarget(TARGET_KINDS[targets.length % TARGET_KINDS.length] as (typeof TARGET_KINDS)[number], spec, composer, rng);
    else if (role === 'distractor') planted = plantDistractor(DISTRACTOR_KINDS[distractors.length % DISTRACTOR_KINDS.length] as (typeof DISTRACTOR_KINDS)[number], spec, composer, rng);
    else if (role === 'weak') planted = plantWeak(WEAK_KINDS[weakOnly.length % WEAK_KINDS.length] as (typeof WEAK_KINDS)[number], spec, composer, rng);
    binaryAttachments += spec.attachments.filter((a) => a.kind === 'binary').length;

    const pieces: Piece[] = [{ text: `From ${spec.returnPath} ${dateText(date).asctime}\n` }];
    serializeMime(composer.buildMime(spec), pieces);
    pieces.push({ text: '\n' }); // the blank line before the next postmark (RFC 4155)

    let hasLiteral = false;
    for (let k = 0; k < pieces.length; k++) {
      const piece = pieces[k] as Piece;
      let buf: Buffer;
      if ('binary' in piece) {
        buf = piece.binary; // base64 lines: no "@", no "From ", nothing to quote or count
      } else {
        const text = k === 0 ? piece.text : escapeMboxrd(piece.text);
        if (text.includes(TARGET_EMAIL)) {
          hasLiteral = true;
          literalLines += countLinesWith(text, TARGET_EMAIL);
        }
        buf = Buffer.from(text, piece.latin1 ? 'latin1' : 'utf8');
      }
      bytes += buf.length;
      if (!out.write(buf)) await Promise.race([once(out, 'drain'), failed]);
    }
    if (hasLiteral) literalMessages++;
    if (planted) {
      const entry: PlantedMessage = { messageId: spec.messageId, kind: planted.kind, index, rawLiteral: hasLiteral, ...(planted.innerMessageId ? { innerMessageId: planted.innerMessageId } : {}) };
      (role === 'target' ? targets : role === 'distractor' ? distractors : weakOnly).push(entry);
    }
    messages++;
    if (bytes >= nextProgress) {
      options.onProgress?.(bytes, messages);
      nextProgress += 64 * 1024 * 1024;
    }
  }
  await Promise.race([new Promise<void>((resolve) => out.end(resolve)), failed]);
  await rename(partialPath, mboxPath);

  const manifest: CorpusManifest = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    sizeMb,
    targetEvery,
    mbox: MBOX_FILE,
    format: 'mboxrd',
    bytes,
    messages,
    binaryAttachments,
    generationSeconds: Number(process.hrtime.bigint() - started) / 1e9,
    subject: { name: TARGET_NAME, email: TARGET_EMAIL, phone: TARGET_PHONE, phoneE164: TARGET_PHONE_E164 },
    expectedMessageIds: targets.map((t) => t.messageId),
    targets,
    distractors,
    weakOnly,
    rawLiteral: { messages: literalMessages, lines: literalLines },
  };
  const manifestPath = join(outDir, MANIFEST_FILE);
  await writeFile(`${manifestPath}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${manifestPath}.partial`, manifestPath);
  return manifest;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'size-mb': { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      'target-every': { type: 'string', default: String(DEFAULT_TARGET_EVERY) },
    },
    strict: true,
  });
  const sizeMb = Number(values['size-mb']);
  const targetEvery = Number(values['target-every']);
  if (!values['size-mb'] || !(sizeMb > 0)) throw new Error('usage: generateMbox.ts --size-mb N [--seed S] [--out DIR] [--target-every N]');
  const outDir = values.out ?? defaultCorpusDir(sizeMb, values.seed, targetEvery);
  const m = await generateMbox({
    sizeMb, seed: values.seed, outDir, targetEvery,
    onProgress: (b, n) => process.stderr.write(`  ${(b / 1048576).toFixed(0)} MB, ${n} messages\n`),
  });
  process.stdout.write(
    `${join(outDir, MBOX_FILE)}: ${(m.bytes / 1048576).toFixed(1)} MB, ${m.messages} messages, ${m.binaryAttachments} binary attachments, ` +
      `${m.targets.length} targets, ${m.distractors.length} distractors, ${m.weakOnly.length} name-only; ` +
      `literal address in ${m.rawLiteral.messages} messages / ${m.rawLiteral.lines} lines; ${m.generationSeconds.toFixed(1)} s\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
