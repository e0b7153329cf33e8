import iconv from 'iconv-lite';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes as UTF-8 if they are valid and printable, else undefined (the caller keeps the escapes). */
function printableUtf8(bytes: number[]): string | undefined {
  try {
    const text = strictUtf8.decode(Uint8Array.from(bytes));
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must stay escaped
    return /[\u0000-\u001f\u007f-\u009f]/.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

/**
 * A quoted field of Apache's log (request, referer, user agent) as the client sent it: `\"` and `\\`
 * unescaped, runs of `\xhh` decoded as UTF-8 (`M\xc3\xbcller` → `Müller`). Runs that are not
 * printable UTF-8 (a TLS handshake sent to port 80) stay written as `\x16\x03…`: readable, and
 * faithful to the log.
 */
export function unescapeLogField(field: string): string {
  if (!field.includes('\\')) return field;
  return field.replace(/((?:\\x[0-9a-fA-F]{2})+)|\\(["\\])/g, (whole, run: string | undefined, char: string | undefined) => {
    if (char !== undefined) return char;
    const bytes = (run ?? '').split('\\x').filter(Boolean).map((hex) => parseInt(hex, 16));
    return printableUtf8(bytes) ?? whole;
  });
}

/**
 * URL percent-escapes decoded (`anna.mueller%40example.de` → `anna.mueller@example.de`), byte runs
 * as UTF-8, else windows-1252 (old forms post Latin-1). With `plusIsSpace`, `+` in the query becomes
 * a space (form encoding); the caller scans both readings, because `+` in a path is a plus.
 */
export function percentDecode(text: string, plusIsSpace = false): string {
  const query = text.indexOf('?');
  const spaced = plusIsSpace && query !== -1 ? text.slice(0, query) + text.slice(query).replace(/\+/g, ' ') : text;
  return spaced.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    const bytes = Buffer.from(run.replace(/%/g, ''), 'hex');
    try {
      return strictUtf8.decode(bytes);
    } catch {
      return iconv.decode(bytes, 'windows-1252');
    }
  });
}
