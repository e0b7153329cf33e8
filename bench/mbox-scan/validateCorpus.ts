import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { convert } from 'html-to-text';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import type { CorpusManifest } from './corpusManifest.js';
import { MANIFEST_FILE, defaultCorpusDir } from './generateMbox.js';

/**
 * Checks a generated corpus independently of Auskunft, with mbox-reader + mailparser:
 * Message-IDs are unique and complete, every target holds the subject's email or phone once
 * decoded (and is not trivially visible where it should be hidden), no distractor or ordinary
 * message does, and mboxrd "From " quoting round-trips.
 *
 *   node --import tsx bench/mbox-scan/validateCorpus.ts --size-mb 64 [--seed 1] [--dir DIR] [--decode-all]
 */

interface MboxMessage {
  readonly content: Buffer;
  readonly headers: Map<string, string[]>;
}
// mbox-reader is CommonJS without types; a local cast keeps it out of the project's ambient types.
const { mboxReader } = createRequire(import.meta.url)('mbox-reader') as { mboxReader: (input: Readable) => AsyncIterable<MboxMessage> };

/** Whole address, case-insensitive: not inside xj.weiss@… nor …de.evil.org / …de.dev (docs/ARCHITECTURE.md). */
const EMAIL_RE = /(?<![A-Za-z0-9._%+-])j\.weiss@beispiel-gmbh\.de(?![A-Za-z0-9-]|\.[A-Za-z0-9])/i;
const NAME_RE = /J(ü|ue|u)rgen|Wei(ß|ss)\b/i;

function addressText(a: AddressObject | AddressObject[] | undefined): string {
  if (!a) return '';
  return (Array.isArray(a) ? a : [a]).map((x) => x.value.map((v) => `${v.name} <${v.address ?? ''}>`).join(', ')).join(', ');
}

/** Everything a reader of the message could see, decoded; descends into attached messages. */
async function decodedText(raw: Buffer, depth = 0): Promise<string> {
  const mail: ParsedMail = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true });
  const parts: string[] = [
    mail.subject ?? '',
    addressText(mail.from), addressText(mail.to), addressText(mail.cc), addressText(mail.replyTo),
    mail.text ?? '',
  ];
  if (mail.html) parts.push(mail.html, convert(mail.html, { wordwrap: false }));
  for (const att of mail.attachments) {
    if (att.contentType === 'message/rfc822' && depth < 3) parts.push(await decodedText(att.content, depth + 1));
    else if (att.contentType.startsWith('text/')) {
      const charset = (att.headers.get('content-type') as { params?: { charset?: string } } | undefined)?.params?.charset ?? 'utf-8';
      parts.push(iconv.decode(att.content, iconv.encodingExists(charset) ? charset : 'utf-8'));
    }
  }
  return parts.join('\n');
}

function hasPhone(text: string): boolean {
  return findPhoneNumbersInText(text, 'DE').some((n) => n.number.number === '+4971112345678');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'size-mb': { type: 'string' }, seed: { type: 'string', default: '1' }, dir: { type: 'string' }, 'decode-all': { type: 'boolean', default: false }, 'target-every': { type: 'string', default: '200' } } });
  const dir = values.dir ?? defaultCorpusDir(Number(values['size-mb']), values.seed, Number(values['target-every']));
  const m = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as CorpusManifest;
  const planted = new Map<string, { role: string; kind: string; rawLiteral: boolean }>();
  for (const t of m.targets) planted.set(t.messageId, { role: 'target', kind: t.kind, rawLiteral: t.rawLiteral });
  for (const t of m.distractors) planted.set(t.messageId, { role: 'distractor', kind: t.kind, rawLiteral: t.rawLiteral });
  for (const t of m.weakOnly) planted.set(t.messageId, { role: 'weak', kind: t.kind, rawLiteral: t.rawLiteral });

  const ids = new Set<string>();
  const problems: string[] = [];
  let count = 0;
  let decoded = 0;
  let fromLines = 0;
  let seenPlanted = 0;
  const kindsOk = new Map<string, number>();
  for await (const msg of mboxReader(createReadStream(join(dir, m.mbox)))) {
    count++;
    const id = (msg.headers.get('message-id')?.[0] ?? '').replace(/^<|>$/g, '');
    if (!id) problems.push(`message ${count - 1}: no Message-ID`);
    if (ids.has(id)) problems.push(`duplicate Message-ID ${id}`);
    ids.add(id);
    if (/(^|\n)>*From /.test(msg.content.toString('latin1'))) fromLines++;
    const p = planted.get(id);
    // Decode every planted message, and a sample of ordinary ones (all with --decode-all).
    if (!p && !values['decode-all'] && count % 5 !== 0) continue;
    const text = await decodedText(msg.content);
    decoded++;
    const email = EMAIL_RE.test(text);
    const phone = hasPhone(text);
    const name = NAME_RE.test(text);
    if (!p) {
      if (email || phone || name) problems.push(`ordinary message ${id} mentions the subject (email=${email} phone=${phone} name=${name})`);
      continue;
    }
    seenPlanted++;
    const raw = msg.content.toString('latin1');
    if (p.role === 'target') {
      const wantPhone = p.kind.startsWith('phone-');
      const ok = wantPhone ? phone && !email : email && !phone;
      if (!ok) problems.push(`target ${p.kind} ${id}: decoded email=${email} phone=${phone}`);
      else kindsOk.set(p.kind, (kindsOk.get(p.kind) ?? 0) + 1);
      if (raw.includes('j.weiss@beispiel-gmbh.de') !== p.rawLiteral) problems.push(`target ${p.kind} ${id}: rawLiteral flag disagrees with the bytes`);
    } else if (p.role === 'distractor') {
      if (email || phone) problems.push(`distractor ${p.kind} ${id} matches (email=${email} phone=${phone})`);
      else kindsOk.set(`distractor:${p.kind}`, (kindsOk.get(`distractor:${p.kind}`) ?? 0) + 1);
    } else {
      if (email || phone || !name) problems.push(`name-only ${p.kind} ${id}: email=${email} phone=${phone} name=${name}`);
      else kindsOk.set(`weak:${p.kind}`, (kindsOk.get(`weak:${p.kind}`) ?? 0) + 1);
    }
  }
  if (count !== m.messages) problems.push(`mbox-reader saw ${count} messages, the manifest says ${m.messages}`);
  if (seenPlanted !== planted.size) problems.push(`found ${seenPlanted} of ${planted.size} planted messages`);
  for (const id of m.expectedMessageIds) if (!ids.has(id)) problems.push(`expected id ${id} not in the mbox`);

  process.stdout.write(`${count} messages, ${ids.size} unique Message-IDs, ${decoded} decoded with mailparser, ${fromLines} with "From " body lines (mboxrd round-trip)\n`);
  process.stdout.write(`verified kinds: ${[...kindsOk].map(([k, n]) => `${k}×${n}`).join(', ')}\n`);
  if (problems.length) {
    process.stdout.write(`${problems.length} problem(s):\n${problems.slice(0, 50).map((p) => `  - ${p}`).join('\n')}\n`);
    process.exitCode = 1;
  } else process.stdout.write('OK\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
