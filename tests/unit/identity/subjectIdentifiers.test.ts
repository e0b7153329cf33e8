import { describe, expect, it } from 'vitest';
import { InvalidIdentifierError } from '../../../src/core/identity/compileSubject.js';
import { identifierKey, normalizeSubject } from '../../../src/core/identity/subjectIdentifiers.js';

describe('normalizeSubject (case entry)', () => {
  it('shows every identifier in its normal form and merges those that are the same once normalised', () => {
    const { subject, identifiers, merged } = normalizeSubject({
      name: 'Jürgen Weiß',
      emails: ['J.Weiss@Beispiel-GmbH.de', ' j.weiss@beispiel-gmbh.de', 'jw@example.org'],
      phones: ['0711 12345678', '+49 711 1234 5678', '07022 7896848-0'],
      customerIds: [' K-10442 ', 'K-10442'],
      ips: ['2001:0db8:0000:0000:0000:0000:0000:0007', '2001:db8::7', '203.0.113.77'],
      otherIds: [{ label: 'TeamViewer-ID', value: ' 123 456 789 ' }],
    });
    expect(identifiers.map((i) => [i.type, i.value])).toEqual([
      ['name', 'Jürgen Weiß'],
      ['email', 'j.weiss@beispiel-gmbh.de'],
      ['email', 'jw@example.org'],
      ['phone', '+4971112345678'],
      ['phone', '+49702278968480'],
      ['customerId', 'K-10442'],
      ['ip', '2001:db8::7'],
      ['ip', '203.0.113.77'],
      ['otherId', '123 456 789'],
    ]);
    expect(merged.map((m) => [m.value, m.written])).toEqual([
      ['j.weiss@beispiel-gmbh.de', ['J.Weiss@Beispiel-GmbH.de', ' j.weiss@beispiel-gmbh.de']],
      ['+4971112345678', ['0711 12345678', '+49 711 1234 5678']],
      ['K-10442', [' K-10442 ', 'K-10442']],
      ['2001:db8::7', ['2001:0db8:0000:0000:0000:0000:0000:0007', '2001:db8::7']],
    ]);
    // Stored: normal forms, except phones, whose "-0" (switchboard) E.164 would drop.
    expect(subject).toEqual({
      name: 'Jürgen Weiß',
      emails: ['j.weiss@beispiel-gmbh.de', 'jw@example.org'],
      phones: ['0711 12345678', '07022 7896848-0'],
      customerIds: ['K-10442'],
      ips: ['2001:db8::7', '203.0.113.77'],
      otherIds: [{ label: 'TeamViewer-ID', value: '123 456 789' }],
    });
  });

  it('names the identifier that cannot be searched for', () => {
    expect(() => normalizeSubject({ emails: ['max@firma'], phones: [], customerIds: [], ips: [], otherIds: [] })).toThrow(InvalidIdentifierError);
  });

  it('keys a hashed phone match to the phone it came from', () => {
    expect(identifierKey('phoneHash', '+4971112345678')).toBe(identifierKey('phone', '+4971112345678'));
  });
});
