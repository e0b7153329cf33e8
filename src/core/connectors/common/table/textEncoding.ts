import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';

/** What detection can tell from a file; a configured `encoding` may name any iconv-lite encoding. */
export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * The encoding of a text table (LIBRARIES.md rule): a BOM decides (UTF-8, or UTF-16 from Excel's
 * "Unicode text" export); otherwise the file is UTF-8 if the *whole* file decodes as strict UTF-8,
 * else windows-1252 (what German Excel and Outlook write). The whole file, not a sample: an export
 * can be plain ASCII for megabytes and carry its first "ü" as a cp1252 byte near the end. The check
 * streams and stops at the first invalid byte; a UTF-8 file is thus read twice (once to check, once
 * to parse), which keeps memory flat.
 */
export async function detectEncoding(chunks: AsyncIterable<Uint8Array>): Promise<DetectedEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let head: Uint8Array | undefined;
  try {
    for await (const chunk of slices(chunks)) {
      if (!head) {
        head = chunk;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return 'utf-8';
        if (chunk[0] === 0xff && chunk[1] === 0xfe) return 'utf-16le';
        if (chunk[0] === 0xfe && chunk[1] === 0xff) return 'utf-16be';
      }
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return 'utf-8';
  } catch (err) {
    if (err instanceof TypeError) return 'windows-1252';
    throw err;
  }
}

/**
 * Bytes decoded into one string at most. 32 KiB give at most 64 KiB of UTF-16 string, below V8's
 * large-object threshold (128 KiB). Strings above it land in the large-object space, which only full
 * collections free: decoding a 200 MB windows-1252 export in Node's default 64 KiB reads was about
 * five times slower, and the peak RSS grew with the file.
 */
const DECODE_SLICE_BYTES = 32 * 1024;

/** The chunks cut into pieces of at most DECODE_SLICE_BYTES (views, not copies). */
async function* slices(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let at = 0; at < bytes.length; at += DECODE_SLICE_BYTES) yield bytes.subarray(at, at + DECODE_SLICE_BYTES);
  }
}

/**
 * The file's text in chunks, BOM removed. UTF-8 is decoded strictly: a byte that is not UTF-8 throws.
 * The text is always well-formed UTF-16 (no lone surrogate), so readers need not check each line.
 */
export async function* decodeText(chunks: AsyncIterable<Uint8Array>, encoding: string): AsyncGenerator<string> {
  if (/^utf-?8$/i.test(encoding)) {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for await (const slice of slices(chunks)) {
      const text = decoder.decode(slice, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
    return;
  }
  const singleByte = singleByteTable(encoding);
  if (singleByte) {
    for await (const slice of slices(chunks)) {
      const text = singleByte.decode(slice);
      if (text) yield text;
    }
    return;
  }
  // UTF-16 and other multi-byte code pages: the only decodings that can yield a lone surrogate
  // (a UTF-16 file cut in half, a stray 0xD800). It becomes U+FFFD here, as in a UTF-8 round trip,
  // so every reader downstream gets well-formed text; a pair split between two slices is rejoined.
  const decoder = iconv.getDecoder(encoding);
  let carry = '';
  for await (const slice of slices(chunks)) {
    const text = carry + decoder.write(slice);
    const last = text.charCodeAt(text.length - 1);
    const cut = last >= 0xd800 && last <= 0xdbff ? text.length - 1 : text.length;
    carry = text.slice(cut);
    if (cut > 0) yield wellFormed(text.slice(0, cut));
  }
  const rest = carry + decoder.end();
  if (rest) yield wellFormed(rest);
}

/** `text` with each lone surrogate replaced by U+FFFD (String.prototype.toWellFormed, ES2024). */
function wellFormed(text: string): string {
  return (text as string & { toWellFormed(): string }).toWellFormed();
}

/** A single-byte encoding as "read the bytes natively, then fix the bytes that differ". */
interface SingleByteTable {
  decode(bytes: Buffer): string;
}

/** iconv-lite's single-byte code pages, by its normalized name: the only ones given the fast path. */
const SINGLE_BYTE_NAMES = /^(?:(?:windows|win|cp)125[0-8]|iso8859\d{1,2}|latin\d{1,2}|l\d{1,2}|binary)$/;
/** More bytes than this where the platform's decoder disagrees with iconv-lite: checking for them per chunk costs more than it saves. */
const MAX_NATIVE_MISMATCHES = 8;

const singleByteTables = new Map<string, SingleByteTable | null>();

/**
 * The decoding of a single-byte code page (windows-1252, ISO-8859-x, …) exactly as iconv-lite does
 * it, several times faster on a big export. Latin-1 is a native copy; other code pages use the
 * platform's TextDecoder, except in chunks that hold a byte where the WHATWG table and iconv-lite
 * disagree (windows-1252: the five unassigned bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D, which iconv-lite
 * decodes as U+FFFD). Those chunks, and platforms without the code page, read the bytes as Latin-1
 * and replace the ones that differ. Every table comes from iconv-lite itself, so the text is the
 * same character for character. Null for any other encoding.
 */
function singleByteTable(encoding: string): SingleByteTable | null {
  const name = encoding.toLowerCase().replace(/:\d{4}$|[^0-9a-z]/g, ''); // iconv-lite's own normalization
  let table = singleByteTables.get(name);
  if (table === undefined) {
    table = SINGLE_BYTE_NAMES.test(name) ? buildSingleByteTable(encoding) : null;
    singleByteTables.set(name, table);
  }
  return table;
}

function buildSingleByteTable(encoding: string): SingleByteTable | null {
  const allBytes = Buffer.alloc(256);
  for (let i = 0; i < 256; i++) allBytes[i] = i;
  const chars = iconv.decode(allBytes, encoding);
  if (chars.length !== 256 || chars.includes('\uFEFF')) return null;
  const notLatin1: string[] = [];
  for (let i = 0; i < 256; i++) {
    // One stateless byte per character: each byte alone decodes as it does within the block.
    if (iconv.decode(allBytes.subarray(i, i + 1), encoding) !== chars.charAt(i)) return null;
    if (chars.charCodeAt(i) !== i) notLatin1.push(`\\x${i.toString(16).padStart(2, '0')}`);
  }
  if (notLatin1.length === 0) return { decode: (bytes) => bytes.toString('latin1') };

  const anyNotLatin1 = new RegExp(`[${notLatin1.join('')}]`);
  const everyNotLatin1 = new RegExp(anyNotLatin1.source, 'g');
  const replace = (c: string): string => chars.charAt(c.charCodeAt(0));
  const viaLatin1 = (bytes: Buffer): string => {
    const latin1 = bytes.toString('latin1');
    return anyNotLatin1.test(latin1) ? latin1.replace(everyNotLatin1, replace) : latin1;
  };

  const native = nativeDecoder(encoding, allBytes, chars);
  if (!native) return { decode: viaLatin1 };
  const { decoder, mismatches } = native;
  return { decode: (bytes) => (mismatches.some((b) => bytes.includes(b)) ? viaLatin1(bytes) : decoder.decode(bytes)) };
}

/** The platform's decoder for the code page and the bytes it decodes differently from iconv-lite, or undefined. */
function nativeDecoder(encoding: string, allBytes: Buffer, chars: string): { decoder: TextDecoder; mismatches: number[] } | undefined {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    return undefined; // RangeError: a Node without this code page (small-icu)
  }
  const native = decoder.decode(allBytes);
  if (native.length !== 256) return undefined;
  const mismatches: number[] = [];
  for (let i = 0; i < 256; i++) if (native.charAt(i) !== chars.charAt(i)) mismatches.push(i);
  return mismatches.length <= MAX_NATIVE_MISMATCHES ? { decoder, mismatches } : undefined;
}
