import { describe, expect, it } from 'vitest';
import { compileSubject } from '../../../src/core/identity/compileSubject.js';
import { parsePhone } from '../../../src/core/identity/normalizePhone.js';
import { SubjectSchema } from '../../../src/shared/subject.js';

// Mail is hostile input (docs/STYLE.md §8). Each text below is a shape that makes a careless regex or
// scan quadratic or worse; linear code handles ~250 kB of it in milliseconds, a quadratic one
// needs minutes. The bound is loose so that a busy CI machine does not fail it.
const BOUND_MS = 5_000;
const SIZE = 250_000;

const query = compileSubject(
  SubjectSchema.parse({
    name: 'Jürgen Weiß',
    emails: ['j.weiss@x.de'],
    phones: ['0176 12345678'],
    customerIds: ['K-10442'],
    ips: ['198.51.100.2', '2001:db8::7'],
    otherIds: [{ label: 'TeamViewer-ID', value: '123 456 789' }],
  }),
);

function fill(unit: string): string {
  return unit.repeat(Math.ceil(SIZE / unit.length));
}

describe('scanText on hostile input', () => {
  it.each([
    ['digits', fill('0')],
    ['spaced digits holding the number', fill('0 1 7 6 1 2 3 4 5 6 7 8 ')],
    ['a list of near-miss numbers', fill('0176 12345678-1 ')],
    ['separators', fill('1 - - - - 2 ')],
    ['whitespace', fill(' \t\u00A0')],
    ['colons', fill('ab:')],
    ['IPv6-like', fill('2001:db8::7:')],
    ['dotted numbers', fill('198.51.100.2.')],
    ['glued surnames', fill('weiß')],
    ['surnames without first name', fill('Weiß Weiß Müller, ')],
    ['glued addresses', fill('j.weiss@x.dej.weiss@x.de')],
    ['plus and parentheses', fill('+((((')],
    ['percent escapes', fill('%40%2B%3C')],
  ])('stays linear on %s', (_, text) => {
    const started = performance.now();
    query.scanText(text, 'body');
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
  });

  it('still finds identifiers after a large unrelated prefix', () => {
    const text = `${fill('Lorem ipsum 12.03.2025 dolor 47,11 EUR ')}\nTel. 0176 12345678, j.weiss@x.de`;
    expect(query.scanText(text).map((m) => m.type)).toEqual(['email', 'phone']);
  });

  it('refuses to parse an overlong phone value instead of scanning it with suffix regexes', () => {
    expect(parsePhone(fill(' '))).toEqual({ ok: false, reason: 'too long for a phone number' });
    expect(parsePhone(`0176 12345678${' '.repeat(100)}x`)).toEqual({ ok: false, reason: 'too long for a phone number' });
  });
});
