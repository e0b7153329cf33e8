import iconv from 'iconv-lite';
import { compile } from 'html-to-text';

/** Content types whose bytes are text a person could have written an identifier into. */
const TEXT_LIKE_TYPES = new Set([
  'application/json',
  'application/xml',
  'application/ics',
  'application/x-vcard',
  'application/csv',
  'application/x-csv',
  'message/delivery-status',
  'message/disposition-notification',
  'message/rfc822-headers',
  'text/rfc822-headers',
]);

/** Whether an attachment of this type can hold searchable text (binary types are never decoded). */
export function isTextLike(contentType: string): boolean {
  const type = contentType.toLowerCase();
  return type.startsWith('text/') || TEXT_LIKE_TYPES.has(type) || type.endsWith('+xml') || type.endsWith('+json');
}

/** An Outlook item saved as `.msg` (libmime's type for the extension): read with the Outlook reader, not as text. */
export function isOutlookItem(contentType: string, filename?: string): boolean {
  return contentType.toLowerCase() === 'application/vnd.ms-outlook' || /\.msg$/i.test(filename ?? '');
}

/**
 * Decode attachment bytes in the charset it declares. An unknown or missing charset falls back to
 * strict UTF-8, then windows-1252 (LIBRARIES.md "Encodings"): a legacy attachment must still match.
 */
export function decodeText(bytes: Buffer, charset: string | undefined): string {
  if (charset && iconv.encodingExists(charset)) return iconv.decode(bytes, charset);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'windows-1252');
  }
}

/**
 * The visible text of an HTML body. Entities are decoded and tags no longer split words, so
 * `Anna <b>M&uuml;ller</b>` reads "Anna Müller". Links keep their href so `mailto:` targets count.
 */
export function htmlToText(html: string): string {
  return renderHtml(html);
}

// Compiled once: html-to-text otherwise rebuilds its options on every call (measured: 7% of a scan).
const renderHtml = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true, ignoreHref: false } },
    { selector: 'img', format: 'skip' },
  ],
});
