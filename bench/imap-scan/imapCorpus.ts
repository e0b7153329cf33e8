import { MailComposer, dateText, type Attachment, type MessageSpec } from '../mbox-scan/composeMessage.js';
import { TARGET_EMAIL, TARGET_NAME, type PlantedMessage } from '../mbox-scan/corpusManifest.js';
import { serializeMime } from '../mbox-scan/mimeTree.js';
import { DISTRACTOR_KINDS, PlantingSchedule, TARGET_KINDS, WEAK_KINDS, plantDistractor, plantTarget, plantWeak, type Planted } from '../mbox-scan/plantTargets.js';
import { SeededRandom, deterministicBytes } from '../mbox-scan/seededRandom.js';

/**
 * The messages of the IMAP benchmark, one at a time and deterministic per seed: the mbox
 * benchmark's composer and planted targets (bench/mbox-scan), with the mix for IMAP:
 * 30% of messages carry a binary attachment of 50 KB–1 MB (before base64), and a few more
 * target kinds hide the subject next to a binary part, where the connector must fetch the text
 * and leave the binary on the server.
 *
 * Each message comes with its size as IMAP counts it (RFC822.SIZE, CRLF line ends) and the bytes
 * of its binary bodies, so the runner knows the mailbox's text-part share without asking anyone.
 */

/** Bump when the output changes: a cached Dovecot maildir from another version is rebuilt. */
export const IMAP_CORPUS_VERSION = 1;

export const DEFAULT_BINARY_SHARE = 0.3;
export const BINARY_MIN_BYTES = 50 * 1024;
export const BINARY_MAX_BYTES = 1024 * 1024;
/** Targets come every this many messages (0.5%), as in the mbox benchmark. */
export const TARGET_EVERY = 200;

/** Where messages go, with the share of messages each mailbox gets. Nested and non-ASCII names on purpose. */
export const MAILBOXES: ReadonlyArray<readonly [name: string, share: number]> = [
  ['INBOX', 0.55],
  ['Gesendete Elemente', 0.2],
  ['Archiv/2023', 0.15],
  ['Kunden/Bestätigungen', 0.1],
];

/** Targets only IMAP needs: the subject beside a binary part the connector must not download. */
export const IMAP_TARGET_KINDS = [
  'octet-stream-txt-beside-binary', // email in application/octet-stream "Notiz.txt" (base64), plus a PDF
  'rfc822-inner-beside-binary', // forwarded message: phone in its text, a JPEG inside it
  'html-base64-beside-binary', // HTML-only base64 body with mailto:, plus a binary attachment
] as const;

const ALL_TARGET_KINDS: ReadonlyArray<string> = [...TARGET_KINDS, ...IMAP_TARGET_KINDS];

export interface CorpusMessage {
  readonly index: number;
  readonly mailbox: string;
  readonly messageId: string;
  /** The message as APPENDed: CRLF line ends (RFC 3501 §6.3.11 literal, RFC 5322). */
  readonly raw: Buffer;
  /** Bytes of base64 binary-attachment bodies in `raw`: what the connector may leave on the server. */
  readonly binaryBytes: number;
  readonly role: 'target' | 'distractor' | 'weak' | 'normal';
  readonly planted?: Planted;
}

/** The messages of a corpus, in APPEND order. */
export function* imapCorpus(options: { readonly seed: string; readonly messages: number; readonly binaryShare?: number }): Generator<CorpusMessage> {
  const { seed } = options;
  const binaryShare = options.binaryShare ?? DEFAULT_BINARY_SHARE;
  const rng = new SeededRandom(seed);
  // Decisions that are ours (mailbox, binary attachments) draw from their own stream, so the
  // composer's messages stay those of the mbox benchmark for the same seed.
  const own = new SeededRandom(`imap:${seed}`);
  const composer = new MailComposer(rng, seed);
  const schedule = new PlantingSchedule(TARGET_EVERY);
  const counts = { target: 0, distractor: 0, weak: 0 };
  let date = new Date(Date.UTC(2022, 0, 3, 7, 0, 0));

  for (let index = 0; index < options.messages; index++) {
    date = new Date(date.getTime() + rng.int(3, 90) * 60_000);
    const spec = composer.compose(index, date);
    // The composer's own binaries (15%, up to 2 MB) make way for the mix.
    spec.attachments = spec.attachments.filter((a) => a.kind !== 'binary');
    const role = schedule.roleAt(index);
    let planted: Planted | undefined;
    let forceBinary = false;
    if (role === 'target') {
      const kind = ALL_TARGET_KINDS[counts.target++ % ALL_TARGET_KINDS.length]!;
      if ((TARGET_KINDS as ReadonlyArray<string>).includes(kind)) planted = plantTarget(kind as (typeof TARGET_KINDS)[number], spec, composer, rng);
      else {
        planted = plantImapTarget(kind as (typeof IMAP_TARGET_KINDS)[number], spec, composer, own, seed);
        forceBinary = true;
      }
    } else if (role === 'distractor') {
      planted = plantDistractor(DISTRACTOR_KINDS[counts.distractor++ % DISTRACTOR_KINDS.length]!, spec, composer, rng);
    } else if (role === 'weak') {
      planted = plantWeak(WEAK_KINDS[counts.weak++ % WEAK_KINDS.length]!, spec, composer, rng);
    }
    if (forceBinary || own.chance(binaryShare)) spec.attachments.push(binaryAttachment(own, seed, `imap:${index}`, spec.lang));

    const pieces = serializeMime(composer.buildMime(spec));
    const buffers: Buffer[] = [];
    let binaryBytes = 0;
    for (const piece of pieces) {
      const bytes = crlf('binary' in piece ? piece.binary : Buffer.from(piece.text, piece.latin1 ? 'latin1' : 'utf8'));
      if ('binary' in piece) binaryBytes += bytes.length;
      buffers.push(bytes);
    }
    yield { index, mailbox: pickMailbox(own), messageId: spec.messageId, raw: Buffer.concat(buffers), binaryBytes, role, ...(planted ? { planted } : {}) };
  }
}

/** The planted message as the manifest records it. */
export function plantedEntry(m: CorpusMessage): PlantedMessage & { readonly mailbox: string } {
  const planted = m.planted!;
  return { messageId: m.messageId, kind: planted.kind, index: m.index, rawLiteral: m.raw.includes(TARGET_EMAIL), mailbox: m.mailbox, ...(planted.innerMessageId ? { innerMessageId: planted.innerMessageId } : {}) };
}

function plantImapTarget(kind: (typeof IMAP_TARGET_KINDS)[number], spec: MessageSpec, composer: MailComposer, rng: SeededRandom, seed: string): Planted {
  switch (kind) {
    case 'octet-stream-txt-beside-binary':
      spec.attachments.push({
        kind: 'text', contentType: 'application/octet-stream', filename: 'Notiz.txt', charset: 'utf-8', cte: 'base64',
        text: `Telefonnotiz vom ${dateText(spec.date).de}\nBitte Rückruf an ${TARGET_NAME}, ${TARGET_EMAIL}\n`,
      });
      return { kind };
    case 'rfc822-inner-beside-binary': {
      const inner = composer.compose(spec.index, new Date(spec.date.getTime() - rng.int(60, 20000) * 60_000));
      inner.messageId = `fwdbin${spec.index}.${rng.hex(12)}@beispiel-gmbh.de`;
      inner.html = null;
      inner.text = { charset: 'utf-8', cte: 'quoted-printable', breaks: [], flowed: false };
      inner.body.paragraphs.push(inner.lang === 'en' ? 'Please call Mr Weiß back on 0711 12345678.' : 'Bitte Herrn Weiß unter 0711 12345678 zurückrufen.');
      inner.attachments = [binaryAttachment(rng, seed, `imap-inner:${spec.index}`, inner.lang)];
      spec.subject = `WG: ${inner.subject}`;
      spec.body.paragraphs = ['zur Info, siehe weitergeleitete Nachricht mit Scan im Anhang.'];
      spec.body.quote = undefined;
      spec.attachments.push({ kind: 'message', filename: 'Weitergeleitete Nachricht.eml', inner });
      return { kind, innerMessageId: inner.messageId };
    }
    case 'html-base64-beside-binary':
      spec.body.htmlOnly.push(`<p>Ansprechpartner: <a href="mailto:${TARGET_EMAIL}">Herr Wei&szlig;</a></p>`);
      spec.text = null;
      spec.html = { cte: 'base64', breaks: [], entities: true };
      return { kind };
  }
}

const BINARY_TYPES = [
  { contentType: 'application/pdf', ext: 'pdf', magic: Buffer.from('%PDF-1.7\n', 'latin1') },
  { contentType: 'image/jpeg', ext: 'jpg', magic: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]) },
  { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', magic: Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1') },
  { contentType: 'application/zip', ext: 'zip', magic: Buffer.from('PK\x03\x04\x14\x00\x00\x00', 'latin1') },
] as const;

/** A binary attachment of 50 KB–1 MB on a log scale (many small, few large), bytes from AES-CTR. */
function binaryAttachment(rng: SeededRandom, seed: string, label: string, lang: 'de' | 'en'): Attachment {
  const size = rng.logUniformInt(BINARY_MIN_BYTES, BINARY_MAX_BYTES);
  const type = rng.pick(BINARY_TYPES);
  const data = deterministicBytes(seed, label, size);
  type.magic.copy(data, 0);
  const stem = rng.pick(lang === 'de' ? ['Rechnung', 'Scan', 'Angebot', 'Übersicht', 'Foto', 'Export'] : ['Invoice', 'Scan', 'Quote', 'Report', 'Photo', 'Export']);
  return { kind: 'binary', contentType: type.contentType, filename: `${stem}_${rng.int(1000, 99999)}.${type.ext}`, data };
}

function pickMailbox(rng: SeededRandom): string {
  let roll = rng.next();
  for (const [name, share] of MAILBOXES) {
    if (roll < share) return name;
    roll -= share;
  }
  return MAILBOXES[0]![0];
}

/** LF to CRLF (the generator writes bare LF and never a CR). */
function crlf(bytes: Buffer): Buffer {
  let lf = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) lf++;
  if (lf === 0) return bytes;
  const out = Buffer.allocUnsafe(bytes.length + lf);
  let o = 0;
  let start = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) {
    o += bytes.copy(out, o, start, i);
    out[o++] = 0x0d;
    out[o++] = 0x0a;
    start = i + 1;
  }
  bytes.copy(out, o, start);
  return out;
}
