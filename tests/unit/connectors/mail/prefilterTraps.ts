import iconv from 'iconv-lite';
import { SeededRandom } from '../../../../bench/mbox-scan/seededRandom.js';
import { base64Text, quotedPrintable } from '../../../../bench/mbox-scan/mimeEncoding.js';

/**
 * Random messages that hide an identifier (or a look-alike, or nothing) behind the encodings the
 * message prefilter must see through: encoded words split anywhere, folding, quoted-printable soft
 * breaks and `=XX` for plain characters, base64 bodies and attachments, HTML entities and tags
 * between characters, format=flowed, legacy and non-ASCII-compatible charsets, attached messages
 * (raw and base64) and .eml files sent as octet-stream. Shared by the prefilter's tests.
 */

export const SUBJECT = {
  name: 'Jürgen Weiß',
  emails: ['j.weiss@beispiel-gmbh.de'],
  phones: ['0711 12345678'],
  customerIds: ['K-10442'],
  ips: ['203.0.113.77'],
  otherIds: [{ label: 'TeamViewer-ID', value: '123 456 789' }],
};

const EMAILS = ['j.weiss@beispiel-gmbh.de', 'J.Weiss@Beispiel-GmbH.DE', 'j.weiss%40beispiel-gmbh.de'];
const PHONES = ['0711 12345678', '+49 711 12345678', '0049 711 12345678', '(0711) 123 456 78', '+49 (0)711 / 123 456-78', '0711/12345678', '0711-123456-78', '+49\u00a0711\u00a01234\u00a05678', '0711 1234 5678', '+49\u2013711\u201312345678', '07111234 5678', '+4971112345678', '0711 123456 Durchwahl 78'];
const NAMES = ['Jürgen Weiß', 'Juergen Weiss', 'Weiß, Jürgen', 'Ju\u0308rgen Wei\u00df', 'JÜRGEN WEISS', 'Jurgen Weiss', 'Herr Jürgen Weiß'];
const OTHERS = ['K-10442', '203.0.113.77', '123 456 789', '123456789', 'k-10442'];
const LOOKALIKES = ['xj.weiss@beispiel-gmbh.de', 'j.weiss@beispiel-gmbh.de.evil.org', '0711 12345679', '0721 12345678', 'Jürgen Weißmann', 'Weiß', 'K-104421', '203.0.113.7'];
const FILLER = ['Hallo zusammen,', 'anbei die Unterlagen.', 'Viele Grüße', 'Bitte um Rückruf', 'Termin am Montag', 'Angebot 4711', 'Tel. 0711 98765432', 'Müller & Söhne', 'a < b > c', 'Preis: 12,50 €', 'Straße 10', 'dwh', 'Handwerk'];

/** One of the forms an identifier may take, a look-alike, or only filler text. */
export function pickNeedle(rng: SeededRandom): string {
  const roll = rng.int(0, 9);
  if (roll <= 1) return rng.pick(EMAILS);
  if (roll <= 3) return rng.pick(PHONES);
  if (roll === 4) return rng.pick(NAMES);
  if (roll === 5) return rng.pick(OTHERS);
  if (roll <= 7) return rng.pick(LOOKALIKES);
  return '';
}

function sentence(rng: SeededRandom, needle: string): string {
  const words = [rng.pick(FILLER), rng.pick(FILLER)];
  return `${words[0]} ${needle} ${words[1]}`;
}

type Charset = 'utf-8' | 'iso-8859-1' | 'windows-1252' | 'us-ascii';

function encode(text: string, charset: Charset): Buffer {
  return charset === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, charset === 'us-ascii' ? 'latin1' : charset);
}

/** Encoded words cut at random places, each word encoded on its own, joined by folding or spaces. */
function encodedWords(rng: SeededRandom, text: string): string {
  const charset = rng.pick(['UTF-8', 'ISO-8859-1', 'utf-8'] as const);
  const words: string[] = [];
  for (let at = 0; at < text.length; ) {
    const end = Math.min(text.length, at + rng.int(1, 12));
    const piece = text.slice(at, end);
    const bytes = charset === 'ISO-8859-1' ? iconv.encode(piece, 'latin1') : Buffer.from(piece, 'utf8');
    const q = rng.chance(0.5);
    const body = q ? [...bytes].map((b) => (b === 0x20 ? '_' : (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('') : bytes.toString('base64');
    words.push(`=?${charset}?${q ? 'Q' : 'B'}?${body}?=`);
    at = end;
  }
  return words.join(rng.pick([' ', '\n ', '\n\t', '']));
}

/** A header line holding the text: plain, encoded words, folded inside the text, or in a display name. */
function header(rng: SeededRandom, text: string): string {
  const name = rng.pick(['Subject', 'X-Note', 'Comments', 'Keywords', 'From', 'To', 'Cc', 'Reply-To']);
  const address = ['From', 'To', 'Cc', 'Reply-To'].includes(name);
  let value = text;
  const style = rng.int(0, 3);
  if (style === 1 && /^[\x20-\x7e]*$/.test(text)) {
    const at = text.indexOf(' ', rng.int(0, text.length));
    if (at > 0) value = `${text.slice(0, at)}\n${text.slice(at)}`; // folded at a space
  } else if (style >= 2) value = encodedWords(rng, text);
  if (address) {
    if (text.includes('@') && !text.includes(' ') && rng.chance(0.5)) return `${name}: ${rng.chance(0.5) ? `Name <${text}>` : text}`;
    return `${name}: ${value} <someone@firma.example>`;
  }
  return `${name}: ${value}`;
}

/** Text as HTML, with characters as entities and empty tags between characters. */
function html(rng: SeededRandom, text: string): string {
  let out = '';
  for (const ch of text) {
    const roll = rng.int(0, 19);
    if (roll === 0) out += `&#${ch.codePointAt(0)};`;
    else if (roll === 1) out += `&#x${ch.codePointAt(0)!.toString(16)};`;
    else if (roll === 2 && ch === '@') out += '&commat;';
    else if (roll === 3 && ch === '.') out += '&period;';
    else if (roll === 4 && ch === 'ü') out += rng.chance(0.5) ? '&uuml;' : '&uuml';
    else if (roll === 5 && ch === 'ß') out += '&szlig;';
    else if (roll === 6 && ch === ' ') out += rng.pick(['&nbsp;', '\n', '  ']);
    else if (roll === 7) out += `${ch}<b></b>`;
    else if (roll === 8) out += `${ch}<span class="x">`;
    else if (ch === '<') out += '&lt;';
    else if (ch === '&') out += '&amp;';
    else out += ch;
  }
  const link = text.includes('@') && rng.chance(0.4) ? `<a href="mailto:${text.replace('@', rng.pick(['@', '&#64;', '%40']))}">Mail</a>` : '';
  return `<html><body><p>${rng.pick(FILLER)}</p><p>${out}</p>${link}</body></html>`;
}

interface Leaf {
  readonly headers: string[];
  readonly body: string; // latin1 string of the encoded bytes
}

/** A text leaf: charset, transfer encoding (with soft breaks anywhere), HTML or flowed. */
function textLeaf(rng: SeededRandom, text: string, attachment: boolean): Leaf {
  const isHtml = rng.chance(0.3);
  let content = isHtml ? html(rng, text) : text;
  const flowed = !isHtml && rng.chance(0.2);
  if (flowed) content = content.replace(/ /g, () => (rng.chance(0.3) ? ' \n' : ' '));
  const charset: Charset = /[^\t\n\x20-\x7e]/.test(content) ? rng.pick(['utf-8', 'iso-8859-1', 'windows-1252'] as const) : rng.pick(['utf-8', 'us-ascii', 'iso-8859-1'] as const);
  const encodable = charset === 'utf-8' || iconv.decode(iconv.encode(content, charset === 'us-ascii' ? 'latin1' : charset), charset === 'us-ascii' ? 'latin1' : charset) === content;
  const cs: Charset = encodable ? charset : 'utf-8';
  const bytes = encode(`${content}\n`, cs);
  const cte = rng.pick(['7bit', '8bit', 'quoted-printable', 'quoted-printable', 'base64'] as const);
  let body: string;
  if (cte === 'base64') body = base64Text(bytes);
  else if (cte === 'quoted-printable') {
    const breaks = new Set<number>();
    for (let i = 0; i < 3; i++) breaks.add(rng.int(1, Math.max(1, bytes.length - 2)));
    body = quotedPrintable(bytes, breaks);
    // Some mailers encode plain characters too: "=40" for "@", "=2E" for ".".
    body = body.replace(/[@.\-0-9]/g, (c) => (rng.chance(0.3) ? `=${c.charCodeAt(0).toString(16).toUpperCase()}` : c));
  } else body = bytes.toString('latin1');
  let type = isHtml ? 'text/html' : 'text/plain';
  let disposition: string[] = [];
  if (attachment) {
    const style = rng.int(0, 2);
    if (style === 1) type = 'application/octet-stream; name="notiz.txt"';
    if (style === 2) type = `text/csv; name="liste.csv"`;
    disposition = [`Content-Disposition: attachment; filename="${style === 1 ? 'notiz.txt' : 'datei.txt'}"`];
  }
  const params = `${type.includes(';') ? '' : ''}; charset=${rng.chance(0.5) ? cs : cs.toUpperCase()}${flowed ? '; format=flowed' : ''}`;
  return { headers: [`Content-Type: ${type}${params}`, `Content-Transfer-Encoding: ${cte}`, ...disposition], body };
}

function serialize(headers: string[], body: string): string {
  return `${headers.join('\n')}\n\n${body}`;
}

/** A whole message (latin1 string of its bytes) with `parts` texts hidden in random places. */
export function trapMessage(rng: SeededRandom, depth = 0): string {
  const headers = [`From: Absender <absender@firma.example>`, `To: empfang@firma.example`, `Message-ID: <m${rng.hex(8)}@t>`, 'MIME-Version: 1.0'];
  const needle = pickNeedle(rng);
  const where = rng.int(0, 5);
  if (where === 0 && needle) headers.push(header(rng, sentence(rng, needle)));
  else headers.push(`Subject: ${encodedWords(rng, rng.pick(FILLER))}`);
  const bodyText = where === 0 ? sentence(rng, '') : sentence(rng, needle);
  const inBody = where <= 2;

  if (inBody && rng.chance(0.5)) {
    const leaf = textLeaf(rng, bodyText, false);
    return serialize([...headers, ...leaf.headers], leaf.body);
  }
  const boundary = `b${rng.hex(6)}`;
  const parts: string[] = [];
  const main = textLeaf(rng, inBody ? bodyText : sentence(rng, ''), false);
  parts.push(serialize(main.headers, main.body));
  if (!inBody) {
    const kind = rng.int(0, depth < 2 ? 4 : 1);
    if (kind <= 1) {
      const leaf = textLeaf(rng, sentence(rng, needle), true);
      parts.push(serialize(leaf.headers, leaf.body));
    } else {
      // An attached message carrying the needle somewhere inside: raw, base64, or an .eml sent as octet-stream.
      let inner = trapMessage(rng, depth + 1);
      if (needle && !inner.includes(needle)) inner = inner.replace('Subject: ', `Subject: ${needle} `);
      if (kind === 2) parts.push(serialize(['Content-Type: message/rfc822'], inner));
      else if (kind === 3) parts.push(serialize(['Content-Type: message/rfc822', 'Content-Transfer-Encoding: base64'], base64Text(Buffer.from(inner, 'latin1'))));
      else parts.push(serialize(['Content-Type: application/octet-stream; name="weiter.eml"', 'Content-Transfer-Encoding: base64', 'Content-Disposition: attachment; filename="weiter.eml"'], base64Text(Buffer.from(inner, 'latin1'))));
    }
  }
  if (rng.chance(0.2)) {
    const png = Buffer.alloc(rng.int(100, 6000));
    for (let i = 0; i < png.length; i++) png[i] = rng.int(0, 255);
    parts.push(serialize(['Content-Type: image/png; name="bild.png"', 'Content-Transfer-Encoding: base64'], base64Text(png)));
  }
  const type = rng.chance(0.3) && parts.length === 1 ? 'multipart/alternative' : 'multipart/mixed';
  return serialize([...headers, `Content-Type: ${type}; boundary="${boundary}"`], `${parts.map((p) => `--${boundary}\n${p}`).join('')}--${boundary}--\n`);
}

/** A message in UTF-16 or UTF-7: ASCII identifiers are not visible as ASCII bytes. */
export function wideCharsetMessage(rng: SeededRandom): string {
  const needle = rng.pick(EMAILS);
  const charset = rng.pick(['utf-16le', 'utf-16be', 'utf-7'] as const);
  const bytes = charset === 'utf-7' ? iconv.encode(`Hallo ${needle}`, 'utf7') : iconv.encode(`Hallo ${needle}`, charset);
  return serialize(['From: a@firma.example', `Message-ID: <w${rng.hex(8)}@t>`, `Content-Type: text/plain; charset=${charset}`, 'Content-Transfer-Encoding: base64'], base64Text(bytes));
}

export { SeededRandom };
