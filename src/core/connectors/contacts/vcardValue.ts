import iconv from 'iconv-lite';
import type { VCardProperty } from './vcardProperty.js';

/**
 * How the file's characters reached us. vCard 2.1 files mix encodings per property (`CHARSET=`),
 * so a file that is not UTF-16 is read byte for byte (latin1 maps each byte to one character) and
 * each value is decoded with its own charset, or the file's detected one. A UTF-16 file (Outlook's
 * "Unicode" export) is real text already.
 */
export interface ValueTransport {
  /** The bytes a decoded-as-read string stands for. */
  bytes(text: string): Buffer;
  /** A value that was not transfer-encoded, as text. */
  text(raw: string, charset: string | undefined): string;
  /** The charset of transfer-decoded bytes that name none. */
  readonly defaultCharset: string;
}

export function byteTransport(fileEncoding: string): ValueTransport {
  return {
    bytes: (text) => Buffer.from(text, 'latin1'),
    text: (raw, charset) => decodeBytes(Buffer.from(raw, 'latin1'), charset ?? fileEncoding),
    defaultCharset: fileEncoding,
  };
}

export function textTransport(): ValueTransport {
  return { bytes: (text) => Buffer.from(text, 'utf8'), text: (raw) => raw, defaultCharset: 'utf-8' };
}

/** Bytes as text in a charset; an unknown charset is read as UTF-8 (and said so by the caller). */
export function decodeBytes(bytes: Buffer, charset: string): string {
  if (/^utf-?8$/i.test(charset) || !iconv.encodingExists(charset)) return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(bytes, charset);
}

/** Quoted-printable to bytes (RFC 2045 §6.7); soft line breaks were already joined; a stray "=" stays as it is. */
export function decodeQuotedPrintable(bytes: Buffer): Buffer {
  const out = Buffer.alloc(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0x3d && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
      out[n++] = parseInt(String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0), 16);
      i += 2;
    } else {
      out[n++] = b;
    }
  }
  return out.subarray(0, n);
}

function isHex(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66));
}

/** The property's value as text: transfer encoding undone, charset applied; escapes still in place. */
export function decodeValue(property: VCardProperty, transport: ValueTransport): string {
  if (property.encoding === 'QUOTED-PRINTABLE' || property.encoding === 'QP') {
    return decodeBytes(decodeQuotedPrintable(transport.bytes(property.value)), property.charset ?? transport.defaultCharset);
  }
  return transport.text(property.value, property.charset);
}

/** True when the property names a charset iconv does not know; its value is then read as UTF-8. */
export function hasUnknownCharset(property: VCardProperty): boolean {
  return property.charset !== undefined && !/^utf-?8$/i.test(property.charset) && !iconv.encodingExists(property.charset);
}

/** Backslash escapes of text values (RFC 6350 §3.4; also the `\:` and `\"` some writers add). */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\,;:"nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** The components of a structured value (N, ADR, ORG): split at unescaped ";", then unescaped. */
export function structuredComponents(value: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === ';') {
      out.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  out.push(current);
  return out.map((part) => unescapeText(part).trim());
}

/**
 * A TEL value as a number the phone parser reads: a `tel:` URI (vCard 4.0, RFC 3966) loses its
 * scheme and parameters, and its `ext=` becomes "ext. N" so that the extension is not read as digits
 * of the number.
 */
export function telephoneNumber(value: string): string {
  const trimmed = value.trim();
  if (!/^tel:/i.test(trimmed)) return trimmed;
  const [number = '', ...params] = trimmed.slice(4).split(';');
  const ext = params.map((p) => /^ext=(.+)$/i.exec(p.trim())?.[1]).find((e) => e !== undefined);
  return ext === undefined ? number : `${number} ext. ${ext}`;
}
