import { describe, expect, it } from 'vitest';
import { MAX_PROPERTY_CHARS } from '../../../../src/core/connectors/contacts/contactsLimits.js';
import { VCardUnfolder, type ContentLine } from '../../../../src/core/connectors/contacts/vcardUnfolder.js';

function unfold(lines: string[]): ContentLine[] {
  const unfolder = new VCardUnfolder();
  const out = lines.flatMap((line, i) => unfolder.push(`${line}\r\n`, i + 1));
  return [...out, ...unfolder.end()];
}

describe('VCardUnfolder', () => {
  it('vCard 3.0/4.0: removes the line break and one space or tab', () => {
    expect(unfold(['BEGIN:VCARD', 'VERSION:3.0', 'NOTE:LIMITE', ' D TO', '\t and', 'END:VCARD']).map((l) => [l.line, l.text])).toEqual([
      [1, 'BEGIN:VCARD'],
      [2, 'VERSION:3.0'],
      [3, 'NOTE:LIMITED TO and'],
      [6, 'END:VCARD'],
    ]);
  });

  it('vCard 2.1: keeps the whitespace a fold was made at', () => {
    expect(unfold(['BEGIN:VCARD', 'VERSION:2.1', 'FN:Jürgen', ' Weiß', 'END:VCARD'])[2]?.text).toBe('FN:Jürgen Weiß');
  });

  it('joins quoted-printable soft line breaks whatever the next line starts with', () => {
    const lines = unfold(['BEGIN:VCARD', 'VERSION:2.1', 'LABEL;ENCODING=QUOTED-PRINTABLE:Weg 1=0D=0A=', 'Ort=', ' mit Leerzeichen', 'TEL:1', 'END:VCARD']);
    expect(lines.map((l) => l.text)).toEqual(['BEGIN:VCARD', 'VERSION:2.1', 'LABEL;ENCODING=QUOTED-PRINTABLE:Weg 1=0D=0AOrt mit Leerzeichen', 'TEL:1', 'END:VCARD']);
  });

  it('does not join END:VCARD to a quoted-printable value that ends in "="', () => {
    expect(unfold(['NOTE;ENCODING=QUOTED-PRINTABLE:kaputt=', 'END:VCARD']).map((l) => l.text)).toEqual(['NOTE;ENCODING=QUOTED-PRINTABLE:kaputt', 'END:VCARD']);
  });

  it('counts and drops base64 data: folded, and 2.1-style unindented lines ended by a blank line', () => {
    const lines = unfold(['BEGIN:VCARD', 'VERSION:2.1', 'PHOTO;TYPE=JPEG;ENCODING=BASE64:', ' /9j/4AAQ', ' SkZJRg==', '', 'LOGO;BASE64:AAAA', 'BBBBCCCC', 'DDDD', '', 'FN:x', 'END:VCARD']);
    expect(lines.map((l) => [l.line, l.text, l.binaryChars])).toEqual([
      [1, 'BEGIN:VCARD', undefined],
      [2, 'VERSION:2.1', undefined],
      [3, 'PHOTO;TYPE=JPEG;ENCODING=BASE64:', 16],
      [7, 'LOGO;BASE64:', 16],
      [11, 'FN:x', undefined],
      [12, 'END:VCARD', undefined],
    ]);
  });

  it('cuts a property beyond the limit and says so', () => {
    const long = 'x'.repeat(MAX_PROPERTY_CHARS);
    const [note] = unfold(['NOTE:start', ` ${long}`]);
    expect(note?.truncated).toBe(true);
    expect(note?.text.length).toBe(MAX_PROPERTY_CHARS);
  });

  it('drops blank lines and handles LF and CR-only endings the same way', () => {
    const unfolder = new VCardUnfolder();
    const out = [...unfolder.push('FN:a\n', 1), ...unfolder.push('\n', 2), ...unfolder.push('EMAIL:b\r', 3), ...unfolder.end()];
    expect(out.map((l) => [l.line, l.text])).toEqual([
      [1, 'FN:a'],
      [3, 'EMAIL:b'],
    ]);
  });
});
