import { isTextLike } from './textPart.js';

/**
 * Below this size a binary part is left alone: cutting it saves nothing worth the risk.
 */
const MIN_PRUNED_PART_CHARS = 4096;

/** Smaller messages cannot hold a part worth cutting; skipping them saves a copy of every byte. */
const MIN_PRUNED_MESSAGE_BYTES = 32 * 1024;

/** Header through which a pruned part still reports its decoded size to the attachment list. */
export const PRUNED_SIZE_HEADER = 'x-auskunft-pruned-size';

/** File names that mark an octet-stream as text (mailparser maps them to text types as well). */
const TEXT_EXTENSIONS = /\.(txt|csv|tsv|vcf|ics|eml|json|xml|html?|md|log|ya?ml)$/i;

/**
 * Remove the bodies of large base64 binary parts (images, PDFs, archives) before a message is
 * decoded. Decoding them costs most of the time of a mail scan (85% of a typical archive's bytes)
 * and cannot produce a match: identifiers are only searched in text parts (DESIGN.md).
 *
 * Conservative by construction: only leaf parts with `Content-Transfer-Encoding: base64` and a
 * non-text type are cut; anything that does not parse as expected (no boundary, odd headers) is
 * returned unchanged and decoded in full. The original bytes stay in the source for export.
 */
export function pruneBinaryParts(raw: Buffer): Buffer {
  if (raw.length < MIN_PRUNED_MESSAGE_BYTES) return raw;
  // latin1 maps bytes 1:1 to chars, so offsets and the rebuilt Buffer are exact.
  const text = raw.toString('latin1');
  const pruned = pruneEntity(text, 0);
  return pruned === text ? raw : Buffer.from(pruned, 'latin1');
}

function pruneEntity(entity: string, depth: number): string {
  if (depth > 20) return entity; // hostile nesting: leave it to mailparser's own limits
  const split = splitHeader(entity);
  if (!split) return entity;
  const { header, separator, body } = split;
  const type = contentType(header);
  if (type.mime.startsWith('multipart/') && type.boundary) {
    const parts = pruneMultipart(body, type.boundary, depth);
    return parts === body ? entity : header + separator + parts;
  }
  if (type.mime === 'message/rfc822' || type.mime === 'message/global') {
    const inner = pruneEntity(body, depth + 1);
    return inner === body ? entity : header + separator + inner;
  }
  if (body.length < MIN_PRUNED_PART_CHARS || !/^\s*base64\s*$/i.test(headerValue(header, 'content-transfer-encoding') ?? '')) return entity;
  if (isTextLike(type.mime) || TEXT_EXTENSIONS.test(type.filename ?? '')) return entity;
  // Keep the part's header so the attachment list still names it; record its decoded size.
  const size = base64DecodedSize(body);
  return `${header}${separator.startsWith('\r') ? '\r\n' : '\n'}${PRUNED_SIZE_HEADER}: ${size}${separator}`;
}

function pruneMultipart(body: string, boundary: string, depth: number): string {
  const delimiter = `--${boundary}`;
  const pieces: string[] = [];
  let changed = false;
  let at = body.startsWith(delimiter) && isDelimiterEnd(body, delimiter.length) ? 0 : nextDelimiter(body, delimiter, 0);
  if (at < 0) return body;
  if (at > 0) at += 1;
  pieces.push(body.slice(0, at)); // preamble
  while (at >= 0 && at < body.length) {
    const lineEnd = body.indexOf('\n', at);
    if (lineEnd < 0) {
      pieces.push(body.slice(at));
      break;
    }
    const delimiterLine = body.slice(at, lineEnd + 1);
    pieces.push(delimiterLine);
    if (delimiterLine.startsWith(`${delimiter}--`)) {
      pieces.push(body.slice(lineEnd + 1)); // epilogue
      break;
    }
    const next = nextDelimiter(body, delimiter, lineEnd);
    const partEnd = next < 0 ? body.length : next + 1;
    const part = body.slice(lineEnd + 1, partEnd);
    const prunedPart = pruneEntity(part, depth + 1);
    if (prunedPart !== part) changed = true;
    pieces.push(prunedPart);
    at = next < 0 ? -1 : next + 1;
  }
  return changed ? pieces.join('') : body;
}

/** Decoded size of a base64 body: its length without line breaks and padding, times 3/4. */
function base64DecodedSize(body: string): number {
  const count = (char: string) => {
    let n = 0;
    for (let at = body.indexOf(char); at >= 0; at = body.indexOf(char, at + 1)) n++;
    return n;
  };
  const padding = /=+\s*$/.exec(body)?.[0].trim().length ?? 0;
  return Math.max(0, Math.floor(((body.length - count('\n') - count('\r') - padding) * 3) / 4));
}

/** The "\n" before the next delimiter line; "--b" must not match inside a longer boundary "--b2". */
function nextDelimiter(body: string, delimiter: string, from: number): number {
  for (let at = body.indexOf(`\n${delimiter}`, from); at >= 0; at = body.indexOf(`\n${delimiter}`, at + 1)) {
    if (isDelimiterEnd(body, at + 1 + delimiter.length)) return at;
  }
  return -1;
}

/** RFC 2046 §5.1.1: a delimiter is followed by "--", optional white space, or the line end. */
function isDelimiterEnd(body: string, at: number): boolean {
  const c = body[at];
  return c === undefined || c === '-' || c === '\r' || c === '\n' || c === ' ' || c === '\t';
}

function splitHeader(entity: string): { header: string; separator: string; body: string } | null {
  const crlf = entity.indexOf('\r\n\r\n');
  const lf = entity.indexOf('\n\n');
  if (lf < 0 && crlf < 0) return null;
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { header: entity.slice(0, crlf), separator: '\r\n\r\n', body: entity.slice(crlf + 4) };
  return { header: entity.slice(0, lf), separator: '\n\n', body: entity.slice(lf + 2) };
}

function headerValue(header: string, name: string): string | undefined {
  const unfolded = `\n${header.replace(/\r?\n[ \t]+/g, ' ')}`;
  const match = new RegExp(`\\n${name}[ \\t]*:([^\\r\\n]*)`, 'i').exec(unfolded);
  return match?.[1]?.trim();
}

function contentType(header: string): { mime: string; boundary?: string; filename?: string } {
  const value = headerValue(header, 'content-type') ?? 'text/plain';
  const mime = (value.split(';')[0] ?? '').trim().toLowerCase();
  const param = (name: string, source: string) => new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(source);
  const boundary = param('boundary', value);
  const disposition = headerValue(header, 'content-disposition') ?? '';
  const filename = param('filename', disposition) ?? param('name', value);
  return { mime, boundary: boundary?.[1] ?? boundary?.[2], filename: filename?.[1] ?? filename?.[2] };
}
