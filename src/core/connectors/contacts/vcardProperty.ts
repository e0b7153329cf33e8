/** One vCard property line, split but not yet decoded (RFC 6350 §3.3, RFC 2425 §5.8.2, vCard 2.1 §2.1.3). */
export interface VCardProperty {
  /** `item1` in Apple/Gmail's `item1.EMAIL`, lower-cased; groups tie a property to its X-ABLabel. */
  readonly group: string | undefined;
  /** Upper-cased property name. */
  readonly name: string;
  /** TYPE values, including vCard 2.1's bare parameters (`TEL;WORK;VOICE`). */
  readonly types: ReadonlyArray<string>;
  /** ENCODING, upper-cased: QUOTED-PRINTABLE, BASE64, B, 8BIT… ("" when absent). */
  readonly encoding: string;
  readonly charset: string | undefined;
  /** VALUE parameter, lower-cased (uri, text, date…). */
  readonly valueType: string | undefined;
  /** The raw value after the first unquoted colon, still escaped and encoded. */
  readonly value: string;
}

// vCard 2.1 lets these stand alone as parameters; everything else bare is a type.
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT', 'B']);

/** Index of the colon that ends name and parameters: quoted parameter values may contain colons. */
export function headerEnd(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x3a && !quoted) return i;
  }
  return -1;
}

/** Split a content line; null when it has no colon, i.e. is not a property at all. */
export function parseProperty(line: string): VCardProperty | null {
  const end = headerEnd(line);
  if (end < 0) return null;
  const header = line.slice(0, end);
  const parts = splitOutsideQuotes(header, ';');
  const fullName = (parts.shift() ?? '').trim();
  const dot = fullName.lastIndexOf('.');
  const group = dot > 0 ? fullName.slice(0, dot).toLowerCase() : undefined;
  const name = (dot > 0 ? fullName.slice(dot + 1) : fullName).toUpperCase();
  if (!/^[A-Z0-9_-]+$/.test(name)) return null;

  const types: string[] = [];
  let encoding = '';
  let charset: string | undefined;
  let valueType: string | undefined;
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      const bare = part.trim();
      if (BARE_ENCODINGS.has(bare.toUpperCase())) encoding = bare.toUpperCase();
      else if (bare) types.push(bare);
      continue;
    }
    const key = part.slice(0, eq).trim().toUpperCase();
    const value = part.slice(eq + 1).trim();
    if (key === 'ENCODING') encoding = unquote(value).toUpperCase();
    else if (key === 'CHARSET') charset = unquote(value);
    else if (key === 'VALUE') valueType = unquote(value).toLowerCase();
    // TYPE="work,voice" (RFC 6350 quotes the list) and TYPE=work,voice mean the same.
    else if (key === 'TYPE') types.push(...splitOutsideQuotes(value, ',').flatMap((v) => unquote(v.trim()).split(',')).map((v) => v.trim()).filter(Boolean));
  }
  return { group, name, types, encoding, charset, valueType, value: line.slice(end + 1) };
}

/** True for properties whose value is binary data (a photo, a sound, a key): skipped, never decoded into text. */
export function isBinaryProperty(property: Pick<VCardProperty, 'encoding' | 'value'>): boolean {
  if (property.encoding === 'BASE64' || property.encoding === 'B') return true;
  // vCard 4.0 embeds media as data: URIs (RFC 6350 §6.2.4 PHOTO example).
  return /^data:[^,]*;base64,/i.test(property.value.trimStart());
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}
