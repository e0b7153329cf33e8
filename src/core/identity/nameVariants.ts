// German transliteration (DIN 5007-2): the spelling people use when a keyboard, a form or an old
// system has no umlauts. A few letters NFKD does not decompose get their usual Latin spelling, so
// "Søren" and "Łukasz" compare like the rest.
const TRANSLITERATION: Readonly<Record<string, string>> = {
  ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS',
  æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', ø: 'oe', Ø: 'Oe', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i',
};
const TRANSLITERATED = /[äöüÄÖÜßẞæÆœŒøØłŁđĐı]/g;
const UMLAUT_BASE: Readonly<Record<string, string>> = { ä: 'a', ö: 'o', ü: 'u', Ä: 'A', Ö: 'O', Ü: 'U', ø: 'o', Ø: 'O' };
const UMLAUT = /[äöüÄÖÜøØ]/g;
const MARKS = /\p{M}/gu;

/**
 * The comparison key of a name or name token: NFC, German transliteration (ä→ae, ß→ss), other
 * diacritics stripped (NFKD), lower case. "JÜRGEN" and "Juergen" both give "juergen".
 */
export function normalizeName(name: string): string {
  return foldMarks(name.normalize('NFC').replace(TRANSLITERATED, (ch) => TRANSLITERATION[ch] ?? ch));
}

/**
 * Every key under which one token of the subject's name may appear in text, each as
 * normalizeName returns it for that spelling:
 * "Jürgen" → juergen (transliterated) and jurgen (umlaut dots dropped, as on US keyboards).
 * The reverse is not derived: "Juergen" does not yield "jurgen", because "ue" is not always an
 * umlaut ("Sauer" is not "Saur").
 */
export function nameTokenVariants(token: string): ReadonlySet<string> {
  const nfc = token.normalize('NFC');
  const transliterated = normalizeName(nfc);
  const dotsDropped = normalizeName(nfc.replace(UMLAUT, (ch) => UMLAUT_BASE[ch] ?? ch));
  return new Set([transliterated, dotsDropped]);
}

/**
 * The literal lower-case strings a token can take in lower-cased text, for a cheap `indexOf`
 * before any tokenizing: its normalized variants, its own spelling in NFC and NFD (mail from
 * macOS may carry decomposed umlauts).
 */
export function nameTokenNeedles(token: string): string[] {
  const lower = token.normalize('NFC').toLowerCase();
  return [...new Set([...nameTokenVariants(token), lower, lower.normalize('NFD')])];
}

/**
 * The tokens of a personal name in reading order: "Weiß, Jürgen" becomes ["Jürgen", "Weiß"].
 * Hyphenated and apostrophe names stay one token ("Müller-Lüdenscheidt", "O'Brien").
 */
export function nameTokens(name: string): string[] {
  const nfc = name.normalize('NFC').trim();
  const comma = nfc.indexOf(',');
  const ordered = comma === -1 ? nfc : `${nfc.slice(comma + 1)} ${nfc.slice(0, comma)}`;
  return ordered.split(/[\s,]+/u).filter((t) => /\p{L}/u.test(t));
}

function foldMarks(s: string): string {
  return s.normalize('NFKD').replace(MARKS, '').toLowerCase();
}
