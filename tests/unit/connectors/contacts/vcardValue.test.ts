import { describe, expect, it } from 'vitest';
import { revisionDate } from '../../../../src/core/connectors/contacts/vcardCardScanner.js';
import { contactTitle } from '../../../../src/core/connectors/contacts/contactTitle.js';
import { parseProperty } from '../../../../src/core/connectors/contacts/vcardProperty.js';
import {
  byteTransport,
  decodeQuotedPrintable,
  decodeValue,
  structuredComponents,
  telephoneNumber,
  textTransport,
  unescapeText,
} from '../../../../src/core/connectors/contacts/vcardValue.js';

const property = (line: string) => {
  const p = parseProperty(line);
  if (!p) throw new Error(`not a property: ${line}`);
  return p;
};

describe('decodeValue', () => {
  it('decodes quoted-printable with the CHARSET parameter, else with the file encoding', () => {
    expect(decodeValue(property('N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Wei=DF;J=FCrgen'), byteTransport('utf-8'))).toBe('Weiß;Jürgen');
    expect(decodeValue(property('NOTE;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen=0D=0AWei=C3=9F'), byteTransport('utf-8'))).toBe('Jürgen\r\nWeiß');
    expect(decodeValue(property('NOTE;ENCODING=QUOTED-PRINTABLE:J=FCrgen'), byteTransport('windows-1252'))).toBe('Jürgen');
  });

  it('decodes raw bytes with CHARSET or the file encoding (the byte transport maps each byte to one character)', () => {
    const cp1252 = Buffer.from('FN:Jürgen Weiß', 'latin1').toString('latin1');
    expect(decodeValue(property(cp1252), byteTransport('windows-1252'))).toBe('Jürgen Weiß');
    const utf8 = Buffer.from('FN;CHARSET=UTF-8:Jürgen', 'utf8').toString('latin1');
    expect(decodeValue(property(utf8), byteTransport('windows-1252'))).toBe('Jürgen');
  });

  it('takes text transport values as they are', () => {
    expect(decodeValue(property('FN;CHARSET=ISO-8859-1:Jürgen'), textTransport())).toBe('Jürgen');
  });

  it('reads an unknown charset as UTF-8', () => {
    expect(decodeValue(property('FN;CHARSET=x-klingon:J=C3=BCrgen'.replace('FN;', 'FN;ENCODING=QUOTED-PRINTABLE;')), byteTransport('utf-8'))).toBe('Jürgen');
  });
});

describe('decodeQuotedPrintable', () => {
  it('decodes =XX and keeps a stray "="', () => {
    expect(decodeQuotedPrintable(Buffer.from('a=3Db=ZZc=')).toString('latin1')).toBe('a=b=ZZc=');
  });
});

describe('unescapeText and structuredComponents', () => {
  it('undoes backslash escapes', () => {
    expect(unescapeText('a\\, b\\; c\\n d\\\\e http\\://x \\"q\\"')).toBe('a, b; c\n d\\e http://x "q"');
  });

  it('splits at unescaped semicolons only', () => {
    expect(structuredComponents('Doe;John;Richter\\, James;Mr.;Sr.')).toEqual(['Doe', 'John', 'Richter, James', 'Mr.', 'Sr.']);
    expect(structuredComponents(';;Weg 1\\;2;Ort;;;')).toEqual(['', '', 'Weg 1;2', 'Ort', '', '', '']);
  });
});

describe('telephoneNumber', () => {
  it('turns a tel: URI into a number the phone parser reads', () => {
    expect(telephoneNumber('tel:+1-418-656-9254;ext=102')).toBe('+1-418-656-9254 ext. 102');
    expect(telephoneNumber('tel:+49-7022-7896848')).toBe('+49-7022-7896848');
    expect(telephoneNumber(' 0711 123456 ')).toBe('0711 123456');
  });
});

describe('revisionDate and contactTitle', () => {
  it('reads REV in basic and extended form', () => {
    expect(revisionDate('20120305T131933Z')).toBe('2012-03-05T13:19:33Z');
    expect(revisionDate('2012-03-05T13:19:33+0100')).toBe('2012-03-05T13:19:33+01:00');
    expect(revisionDate('20120305')).toBe('2012-03-05');
    expect(revisionDate('neulich')).toBeNull();
  });

  it('titles a contact by file, line and name, shortened', () => {
    expect(contactTitle('k.vcf', 12, 'Jürgen  Weiß')).toBe('k.vcf, Zeile 12: Jürgen Weiß');
    expect(contactTitle('k.vcf', 12, '')).toBe('k.vcf, Zeile 12');
    expect(contactTitle('k.vcf', 1, 'x'.repeat(100))).toHaveLength('k.vcf, Zeile 1: '.length + 60);
  });
});
