import { isAscii } from 'node:buffer';
import iconv from 'iconv-lite';
import libmime from 'libmime';
import type { SubjectQuery } from '../../../domain/subjectQuery.js';
import { isOutlookItem } from './textPart.js';
import { MAX_PRUNE_DEPTH, MIN_PRUNED_MESSAGE_BYTES, contentType, headerValue, isDelimiterEnd, isPrunableLeaf, nextDelimiter, splitHeader, type MimeType } from './pruneBinaryParts.js';
import { decodeHtmlEntities } from './htmlEntities.js';

/*
 * Design note: why a message can be skipped without mailparser, and why that is sound.
 *
 * scanMessage finds the subject through SubjectQuery.scanText on the texts mailparser decodes: header
 * values, text and HTML bodies, text attachments, attached messages. scanText finds nothing in a text
 * that SubjectQuery.mayMatch rejects: literal hints (email, ids, surname spellings), the digit
 * sequence hint, and the Durchwahl marker, whose only lookarounds look for a letter next to "dw". So
 * a message is proven not to concern the subject when mayMatch rejects a set of "views" of its bytes
 * such that every window of every text mailparser would decode stands in one view, with the same
 * kind of character (letter or not) beside it; joining texts only adds windows. Views, per entity:
 * - its bytes as they are, and quoted-printable decoded (soft breaks joined, `=40`), whatever the
 *   entity declares: decoding more than mailparser does only adds windows;
 * - each in UTF-8 and windows-1252 (a superset of ISO-8859-1 for every identifier character), plus
 *   the declared charset; a charset whose ASCII bytes are not ASCII (UTF-16, UTF-7, ISO-2022-*…) or
 *   that is not known makes the message pass to the parser;
 * - headers unfolded, every line with `=?` decoded by libmime (mailparser's own decoder, adjacent
 *   encoded words joined), and once more with white space and comments removed (address parsing
 *   joins `j.weiss @ x.de`);
 * - HTML parts (and text of unknown type) with `<` or `&`: entities decoded, and tags removed with
 *   white space collapsed (what html-to-text renders); an entity this decoder does not know makes
 *   the message pass;
 * - format=flowed: lines ending in a space joined to the next;
 * - base64 bodies decoded and read again as an entity of their own (an attached .eml, a forwarded
 *   message); binary bodies are skipped exactly where pruneBinaryParts cuts them before mailparser.
 * Outlook items (.msg) are passed: their text cannot be read from the bytes. Anything that does not
 * parse as expected passes. tests/unit/connectors/mail/messagePrefilter.property.test.ts checks the
 * claim against scanMessage over generated messages with every encoding trap.
 */

/** Messages nested deeper than this (through base64 or attached messages) are passed to the parser. */
const MAX_PREFILTER_DEPTH = MAX_PRUNE_DEPTH;

/** Charsets in which every ASCII byte is that ASCII character; their other bytes are decoded by iconv. */
const ASCII_COMPATIBLE = /^(?:us-?ascii|ascii|ansi_x3\.4-1968|utf-?8|iso[-_ ]?8859-\d{1,2}|latin-?\d{1,2}|l\d|(?:windows|cp|win)-?125\d|koi8-?[a-z]{1,2}|(?:cp|ibm)-?(?:437|850|852|858|866)|mac(?:intosh|roman)?)$/i;
const CHARSET_PARAM = /charset\s*(\*)?\s*=\s*"?([^";\s]*)/gi;
const FLOWED = /format\s*=\s*"?flowed/i;
const LOOSE_BASE64 = /base64/i;
/** A field name and a colon (RFC 5322 §2.2): a decoded body that has none before its first blank line has no header. */
const HEADER_LIKE_LINE = /^[!-9;-~]+[ \t]*:/m;
const TRANSFER_ENCODING_HEADER = /^content-transfer-encoding[ \t]*:/gim;
const STRICT_BASE64 = /^\s*base64\s*$/i;
const HTML_SYNTAX = /[<&]/;
/**
 * Only parts whose header says HTML (type text/html, application/xhtml+xml, or a .htm/.html name
 * mailparser types by) are rendered by scanMessage; a text/plain part is searched as written.
 */
const MAY_BE_HTML = /htm/i;
const TAG = /<[^>]*>/g;
const WHITESPACE = /\s+/g;
const SQUEEZE = /\([^()]*\)|\s+/g;
const FOLD = /\r?\n(?=[ \t])/g;
const FLOWED_BREAK = / \r?\n>* ?/g;
const ENCODED_WORD_LINE = /^.*=\?.*$/gm;
const EQUALS = 0x3d;
const LF = 0x0a;
const CR = 0x0d;

interface Entity {
  /** SubjectQuery.mayMatch (or mayConcern): false when scanText can find nothing in the text. */
  readonly test: (text: string) => boolean;
  readonly depth: number;
  /** pruneBinaryParts runs on the message that holds this entity (it is at least 32 KB). */
  readonly prunable: boolean;
  /** The charset of the part this entity was decoded from, for text that declares none. */
  readonly inherited?: string;
}

/**
 * Whether scanMessage could find the subject in this raw message (true), or provably not (false):
 * the subject's identifiers are searched in every encoding the bytes could hold, without parsing
 * the message into objects. A false lets a mail source count the message as scanned without
 * decoding it; true only means "scan to know".
 */
export function messageMayConcern(raw: Buffer, subject: SubjectQuery): boolean {
  try {
    const test = subject.mayMatch ? (text: string) => subject.mayMatch!(text) : (text: string) => subject.mayConcern(text);
    return entityMayConcern(raw, { test, depth: 0, prunable: raw.length >= MIN_PRUNED_MESSAGE_BYTES });
  } catch {
    return true; // the prefilter's own failure proves nothing
  }
}

function entityMayConcern(entity: Buffer, ctx: Entity): boolean {
  if (ctx.depth > MAX_PREFILTER_DEPTH) return true;
  const split = splitHeader(entity);
  if (!split) {
    // All header, or no structure at all: mailparser may still find a body somewhere in it.
    const text = entity.toString('latin1');
    if (LOOSE_BASE64.test(text)) return true;
    const charsets = charsetsOf(text, ctx);
    return charsets === null || headerMayConcern(entity, ctx, charsets) || textMayConcern(entity, ctx, charsets, false);
  }
  const header = split.headerBytes.toString('latin1');
  const charsets = charsetsOf(header, ctx);
  if (charsets === null) return true;
  const type = contentType(header);
  if (isOutlookItem(type.mime, type.filename)) return true;
  if (headerMayConcern(split.headerBytes, ctx, charsets)) return true;
  const body = split.body;
  const encoding = headerValue(header, 'content-transfer-encoding') ?? '';

  if (type.mime.startsWith('multipart/') && type.boundary) return multipartMayConcern(body, type.boundary, ctx, charsets);
  if (type.mime === 'message/rfc822' || type.mime === 'message/global') {
    const inner = { ...ctx, depth: ctx.depth + 1 };
    if (LOOSE_BASE64.test(encoding)) return decodedMayConcern(body, ctx, charsets) || (!STRICT_BASE64.test(encoding) && entityMayConcern(body, inner));
    if (/quoted-printable/i.test(encoding) && entityMayConcern(quotedPrintableDecode(body), inner)) return true;
    return entityMayConcern(body, inner);
  }
  return leafMayConcern(header, type, encoding, body, ctx, charsets);
}

function leafMayConcern(header: string, type: MimeType, encoding: string, body: Buffer, ctx: Entity, charsets: string[]): boolean {
  if (LOOSE_BASE64.test(encoding)) {
    // Cut by pruneBinaryParts: mailparser never sees these bytes.
    if (ctx.prunable && isPrunableLeaf(header, type, body)) return false;
    if (decodedMayConcern(body, ctx, charsets, MAY_BE_HTML.test(header))) return true;
    // Only a value mailparser might read otherwise leaves the encoded text as the text.
    if (STRICT_BASE64.test(encoding)) return false;
  }
  return textMayConcern(body, ctx, charsets, FLOWED.test(header), MAY_BE_HTML.test(header), htmlSourceOf(header, encoding));
}

/** mailparser decodes quoted-printable when the (one) transfer encoding says so, else reads the bytes as written. */
function htmlSourceOf(header: string, encoding: string): HtmlSource {
  if ((header.match(TRANSFER_ENCODING_HEADER) ?? []).length > 1) return 'either';
  return /^\s*quoted-printable\s*$/i.test(encoding) ? 'quoted-printable' : 'as-written';
}

/**
 * A base64 body, decoded and read as an entity of its own: a text part without header is all body,
 * and an attached .eml sent as octet-stream is a message that scanMessage reads with its headers.
 */
function decodedMayConcern(body: Buffer, ctx: Entity, charsets: string[], html = true): boolean {
  const decoded = base64Decode(body);
  const inner: Entity = { test: ctx.test, depth: ctx.depth + 1, prunable: decoded.length >= MIN_PRUNED_MESSAGE_BYTES, inherited: charsets[0] ?? ctx.inherited };
  if (textMayConcern(decoded, inner, charsets, true, html)) return true;
  // Read as a message only where mailparser could: a header-like line before the first blank line.
  const blank = decoded.indexOf('\n\n') >= 0 ? decoded.indexOf('\n\n') : decoded.indexOf('\r\n\r\n');
  const head = decoded.toString('latin1', 0, blank >= 0 ? blank : Math.min(decoded.length, 64 * 1024));
  return HEADER_LIKE_LINE.test(head) && entityMayConcern(decoded, inner);
}

function multipartMayConcern(body: Buffer, boundary: string, ctx: Entity, charsets: string[]): boolean {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  let at = body.subarray(0, delimiter.length).equals(delimiter) && isDelimiterEnd(body, delimiter.length) ? 0 : nextDelimiter(body, delimiter, 0);
  if (at < 0) {
    // The boundary never appears: scanMessage searches the raw bytes; a body with encoded parts passes.
    if (/content-transfer-encoding/i.test(body.toString('latin1'))) return true;
    return textMayConcern(body, ctx, charsets, false);
  }
  if (at > 0) at += 1;
  if (textMayConcern(body.subarray(0, at), ctx, charsets, false)) return true; // preamble
  const inner = { ...ctx, depth: ctx.depth + 1 };
  while (at >= 0 && at < body.length) {
    const lineEnd = body.indexOf(LF, at);
    if (lineEnd < 0) return textMayConcern(body.subarray(at), ctx, charsets, false);
    if (body[at + delimiter.length] === 0x2d && body[at + delimiter.length + 1] === 0x2d) {
      return textMayConcern(body.subarray(lineEnd + 1), ctx, charsets, false); // epilogue
    }
    const next = nextDelimiter(body, delimiter, lineEnd);
    const partEnd = next < 0 ? body.length : next + 1;
    if (entityMayConcern(body.subarray(lineEnd + 1, partEnd), inner)) return true;
    at = next < 0 ? -1 : next + 1;
  }
  return false;
}

/** Header lines: as written, unfolded, encoded words decoded, and squeezed as address parsing does. */
function headerMayConcern(bytes: Buffer, ctx: Entity, charsets: string[]): boolean {
  for (const text of decodings(bytes, charsets, ctx)) {
    if (ctx.test(text)) return true;
    const unfolded = text.replace(FOLD, '');
    if (ctx.test(unfolded) || ctx.test(unfolded.replace(SQUEEZE, ''))) return true;
    if (unfolded.includes('=?') && encodedWordsMayConcern(unfolded, ctx.test)) return true;
  }
  return false;
}

function encodedWordsMayConcern(text: string, test: (text: string) => boolean): boolean {
  for (const line of text.match(ENCODED_WORD_LINE) ?? []) {
    const decoded = libmime.decodeWords(line);
    if (test(decoded) || test(decoded.replace(SQUEEZE, ''))) return true;
  }
  return false;
}

/** How mailparser reads a part's bytes before rendering HTML: quoted-printable decoded, as written, or either. */
type HtmlSource = 'quoted-printable' | 'as-written' | 'either';

/** Body text: as written and quoted-printable decoded, in each charset, with its HTML and flowed readings. */
function textMayConcern(bytes: Buffer, ctx: Entity, charsets: string[], flowed: boolean, html = true, htmlSource: HtmlSource = 'either'): boolean {
  if (bytes.length === 0) return false;
  const forms = bytes.indexOf(EQUALS) >= 0 ? [bytes, quotedPrintableDecode(bytes)] : [bytes];
  for (const form of forms) {
    const texts = decodings(form, charsets, ctx);
    for (const text of texts) {
      if (ctx.test(text)) return true;
      if (text.includes('=?') && encodedWordsMayConcern(text, ctx.test)) return true;
      if (flowed && (ctx.test(text.replace(FLOWED_BREAK, ' ')) || ctx.test(text.replace(FLOWED_BREAK, '')))) return true;
    }
    // Rendering is the costly view: only for the form and charset mailparser hands html-to-text.
    // With a single form (no "="), the bytes read the same either way.
    const renders = htmlSource === 'either' || forms.length === 1 || (htmlSource === 'quoted-printable') === (form !== bytes);
    if (html && renders) {
      for (const text of renderedCharsets(texts, charsets)) if (HTML_SYNTAX.test(text) && htmlMayConcern(text, ctx.test)) return true;
    }
  }
  return false;
}

/**
 * Of decodings(), the ones mailparser can produce for a part that declares exactly one charset: that
 * charset (windows-1252 for the ISO-8859-1 family, its superset for identifiers). Otherwise all.
 */
function renderedCharsets(texts: string[], charsets: string[]): string[] {
  if (texts.length === 1 || charsets.length !== 1) return texts;
  const charset = charsets[0]!;
  if (/^utf-?8$/i.test(charset)) return [texts[0]!];
  if (/^(?:us-?ascii|ascii|iso[-_ ]?8859-1|latin-?1|l1|(?:windows|cp|win)-?1252)$/i.test(charset)) return [texts[1]!];
  return texts.length === 3 ? [texts[2]!] : texts;
}

/** The markup with entities decoded (hrefs, `mailto:`), and the rendered text: tags removed, white space collapsed. */
function htmlMayConcern(html: string, test: (text: string) => boolean): boolean {
  const decoded = decodeHtmlEntities(html);
  if (decoded === null) return true;
  if (test(decoded)) return true;
  const stripped = html.replace(TAG, '');
  const rendered = decodeHtmlEntities(stripped);
  if (rendered === null) return true;
  return test(rendered.replace(WHITESPACE, ' ')) || test(stripped.replace(WHITESPACE, ' '));
}

/** The texts these bytes could decode to. Pure ASCII reads the same in every allowed charset. */
function decodings(bytes: Buffer, charsets: string[], ctx: Entity): string[] {
  if (isAscii(bytes)) return [bytes.toString('latin1')];
  const texts = [bytes.toString('utf8'), iconv.decode(bytes, 'windows-1252')];
  const declared = charsets.length ? charsets : ctx.inherited ? [ctx.inherited] : [];
  for (const charset of declared) {
    if (!/^(?:utf-?8|windows-1252|us-?ascii|ascii)$/i.test(charset)) texts.push(iconv.decode(bytes, charset));
  }
  return texts;
}

/**
 * The charsets an entity header declares; null when one of them could hide ASCII identifiers from a
 * byte search (UTF-16, UTF-7, ISO-2022-JP, RFC 2231 parameters) or is unknown to iconv.
 */
function charsetsOf(header: string, ctx: Entity): string[] | null {
  const found: string[] = [];
  for (const m of header.matchAll(CHARSET_PARAM)) {
    const name = m[2]!.replace(/^'+|'+$/g, '');
    if (m[1] || !name) return null;
    if (!ASCII_COMPATIBLE.test(name) || !iconv.encodingExists(name)) return null;
    found.push(name);
  }
  if (found.length === 0 && ctx.inherited && !ASCII_COMPATIBLE.test(ctx.inherited)) return null;
  return found;
}

/**
 * Quoted-printable decoding (RFC 2045 §6.7) that reads at least what libqp reads: `=XX` in either
 * case, and soft line breaks `=` + optional trailing white space + (CR)LF. Anything else stays as is.
 */
export function quotedPrintableDecode(bytes: Buffer): Buffer {
  let at = bytes.indexOf(EQUALS);
  if (at < 0) return bytes;
  const out = Buffer.allocUnsafe(bytes.length);
  let length = 0;
  let from = 0;
  while (at >= 0) {
    length += bytes.copy(out, length, from, at);
    const high = hexValue(bytes[at + 1]);
    const low = hexValue(bytes[at + 2]);
    if (high >= 0 && low >= 0) {
      out[length++] = high * 16 + low;
      from = at + 3;
    } else {
      let end = at + 1;
      while (bytes[end] === 0x20 || bytes[end] === 0x09) end++;
      if (bytes[end] === LF) from = end + 1;
      else if (bytes[end] === CR && bytes[end + 1] === LF) from = end + 2;
      else {
        out[length++] = EQUALS;
        from = at + 1;
      }
    }
    at = bytes.indexOf(EQUALS, from);
  }
  length += bytes.copy(out, length, from);
  return out.subarray(0, length);
}

function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/**
 * Base64 as mailparser's decoder (libbase64) reads it: characters outside the alphabet are skipped,
 * and a padding run ends a segment, after which decoding restarts (lines padded one by one).
 */
function base64Decode(body: Buffer): Buffer {
  const text = body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, '');
  if (!text.includes('=')) return Buffer.from(text, 'base64');
  return Buffer.concat(text.split(/=+/).filter((segment) => segment.length > 0).map((segment) => Buffer.from(segment, 'base64')));
}
