import { decodeText } from '../common/mail/textPart.js';

/**
 * A text file's content by the encoding rule of LIBRARIES.md: a BOM decides (UTF-8, or UTF-16 as
 * Windows Notepad writes it), else strict UTF-8, else windows-1252.
 */
export function plainText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeText(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeText(bytes, 'utf-16be');
  // TextDecoder drops a UTF-8 BOM by itself.
  return decodeText(bytes, undefined);
}
