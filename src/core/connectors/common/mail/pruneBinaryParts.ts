import { isOutlookItem, isTextLike } from './textPart.js';

/** Below this size a binary part is left alone: cutting it saves nothing worth the risk. */
export const MIN_PRUNED_PART_BYTES = 4096;

/** Smaller messages cannot hold a part worth cutting; they are passed through untouched. */
export const MIN_PRUNED_MESSAGE_BYTES = 32 * 1024;

/** Hostile nesting is left to mailparser's own limits. */
export const MAX_PRUNE_DEPTH = 20;

/** Header through which a pruned part still reports its decoded size to the attachment list. */
export const PRUNED_SIZE_HEADER = 'x-auskunft-pruned-size';

/** File names that mark an octet-stream as text (mailparser maps them to text types as well). */
const TEXT_EXTENSIONS = /\.(txt|csv|tsv|vcf|ics|eml|json|xml|html?|md|log|ya?ml)$/i;

const LF = 0x0a;
const CR = 0x0d;

/**
 * Remove the bodies of large base64 binary parts (images, PDFs, archives) before a message is
 * decoded. Decoding them costs most of the time of a mail scan (85% of a typical archive's bytes)
 * and cannot produce a match: identifiers are only searched in text parts (docs/ARCHITECTURE.md).
 *
 * Conservative by construction: only leaf parts with `Content-Transfer-Encoding: base64` and a
 * non-text type are cut; anything that does not parse as expected (no boundary, odd headers) is
 * returned unchanged and decoded in full. The original bytes stay in the source for export.
 * Works on Buffers with memmem-speed `indexOf`: only part headers are ever turned into strings.
 */
export function pruneBinaryParts(raw: Buffer): Buffer {
  if (raw.length < MIN_PRUNED_MESSAGE_BYTES) return raw;
  const pieces = pruneEntity(raw, 0);
  return pieces ? Buffer.concat(pieces) : raw;
}

/** The entity's bytes with binary bodies cut, as pieces to concatenate; null when nothing changed. */
function pruneEntity(entity: Buffer, depth: number): Buffer[] | null {
  if (depth > MAX_PRUNE_DEPTH) return null;
  const split = splitHeader(entity);
  if (!split) return null;
  const { headerBytes, separator, body } = split;
  const header = headerBytes.toString('latin1');
  const type = contentType(header);
  if (type.mime.startsWith('multipart/') && type.boundary) {
    const parts = pruneMultipart(body, type.boundary, depth);
    return parts && [headerBytes, separator, ...parts];
  }
  if (type.mime === 'message/rfc822' || type.mime === 'message/global') {
    const inner = pruneEntity(body, depth + 1);
    return inner && [headerBytes, separator, ...inner];
  }
  if (!isPrunableLeaf(header, type, body)) return null;
  // Keep the part's header so the attachment list still names it; record its decoded size.
  const eol = separator[0] === CR ? '\r\n' : '\n';
  return [headerBytes, Buffer.from(`${eol}${PRUNED_SIZE_HEADER}: ${base64DecodedSize(body)}`, 'latin1'), separator];
}

/** Whether pruneEntity cuts this leaf's body: a large base64 body of a type that is never searched. */
export function isPrunableLeaf(header: string, type: MimeType, body: Buffer): boolean {
  if (body.length < MIN_PRUNED_PART_BYTES || !/^\s*base64\s*$/i.test(headerValue(header, 'content-transfer-encoding') ?? '')) return false;
  return !(isTextLike(type.mime) || isOutlookItem(type.mime, type.filename) || TEXT_EXTENSIONS.test(type.filename ?? ''));
}

function pruneMultipart(body: Buffer, boundary: string, depth: number): Buffer[] | null {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const pieces: Buffer[] = [];
  let changed = false;
  let at = body.subarray(0, delimiter.length).equals(delimiter) && isDelimiterEnd(body, delimiter.length) ? 0 : nextDelimiter(body, delimiter, 0);
  if (at < 0) return null;
  if (at > 0) at += 1;
  pieces.push(body.subarray(0, at)); // preamble
  while (at >= 0 && at < body.length) {
    const lineEnd = body.indexOf(LF, at);
    if (lineEnd < 0) {
      pieces.push(body.subarray(at));
      break;
    }
    pieces.push(body.subarray(at, lineEnd + 1)); // the delimiter line
    if (body[at + delimiter.length] === 0x2d && body[at + delimiter.length + 1] === 0x2d) {
      pieces.push(body.subarray(lineEnd + 1)); // close delimiter: the epilogue follows
      break;
    }
    const next = nextDelimiter(body, delimiter, lineEnd);
    const partEnd = next < 0 ? body.length : next + 1;
    const part = body.subarray(lineEnd + 1, partEnd);
    const pruned = pruneEntity(part, depth + 1);
    if (pruned) changed = true;
    pieces.push(...(pruned ?? [part]));
    at = next < 0 ? -1 : next + 1;
  }
  return changed ? pieces : null;
}

/** The "\n" before the next delimiter line; "--b" must not match inside a longer boundary "--b2". */
export function nextDelimiter(body: Buffer, delimiter: Buffer, from: number): number {
  for (let at = body.indexOf(delimiter, from); at >= 0; at = body.indexOf(delimiter, at + 1)) {
    if (at > 0 && body[at - 1] === LF && isDelimiterEnd(body, at + delimiter.length)) return at - 1;
  }
  return -1;
}

/** RFC 2046 §5.1.1: a delimiter is followed by "--", optional white space, or the line end. */
export function isDelimiterEnd(body: Buffer, at: number): boolean {
  const c = body[at];
  return c === undefined || c === 0x2d || c === CR || c === LF || c === 0x20 || c === 0x09;
}

/** Decoded size of a base64 body: its length without line breaks and padding, times 3/4. */
function base64DecodedSize(body: Buffer): number {
  const count = (byte: number) => {
    let n = 0;
    for (let at = body.indexOf(byte); at >= 0; at = body.indexOf(byte, at + 1)) n++;
    return n;
  };
  let end = body.length;
  while (end > 0 && (body[end - 1] === LF || body[end - 1] === CR || body[end - 1] === 0x20)) end--;
  let padding = 0;
  while (end > 0 && body[end - 1] === 0x3d) {
    padding++;
    end--;
  }
  return Math.max(0, Math.floor(((body.length - count(LF) - count(CR) - padding) * 3) / 4));
}

/** An entity's header, the blank line after it, and its body; null when there is no blank line. */
export function splitHeader(entity: Buffer): { headerBytes: Buffer; separator: Buffer; body: Buffer } | null {
  const crlf = entity.indexOf('\r\n\r\n');
  const lf = entity.indexOf('\n\n');
  if (lf < 0 && crlf < 0) return null;
  const useCrlf = crlf >= 0 && (lf < 0 || crlf < lf);
  const end = useCrlf ? crlf : lf;
  const length = useCrlf ? 4 : 2;
  return { headerBytes: entity.subarray(0, end), separator: entity.subarray(end, end + length), body: entity.subarray(end + length) };
}

/** The first value of header `name`, unfolded and trimmed. */
export function headerValue(header: string, name: string): string | undefined {
  const unfolded = `\n${header.replace(/\r?\n[ \t]+/g, ' ')}`;
  const match = new RegExp(`\\n${name}[ \\t]*:([^\\r\\n]*)`, 'i').exec(unfolded);
  return match?.[1]?.trim();
}

/** A part's content type as pruneBinaryParts reads it. */
export interface MimeType {
  readonly mime: string;
  readonly boundary?: string;
  readonly filename?: string;
}

/** The content type, boundary and file name of a part's header (text/plain when it has none). */
export function contentType(header: string): MimeType {
  const value = headerValue(header, 'content-type') ?? 'text/plain';
  const mime = (value.split(';')[0] ?? '').trim().toLowerCase();
  const param = (name: string, source: string) => new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(source);
  const boundary = param('boundary', value);
  const disposition = headerValue(header, 'content-disposition') ?? '';
  const filename = param('filename', disposition) ?? param('name', value);
  return { mime, boundary: boundary?.[1] ?? boundary?.[2], filename: filename?.[1] ?? filename?.[2] };
}
