import { describe, expect, it } from 'vitest';
import { compileSubject } from '../../../src/core/identity/compileSubject.js';
import { subjectWith } from './subjectFixture.js';

const switchboard = compileSubject(subjectWith({ phones: ['07022 7896848-0'] }));
const mobile = compileSubject(subjectWith({ phones: ['+49 176 12345678'] }));
const values = (query: typeof mobile, text: string) => query.scanText(text).map((m) => m.value);

describe('scanText: phone', () => {
  it('matches a number in any formatting, reporting the subject E.164 and the text as written', () => {
    expect(mobile.scanText('Rückruf unter 0176 / 123 456 78 erbeten.', 'body')).toEqual([
      { type: 'phone', value: '+4917612345678', field: 'body', found: '0176 / 123 456 78' },
    ]);
    expect(mobile.scanText('Tel: +4917612345678', 'body')).toEqual([{ type: 'phone', value: '+4917612345678', field: 'body' }]);
  });

  it.each([
    '+49 176 12345678', '+49 (0)176 12345678', '0049 176 12345678', '00 49 176 1234 5678', '0176-12345678', '0176/12345678',
    '0176 1234 5678', '(0176) 12345678', '0176\u201312345678', '0176\u00A012345678', '\uFF10\uFF11\uFF17\uFF16\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18',
    'tel:+49-176-12345678', '+49.176.123.456.78',
  ])('finds %s', (written) => {
    expect(values(mobile, `Telefon: ${written}, danke`)).toEqual(['+4917612345678']);
  });

  it('finds the number next to dates, prices and other numbers on the same line', () => {
    expect(values(mobile, 'Anruf 03.03.2025 0176 12345678 03.03.2025')).toEqual(['+4917612345678']);
    expect(values(mobile, '0711 1234567 0176 12345678')).toEqual(['+4917612345678']);
    expect(values(mobile, 'Mobil 0176 12345678 / Fax 0711 1234567')).toEqual(['+4917612345678']);
  });

  it.each([
    ['one digit off', '0176 12345679'],
    ['one digit missing', '0176 1234567'],
    ['an extra digit', '0176 123456781'],
    ['an extra digit group (Durchwahl)', '0176 12345678-12'],
    ['digits glued to letters', 'Ref0176 12345678X'],
    ['inside a longer digit string', '4901761234567899'],
    ['the national number without trunk prefix', 'Kunde 17612345678'],
    ['another mobile prefix', '0177 12345678'],
  ])('does not match %s', (_, text) => {
    expect(values(mobile, text)).toEqual([]);
  });

  it('matches a subject written with "-0" in both forms, and a text "-0" against a plain subject', () => {
    expect(switchboard.scanText('Zentrale 07022 7896848-0')).toEqual([{ type: 'phone', value: '+49702278968480', found: '07022 7896848-0' }]);
    expect(switchboard.scanText('Tel. 07022 / 7896848')).toEqual([{ type: 'phone', value: '+4970227896848', found: '07022 / 7896848' }]);
    expect(values(switchboard, '+49 7022 7896848')).toEqual(['+4970227896848']);
    expect(values(switchboard, '+49 (0) 7022/7896848-0')).toEqual(['+49702278968480']);
    const plain = compileSubject(subjectWith({ phones: ['07022 7896848'] }));
    expect(values(plain, 'Zentrale: 07022 7896848-0')).toEqual(['+4970227896848']);
  });

  it('does not match other Durchwahl numbers of the subject\'s switchboard', () => {
    expect(values(switchboard, '07022 7896848-12')).toEqual([]);
    expect(values(switchboard, '07022 7896848-1')).toEqual([]);
    expect(values(switchboard, '07022 789684')).toEqual([]);
  });

  it('matches an extension on either side unless both name different extensions', () => {
    expect(mobile.scanText('+49 176 12345678 ext. 12')).toEqual([{ type: 'phone', value: '+4917612345678', found: '+49 176 12345678 ext. 12' }]);
    const withExt = compileSubject(subjectWith({ phones: ['+49 711 12345678 ext. 12'] }));
    expect(values(withExt, '0711 12345678')).toEqual(['+4971112345678']);
    expect(values(withExt, '0711 12345678 x12')).toEqual(['+4971112345678']);
    expect(values(withExt, '0711 12345678 ext. 13')).toEqual([]);
  });

  it('reads "Durchw." as part of the number', () => {
    const did = compileSubject(subjectWith({ phones: ['+49 30 123456-12'] }));
    expect(values(did, 'erreichbar unter +49 30 123456 Durchw. 12')).toEqual(['+493012345612']);
    expect(values(did, 'erreichbar unter +49 30 123456')).toEqual([]);
  });

  it('matches the E.164 digits without "+" (logs, call records) and a URL-encoded "+"', () => {
    expect(mobile.scanText('caller=4917612345678;')).toEqual([{ type: 'phone', value: '+4917612345678', found: '4917612345678' }]);
    expect(mobile.scanText('GET /call?to=%2B4917612345678 HTTP/1.1')).toEqual([{ type: 'phone', value: '+4917612345678', found: '%2B4917612345678' }]);
    expect(values(mobile, 'order 49176123456780')).toEqual([]);
  });

  it('does not match a number written without area code', () => {
    const local = compileSubject(subjectWith({ phones: ['030 7654321'] }));
    expect(values(local, 'Durchwahl 7654321')).toEqual([]);
    expect(values(local, 'Internet: 7654321')).toEqual([]);
    expect(values(local, 'Tel. 030 7654321')).toEqual(['+49307654321']);
  });

  it('reads national numbers in the subject\'s default region', () => {
    const swiss = compileSubject(subjectWith({ phones: ['044 668 18 00'] }), { defaultRegion: 'CH' });
    expect(values(swiss, 'Büro Zürich: 044 668 18 00')).toEqual(['+41446681800']);
    expect(values(swiss, 'aus DE: 0041 44 668 18 00')).toEqual(['+41446681800']);
  });
});

describe('matchPhoneField', () => {
  it('reads CDR-style numbers as international when the column is declared so', () => {
    expect(mobile.matchPhoneField('4917612345678', 'dst', { assumeInternationalWithoutPlus: true })).toEqual([
      { type: 'phone', value: '+4917612345678', field: 'dst', found: '4917612345678' },
    ]);
    // Without the option the value is not parsed as a number, but as text it still equals the
    // subject's E.164 digits exactly, which scanText accepts (see "matches the E.164 digits").
    expect(mobile.matchPhoneField('4917612345678', 'dst')).toEqual([
      { type: 'phone', value: '+4917612345678', field: 'dst', found: '4917612345678' },
    ]);
    // A CDR value that is some other number is never the subject's.
    expect(mobile.matchPhoneField('4917612345679', 'dst', { assumeInternationalWithoutPlus: true })).toEqual([]);
    expect(mobile.matchPhoneField('017612345678', 'src', { assumeInternationalWithoutPlus: true })).toEqual([
      { type: 'phone', value: '+4917612345678', field: 'src', found: '017612345678' },
    ]);
  });

  it('ignores placeholders and other people\'s numbers', () => {
    for (const value of ['anonymous', 'unbekannt', '', '0176 12345679', '70227896848']) {
      expect(switchboard.matchPhoneField(value, 'src', { assumeInternationalWithoutPlus: true }), value).toEqual([]);
    }
  });

  it('scans a value that is not a single number as text', () => {
    expect(mobile.matchPhoneField('Tel. 0711 1234567, mobil 0176 12345678', 'Telefon')).toEqual([
      { type: 'phone', value: '+4917612345678', field: 'Telefon', found: '0176 12345678' },
    ]);
  });
});
