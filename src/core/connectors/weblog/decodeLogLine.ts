import iconv from 'iconv-lite';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A log line's text: strict UTF-8, else windows-1252. Decided per line, not per file: Apache and
 * nginx write the client's bytes (a user name, an unescaped header) as they came, so one file can
 * hold both; a replacement character would lose the very letters a name match needs.
 */
export function decodeLogLine(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
  }
}
