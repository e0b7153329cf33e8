const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/**
 * True for characters that glue onto an identifier and make it part of a longer token: ASCII
 * letters, digits and `_`, and any non-ASCII letter, digit or combining mark. Surrogate halves
 * count as word characters, so an identifier glued to an astral letter is not a whole token.
 */
export function isWordCharCode(code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
  }
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return LETTER_OR_DIGIT.test(String.fromCharCode(code));
}

/** True when `text[index]` exists and is a word character (see isWordCharCode). */
export function isWordCharAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && isWordCharCode(text.charCodeAt(index));
}

/** The character a `%XX` escape ending just before `end` stands for, or undefined if there is none. */
export function percentEscapeBefore(text: string, end: number): string | undefined {
  if (end < 3 || text.charCodeAt(end - 3) !== 0x25) return undefined;
  return decodeHexPair(text, end - 2);
}

/** The character a `%XX` escape starting at `start` stands for, or undefined if there is none. */
export function percentEscapeAt(text: string, start: number): string | undefined {
  if (start + 2 >= text.length || text.charCodeAt(start) !== 0x25) return undefined;
  return decodeHexPair(text, start + 1);
}

function decodeHexPair(text: string, at: number): string | undefined {
  const pair = text.slice(at, at + 2);
  return /^[0-9a-fA-F]{2}$/.test(pair) ? String.fromCharCode(parseInt(pair, 16)) : undefined;
}
