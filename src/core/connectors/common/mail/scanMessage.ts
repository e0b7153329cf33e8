import { MailParser, type AddressObject, type AttachmentStream, type HeaderValue, type Headers, type MessageText } from 'mailparser';
import type { Match, RecordData } from '../../../../shared/findings.js';
import type { SubjectQuery } from '../../../domain/subjectQuery.js';
import { decodeText, htmlToText, isOutlookItem, isTextLike } from './textPart.js';
import { PRUNED_SIZE_HEADER, contentType, headerValue, pruneBinaryParts, splitHeader } from './pruneBinaryParts.js';
import { messageMayConcern } from './messagePrefilter.js';
import { MAX_HTML_TO_TEXT_CHARS, MAX_MESSAGE_BYTES, MAX_RECORD_TEXT_CHARS, MAX_RFC822_NESTING_DEPTH, MAX_TEXT_ATTACHMENT_BYTES } from './mailLimits.js';

/** Attached messages (RFC 2046 §5.2.1, RFC 6532 message/global): scanned as messages of their own. */
const ATTACHED_MESSAGE_TYPES = new Set(['message/rfc822', 'message/global']);

export type MailRecord = Extract<RecordData, { kind: 'mail' }>;

/** What one message says about the subject. Every mail source (mbox, eml, maildir, IMAP) uses this. */
export interface MailScan {
  readonly messageId: string | null;
  readonly matches: Match[];
  readonly title: string;
  readonly date: string | null;
  readonly record: MailRecord;
  /** Damage found while decoding (broken MIME, truncated part). Searching went on regardless. */
  readonly problems: string[];
}

/** Headers that hold ids or structure, not something a person wrote: matching them only adds noise. */
const SKIPPED_HEADERS = new Set(['message-id', 'references', 'in-reply-to', 'date', 'mime-version', 'content-type', 'content-transfer-encoding', 'content-disposition', 'content-id']);

/**
 * Decode one raw RFC 5322 message with mailparser and find the subject wherever they appear once
 * decoded: RFC 2047 headers, address headers, base64/QP bodies, HTML text and `mailto:`, text
 * attachments, attached message/rfc822 parts (mailparser descends into them), legacy charsets.
 * Binary attachments are drained, never decoded into memory.
 *
 * @example
 *   const scan = await scanMessage(readFileSync('mail.eml'), compileSubject(subject));
 *   if (scan.matches.length) console.log(scan.messageId, strengthOf(scan.matches));
 */
export async function scanMessage(raw: Buffer, subject: SubjectQuery, depth = 0): Promise<MailScan> {
  const matches = new MatchSet();
  const problems: string[] = [];
  const attachments: NonNullable<MailRecord['attachments']> = [];
  let headers: Headers = new Map();
  let text: MessageText | undefined;

  const parser = new MailParser({ skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true, maxHtmlLengthToParse: MAX_HTML_TO_TEXT_CHARS });
  parser.on('headers', (h: Headers) => {
    headers = h;
  });

  try {
    await new Promise<void>((resolve, reject) => {
      let pending = Promise.resolve();
      parser.on('data', (data: AttachmentStream | MessageText) => {
        if (data.type === 'text') {
          text = data;
          return;
        }
        pending = pending.then(() => readAttachment(data, { subject, matches, list: attachments, problems, depth })).catch(reject);
      });
      parser.on('error', reject);
      parser.on('end', () => pending.then(resolve, reject));
      parser.end(pruneBinaryParts(raw));
    });
  } catch (err) {
    problems.push(`could not be decoded completely (${errorText(err)}); searched as raw text`);
    matches.addAll(subject.scanText(decodeText(raw, undefined), 'raw'));
  }

  scanHeaders(headers, subject, matches);
  if (text?.text) matches.addAll(subject.scanText(text.text, 'body'));
  if (text?.html) {
    // Raw markup catches mailto: hrefs and attributes; the rendered text catches entity-encoded
    // or tag-split identifiers ("M&uuml;ller", "Anna <b>Müller</b>").
    matches.addAll(subject.scanText(text.html, 'body:html'));
    if (text.html.length <= MAX_HTML_TO_TEXT_CHARS) matches.addAll(subject.scanText(htmlToText(text.html), 'body:html'));
  }

  const boundaryProblem = missingBoundary(headers, raw);
  if (boundaryProblem) {
    // A multipart whose boundary never appears leaves mailparser with an empty body; the raw
    // bytes are all there is, so search them rather than report a silent "no match".
    problems.push(boundaryProblem);
    matches.addAll(subject.scanText(decodeText(raw, undefined), 'raw'));
  }
  const truncation = unclosedMultipart(headers, raw);
  if (truncation) problems.push(truncation);

  const subjectLine = headerText(headers.get('subject'));
  const date = headers.get('date');
  const bodyText = text?.text ?? (text?.html ? safeHtmlToText(text.html) : '');
  return {
    messageId: normalizeMessageId(headerText(headers.get('message-id'))),
    matches: matches.list(),
    title: subjectLine || '(ohne Betreff)',
    date: date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : null,
    record: {
      kind: 'mail',
      from: addressText(headers.get('from')),
      to: addressText(headers.get('to')),
      cc: addressText(headers.get('cc')),
      subject: subjectLine || undefined,
      date: date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined,
      text: bodyText.length > MAX_RECORD_TEXT_CHARS ? bodyText.slice(0, MAX_RECORD_TEXT_CHARS) : bodyText,
      attachments,
    },
    problems,
  };
}

/**
 * scanMessage for a message the byte prefilter cannot rule out (messagePrefilter.ts); any other is
 * provably not about the subject and is not decoded. Its structural damage (a missing boundary, a
 * truncated multipart) is still reported, read from the raw header, so that no gap goes unsaid.
 */
export async function scanCandidateMessage(raw: Buffer, subject: SubjectQuery): Promise<MailScan> {
  if (messageMayConcern(raw, subject)) return scanMessage(raw, subject);
  const split = splitHeader(raw);
  const header = split ? split.headerBytes.toString('latin1') : '';
  const problems: string[] = [];
  const type = contentType(header);
  if (type.mime.startsWith('multipart/')) {
    if (!type.boundary) problems.push('multipart message without a boundary; searched as raw text');
    // From the end: the close delimiter stands there, so a whole message is not searched twice.
    else if (raw.lastIndexOf(`--${type.boundary}`) < 0) problems.push(`MIME boundary "${type.boundary}" never appears; searched as raw text`);
    else if (raw.lastIndexOf(`--${type.boundary}--`) < 0) problems.push('message ends before its MIME structure is closed: it may be truncated');
  }
  return {
    messageId: normalizeMessageId(headerValue(header, 'message-id') ?? ''),
    matches: [],
    title: '(ohne Betreff)',
    date: null,
    record: { kind: 'mail', text: '', attachments: [] },
    problems,
  };
}

interface AttachmentScan {
  readonly subject: SubjectQuery;
  readonly matches: MatchSet;
  readonly list: NonNullable<MailRecord['attachments']>;
  readonly problems: string[];
  readonly depth: number;
}

async function readAttachment(attachment: AttachmentStream, scan: AttachmentScan): Promise<void> {
  const outlookItem = isOutlookItem(attachment.contentType, attachment.filename);
  const attachedMessage = outlookItem || ATTACHED_MESSAGE_TYPES.has(attachment.contentType.toLowerCase());
  const textLike = attachedMessage || isTextLike(attachment.contentType);
  const limit = attachedMessage ? MAX_MESSAGE_BYTES : MAX_TEXT_ATTACHMENT_BYTES;
  const chunks: Buffer[] = [];
  let size = 0;
  let kept = 0;
  try {
    for await (const chunk of attachment.content as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (textLike && kept < limit) {
        chunks.push(chunk);
        kept += chunk.length;
      }
    }
  } finally {
    attachment.release?.();
  }
  const prunedSize = Number(headerText(attachment.headers.get(PRUNED_SIZE_HEADER)));
  scan.list.push({ filename: attachment.filename, contentType: attachment.contentType, size: prunedSize > 0 ? prunedSize : size });
  if (!textLike) return;
  const name = attachment.filename ?? attachment.contentType;
  if (size > limit) scan.problems.push(`attachment "${name}" searched only in its first ${limit} bytes`);

  if (attachedMessage) {
    // A forwarded message belongs to the message that carries it (docs/ARCHITECTURE.md "Findings").
    if (scan.depth >= MAX_RFC822_NESTING_DEPTH) {
      scan.problems.push(`attached message "${name}" nested deeper than ${MAX_RFC822_NESTING_DEPTH} levels; searched as raw text`);
      scan.matches.addAll(scan.subject.scanText(decodeText(Buffer.concat(chunks), undefined), `attachment:${name}`));
      return;
    }
    let raw: Buffer = Buffer.concat(chunks);
    if (outlookItem) {
      // A mail saved from Outlook (.msg) and attached: read as the message it is. Loaded on first use.
      const converted = await (await import('../outlook/msgToEml.js')).msgToEml(raw);
      if (typeof converted === 'string') {
        scan.problems.push(`attached Outlook item "${name}" ${converted}; not searched`);
        return;
      }
      raw = converted;
    }
    const inner = await scanMessage(raw, scan.subject, scan.depth + 1);
    scan.matches.addAll(inner.matches.map((m) => ({ ...m, field: `attachment:${name}:${m.field ?? ''}` })));
    scan.problems.push(...inner.problems.map((p) => `attached message "${name}": ${p}`));
    return;
  }
  const charset = contentTypeParam(attachment.headers.get('content-type'), 'charset');
  let content = decodeText(Buffer.concat(chunks), charset);
  if (/html/i.test(attachment.contentType)) content += `\n${safeHtmlToText(content)}`;
  scan.matches.addAll(scan.subject.scanText(content, `attachment:${name}`));
}

function scanHeaders(headers: Headers, subject: SubjectQuery, matches: MatchSet): void {
  for (const [key, value] of headers) {
    if (SKIPPED_HEADERS.has(key)) continue;
    const text = headerText(value);
    if (text) matches.addAll(subject.scanText(text, key));
  }
}

/** The readable text of a decoded header: addresses with display names, lists joined by line. */
function headerText(value: HeaderValue | undefined): string {
  if (value === undefined || value instanceof Date) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => headerText(v as HeaderValue)).join('\n');
  if ('text' in value && typeof value.text === 'string') return value.text; // AddressObject
  if ('value' in value && typeof value.value === 'string') return value.value; // structured header
  return '';
}

function addressText(value: HeaderValue | undefined): string | undefined {
  if (!value) return undefined;
  const list = (Array.isArray(value) ? value : [value]) as AddressObject[];
  const text = list.map((a) => a.text).filter(Boolean).join(', ');
  return text || undefined;
}

function contentTypeParam(value: HeaderValue | undefined, name: string): string | undefined {
  if (value && typeof value === 'object' && 'params' in value) {
    const param = (value.params as Record<string, string>)[name];
    return typeof param === 'string' ? param : undefined;
  }
  return undefined;
}

/** A multipart message must contain its boundary; if it does not, its parts were never separated. */
function missingBoundary(headers: Headers, raw: Buffer): string | null {
  const type = headers.get('content-type');
  if (!type || typeof type !== 'object' || !('value' in type) || typeof type.value !== 'string') return null;
  if (!type.value.toLowerCase().startsWith('multipart/')) return null;
  const boundary = contentTypeParam(type, 'boundary');
  if (!boundary) return 'multipart message without a boundary; searched as raw text';
  return raw.includes(`--${boundary}`) ? null : `MIME boundary "${boundary}" never appears; searched as raw text`;
}

/** A multipart without its closing delimiter (RFC 2046 §5.1.1) was cut off: a truncated mbox or download. */
function unclosedMultipart(headers: Headers, raw: Buffer): string | null {
  const type = headers.get('content-type');
  const boundary = contentTypeParam(type, 'boundary');
  if (!boundary || !raw.includes(`--${boundary}`)) return null;
  return raw.includes(`--${boundary}--`) ? null : 'message ends before its MIME structure is closed: it may be truncated';
}

/** Message-IDs are compared without angle brackets (docs/ARCHITECTURE.md "Locators"). */
export function normalizeMessageId(value: string): string | null {
  const id = value.trim().replace(/^<|>$/g, '').trim();
  return id || null;
}

function safeHtmlToText(html: string): string {
  return html.length <= MAX_HTML_TO_TEXT_CHARS ? htmlToText(html) : html;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Matches without repeats of the same identifier in the same field. */
class MatchSet {
  readonly #byKey = new Map<string, Match>();

  addAll(matches: Iterable<Match>): void {
    for (const m of matches) {
      const key = `${m.type}\u0000${m.value}\u0000${m.field ?? ''}`;
      if (!this.#byKey.has(key)) this.#byKey.set(key, m);
    }
  }

  list(): Match[] {
    return [...this.#byKey.values()];
  }
}
