import { describe, expect, it } from 'vitest';
import { InvalidIdentifierError, compileSubject, strengthOf } from '../../../src/core/identity/compileSubject.js';
import { SubjectSchema } from '../../../src/shared/subject.js';
import { subjectWith } from './subjectFixture.js';

function rejection(subject: Parameters<typeof compileSubject>[0]): InvalidIdentifierError {
  try {
    compileSubject(subject);
  } catch (err) {
    if (err instanceof InvalidIdentifierError) return err;
    throw err;
  }
  throw new Error('compileSubject accepted the subject');
}

/** The subject of docs/ARCHITECTURE.md "Subject": one identifier of every type. */
const ARCHITECTURE_EXAMPLE = {
  name: 'Jürgen Weiß',
  emails: ['j.weiss@beispiel-gmbh.de'],
  phones: ['0711 12345678'],
  customerIds: ['K-10442'],
  ips: ['203.0.113.77', '2001:db8::7'],
  otherIds: [{ label: 'TeamViewer-ID', value: '123 456 789' }],
};

describe('compileSubject: invalid identifiers', () => {
  it.each([
    [{ phones: ['0711 12345678', '7654321'] }, 'phones[1]', /no area code/],
    [{ phones: ['anonymous'] }, 'phones[0]', /not a phone number/],
    [{ phones: ['0711'] }, 'phones[0]', /not a valid phone number/],
    [{ emails: ['j.weiss@x.de', 'j.weiss'] }, 'emails[1]', /not an email address/],
    [{ ips: ['198.51.100.300'] }, 'ips[0]', /not an IPv4 or IPv6 address/],
    [{ customerIds: ['42'] }, 'customerIds[0]', /too short/],
    [{ customerIds: ['---'] }, 'customerIds[0]', /too short/],
    [{ otherIds: [{ label: 'PIN', value: '12' }] }, 'otherIds[0].value', /too short/],
    [{ name: '1234' }, 'name', /letters/],
  ])('%j is rejected at %s', (fields, field, reason) => {
    const err = rejection(subjectWith(fields));
    expect(err.name).toBe('InvalidIdentifierError');
    expect(err.field).toBe(field);
    expect(err.reason).toMatch(reason);
    expect(err.message).toBe(`${field}: ${err.reason}`);
    expect(err.message).not.toContain('\n');
  });

  it('accepts every identifier type of the docs/ARCHITECTURE.md example', () => {
    expect(() => compileSubject(SubjectSchema.parse(ARCHITECTURE_EXAMPLE))).not.toThrow();
  });
});

describe('compileSubject: scanText', () => {
  const query = compileSubject(SubjectSchema.parse(ARCHITECTURE_EXAMPLE));

  it('finds every identifier in one text, each once, with the field copied in', () => {
    const text = [
      'Von: "Weiß, Jürgen" <J.Weiss@beispiel-gmbh.de>',
      'Tel. 0711 / 123 456 78, Kundennr. K-10442, TeamViewer 123-456-789',
      'Login von 203.0.113.77 und 2001:0db8::0007; nochmals j.weiss@beispiel-gmbh.de und 0711 12345678',
    ].join('\n');
    expect(query.scanText(text, 'body')).toEqual([
      { type: 'email', value: 'j.weiss@beispiel-gmbh.de', field: 'body', found: 'J.Weiss@beispiel-gmbh.de' },
      { type: 'phone', value: '+4971112345678', field: 'body', found: '0711 / 123 456 78' },
      { type: 'otherId', value: '123 456 789', field: 'body', found: '123-456-789' },
      { type: 'customerId', value: 'K-10442', field: 'body' },
      { type: 'ip', value: '203.0.113.77', field: 'body' },
      { type: 'ip', value: '2001:db8::7', field: 'body', found: '2001:0db8::0007' },
      { type: 'name', value: 'Jürgen Weiß', field: 'body', found: 'Weiß, Jürgen' },
    ]);
  });

  it('omits field when none is given, and finds nothing in empty or unrelated text', () => {
    expect(query.scanText('K-10442')).toEqual([{ type: 'customerId', value: 'K-10442' }]);
    expect(query.scanText('')).toEqual([]);
    expect(query.scanText('Sehr geehrte Damen und Herren, am 03.03.2025 um 09:00:00 kostet es 12,50 EUR.')).toEqual([]);
  });

  it('behaves as its doc example says', () => {
    const example = compileSubject(subjectWith({ name: 'Jürgen Weiß', emails: ['j.weiss@x.de'], phones: ['07022 7896848-0'] }));
    expect(example.scanText('Anruf von 07022 / 7896848, Weiss, Juergen', 'body')).toEqual([
      { type: 'phone', value: '+4970227896848', field: 'body', found: '07022 / 7896848' },
      { type: 'name', value: 'Jürgen Weiß', field: 'body', found: 'Weiss, Juergen' },
    ]);
  });

  it('matches the contract example: phone in a decoded body, another person, another IP', () => {
    const anna = compileSubject(SubjectSchema.parse({ name: 'Anna Müller', emails: ['anna.mueller@example.de'], phones: ['+49 7022 7896848-0'], ips: ['198.51.100.23'] }));
    expect(anna.scanText('Sie erreichen mich unter 07022 / 7896848-0.').map((m) => m.type)).toEqual(['phone']);
    expect(anna.scanText('Von: Anna Muellerova <anna.muellerova@example.de>')).toEqual([]);
    expect(anna.scanText('198.51.100.24 - - [03/Mar/2025:09:00:01 +0100] "GET / HTTP/1.1" 200 512')).toEqual([]);
    expect(strengthOf(anna.scanText('Viele Grüße, Anna Mueller'))).toBe('weak');
    expect(strengthOf(anna.scanText('K-1;Anna;Müller;07022 7896848-0;anna.mueller@example.de'))).toBe('strong');
  });
});

describe('strengthOf', () => {
  it('is weak iff only name matches', () => {
    expect(strengthOf([{ type: 'name', value: 'Anna Müller' }])).toBe('weak');
    expect(strengthOf([{ type: 'name', value: 'Anna Müller' }, { type: 'name', value: 'Anna Müller', field: 'From' }])).toBe('weak');
    expect(strengthOf([{ type: 'name', value: 'Anna Müller' }, { type: 'ip', value: '198.51.100.23' }])).toBe('strong');
    for (const type of ['email', 'phone', 'phoneHash', 'customerId', 'ip', 'otherId'] as const) {
      expect(strengthOf([{ type, value: 'x' }]), type).toBe('strong');
    }
  });

  it('is weak for no matches: nothing ties the record to the subject', () => {
    expect(strengthOf([])).toBe('weak');
  });
});

describe('searchTerms', () => {
  it('lists the literal identifiers a server-side search can use, and no phone forms', () => {
    const query = compileSubject(
      SubjectSchema.parse({
        name: 'Jürgen Weiß',
        emails: ['J.Weiss@beispiel-gmbh.de'],
        phones: ['0711 12345678'],
        customerIds: ['K-10442'],
        ips: ['203.0.113.77', '2001:db8::7'],
        otherIds: [{ label: 'TeamViewer-ID', value: '123 456 789' }, { label: 'Ticket', value: 'INC-0042' }],
      }),
    );
    expect(query.searchTerms).toEqual([
      'j.weiss@beispiel-gmbh.de',
      'K-10442',
      'INC-0042',
      '123 456 789',
      '123456789',
      '203.0.113.77',
      '2001:db8::7',
      '2001:0db8:0000:0000:0000:0000:0000:0007',
      'weiss',
      'weiß',
    ]);
    expect(Object.isFrozen(query.searchTerms)).toBe(true);
  });

  it('is empty for a subject with phones only: they need a full scan', () => {
    expect(compileSubject(subjectWith({ phones: ['0711 12345678'] })).searchTerms).toEqual([]);
  });
});
