import { describe, expect, it } from 'vitest';
import { isBinaryProperty, parseProperty } from '../../../../src/core/connectors/contacts/vcardProperty.js';

describe('parseProperty', () => {
  it('splits group, name, TYPE parameters and value', () => {
    expect(parseProperty('item1.EMAIL;TYPE=INTERNET;type=pref:john@x.de')).toEqual({
      group: 'item1',
      name: 'EMAIL',
      types: ['INTERNET', 'pref'],
      encoding: '',
      charset: undefined,
      valueType: undefined,
      value: 'john@x.de',
    });
  });

  it('reads vCard 2.1 bare parameters as types or encodings', () => {
    expect(parseProperty('TEL;WORK;VOICE:(905) 555-1234')).toMatchObject({ name: 'TEL', types: ['WORK', 'VOICE'], encoding: '' });
    expect(parseProperty('NOTE;QUOTED-PRINTABLE;CHARSET=ISO-8859-1:J=FCrgen')).toMatchObject({ encoding: 'QUOTED-PRINTABLE', charset: 'ISO-8859-1', value: 'J=FCrgen' });
    expect(parseProperty('PHOTO;JPEG;BASE64:/9j/')).toMatchObject({ types: ['JPEG'], encoding: 'BASE64' });
  });

  it('reads quoted parameter lists, and colons inside quotes do not end the header', () => {
    expect(parseProperty('TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+1-418-656-9254;ext=102')).toMatchObject({
      types: ['work', 'voice'],
      valueType: 'uri',
      value: 'tel:+1-418-656-9254;ext=102',
    });
    expect(parseProperty('ADR;LABEL="Weg 1: Hinterhaus";TYPE=home:;;Weg 1;Ort;;;')).toMatchObject({ name: 'ADR', types: ['home'], value: ';;Weg 1;Ort;;;' });
  });

  it('gives null for a line that is not a property', () => {
    expect(parseProperty('kein Property')).toBeNull();
    expect(parseProperty('Exportiert am: heute')).toBeNull();
  });
});

describe('isBinaryProperty', () => {
  it('knows base64 in 2.1 and 3.0 and data: URIs in 4.0', () => {
    expect(isBinaryProperty({ encoding: 'BASE64', value: '' })).toBe(true);
    expect(isBinaryProperty({ encoding: 'B', value: '/9j/' })).toBe(true);
    expect(isBinaryProperty({ encoding: '', value: 'data:image/jpeg;base64,/9j/' })).toBe(true);
    expect(isBinaryProperty({ encoding: '', value: 'http://example.org/me.jpg' })).toBe(false);
    expect(isBinaryProperty({ encoding: 'QUOTED-PRINTABLE', value: 'J=FCrgen' })).toBe(false);
  });
});
