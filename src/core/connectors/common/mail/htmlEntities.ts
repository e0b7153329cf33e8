import iconv from 'iconv-lite';

/**
 * HTML character references for the message prefilter (messagePrefilter.ts): at least what
 * htmlparser2 (under html-to-text) decodes wherever it could make an identifier, or null when the
 * text holds a named reference this table does not know, so that the caller passes the message on.
 */

/** The entities HTML decodes even without ";" (HTML's legacy set): U+00A0 to U+00FF, in order. */
const LATIN1_NAMES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo ' +
  'frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute ' +
  'Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml ' +
  'igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
).split(' ');

const LEGACY = new Map<string, string>([
  ...LATIN1_NAMES.map((name, i): [string, string] => [name, String.fromCharCode(0xa0 + i)]),
  ['amp', '&'], ['AMP', '&'], ['lt', '<'], ['LT', '<'], ['gt', '>'], ['GT', '>'], ['quot', '"'], ['QUOT', '"'], ['COPY', '\u00a9'], ['REG', '\u00ae'],
]);

/** Further names, decoded only with ";": the punctuation and spaces an address, number or name can hold. */
const NAMED = new Map<string, string>([
  ...LEGACY,
  ['apos', "'"], ['commat', '@'], ['period', '.'], ['hyphen', '\u2010'], ['dash', '\u2010'], ['ndash', '\u2013'], ['mdash', '\u2014'], ['minus', '\u2212'],
  ['lowbar', '_'], ['UnderBar', '_'], ['plus', '+'], ['num', '#'], ['dollar', '$'], ['percnt', '%'], ['excl', '!'], ['quest', '?'], ['colon', ':'], ['semi', ';'],
  ['comma', ','], ['sol', '/'], ['bsol', '\\'], ['lpar', '('], ['rpar', ')'], ['lsqb', '['], ['rsqb', ']'], ['lbrack', '['], ['rbrack', ']'], ['lcub', '{'],
  ['rcub', '}'], ['lbrace', '{'], ['rbrace', '}'], ['equals', '='], ['ast', '*'], ['midast', '*'], ['Hat', '^'], ['grave', '`'], ['verbar', '|'], ['vert', '|'],
  ['ensp', '\u2002'], ['emsp', '\u2003'], ['thinsp', '\u2009'], ['hairsp', '\u200a'], ['numsp', '\u2007'], ['puncsp', '\u2008'], ['NonBreakingSpace', '\u00a0'],
  ['zwnj', '\u200c'], ['zwj', '\u200d'], ['lrm', '\u200e'], ['rlm', '\u200f'], ['ZeroWidthSpace', '\u200b'], ['Tab', '\t'], ['NewLine', '\n'],
  ['hellip', '\u2026'], ['bull', '\u2022'], ['euro', '\u20ac'], ['trade', '\u2122'], ['lsquo', '\u2018'], ['rsquo', '\u2019'], ['sbquo', '\u201a'],
  ['ldquo', '\u201c'], ['rdquo', '\u201d'], ['bdquo', '\u201e'], ['lsaquo', '\u2039'], ['rsaquo', '\u203a'], ['dagger', '\u2020'], ['Dagger', '\u2021'],
  ['permil', '\u2030'], ['circ', '\u02c6'], ['tilde', '\u02dc'], ['Scaron', '\u0160'], ['scaron', '\u0161'], ['OElig', '\u0152'], ['oelig', '\u0153'],
  ['Yuml', '\u0178'], ['fnof', '\u0192'], ['Zcaron', '\u017d'], ['zcaron', '\u017e'],
]);

const REFERENCE = /&(?:#(\d{1,8});?|#[xX]([0-9a-fA-F]{1,7});?|([A-Za-z][A-Za-z0-9]{0,31})(;?))/g;

/** The text with character references decoded; null if it holds a named reference ending in ";" that is not known here. */
export function decodeHtmlEntities(text: string): string | null {
  if (!text.includes('&')) return text;
  let unknown = false;
  const decoded = text.replace(REFERENCE, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined, semicolon: string) => {
    if (decimal !== undefined || hex !== undefined) return codePoint(decimal !== undefined ? Number(decimal) : parseInt(hex!, 16));
    if (semicolon) {
      const known = NAMED.get(name!);
      if (known === undefined) unknown = true;
      return known ?? whole;
    }
    // Without ";", HTML decodes the longest legacy name the text starts with ("&uumlber" is "überber").
    for (let length = name!.length; length >= 2; length--) {
      const legacy = LEGACY.get(name!.slice(0, length));
      if (legacy !== undefined) return legacy + name!.slice(length);
    }
    return whole;
  });
  return unknown ? null : decoded;
}

/** A numeric reference as HTML reads it: 128–159 are windows-1252's characters, invalid ones U+FFFD. */
function codePoint(value: number): string {
  if (value >= 0x80 && value <= 0x9f) return iconv.decode(Buffer.from([value]), 'windows-1252');
  if (value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(value);
}
