import { describe, expect, it } from 'vitest';
import { compileSubject } from '../../../src/core/identity/compileSubject.js';
import { normalizeEmail } from '../../../src/core/identity/normalizeEmail.js';
import { subjectWith } from './subjectFixture.js';

const query = compileSubject(subjectWith({ emails: ['J.Weiss@X.de'] }));
const hit = (text: string) => query.scanText(text, 'body');

describe('normalizeEmail', () => {
  it('lower-cases the whole address and strips mailto: and angle brackets', () => {
    expect(normalizeEmail('  J.Weiss@Beispiel-GmbH.de ')).toBe('j.weiss@beispiel-gmbh.de');
    expect(normalizeEmail('mailto:j.weiss@x.de')).toBe('j.weiss@x.de');
    expect(normalizeEmail('<j.weiss@x.de>')).toBe('j.weiss@x.de');
    expect(normalizeEmail('jürgen@bücher.de')).toBe('jürgen@bücher.de');
  });

  it('rejects what is not one address', () => {
    for (const bad of ['j.weiss', 'j.weiss@', '@x.de', 'j.weiss@x', 'j..weiss@x.de', '.j@x.de', 'a b@x.de', 'a@x.de, b@y.de', 'a@@x.de']) {
      expect(normalizeEmail(bad), bad).toBeNull();
    }
  });
});

describe('scanText: email', () => {
  it('matches the whole address, ignoring case, and reports the spelling found', () => {
    expect(hit('Von: Jürgen <J.WEISS@X.DE>')).toEqual([{ type: 'email', value: 'j.weiss@x.de', field: 'body', found: 'J.WEISS@X.DE' }]);
    expect(hit('schreiben Sie an j.weiss@x.de bitte')).toEqual([{ type: 'email', value: 'j.weiss@x.de', field: 'body' }]);
  });

  it.each([
    ['angle brackets', '<j.weiss@x.de>'],
    ['mailto with query', '<a href="mailto:j.weiss@x.de?subject=Auskunft">'],
    ['parenthesis at sentence end', 'Kontakt (j.weiss@x.de).'],
    ['sentence end', 'Schreiben Sie an j.weiss@x.de.'],
    ['URL-encoded in a query string', 'GET /newsletter?email=j.weiss%40x.de&list=1 HTTP/1.1'],
    ['URL-encoded, lower-case escape', 'email=j.weiss%40X.DE'],
    ['quoted in a log', "user='j.weiss@x.de'"],
    ['path segment', '/users/j.weiss@x.de/profile'],
    ['line start and end', 'j.weiss@x.de'],
    ['encoded angle brackets', 'to=%3Cj.weiss%40x.de%3E'],
  ])('matches: %s', (_, text) => {
    expect(hit(text).map((m) => m.value)).toEqual(['j.weiss@x.de']);
  });

  it.each([
    ['longer local part', 'xj.weiss@x.de'],
    ['dotted prefix', 'max.j.weiss@x.de'],
    ['subaddress-like prefix', 'a+j.weiss@x.de'],
    ['longer domain', 'j.weiss@x.de.evil.org'],
    ['hyphenated domain', 'j.weiss@x.de-evil.org'],
    ['same local part, other domain', 'j.weiss@y.de'],
    ['subdomain of another host', 'j.weiss@mail.x.de'],
    ['domain continues after encoded dot', 'j.weiss%40x.de%2Eevil.org'],
    ['encoded letter before', 'x%41j.weiss%40x.de'],
  ])('does not match: %s', (_, text) => {
    expect(hit(text)).toEqual([]);
  });

  it('reports an address once per field, however often it occurs', () => {
    expect(hit('j.weiss@x.de, J.Weiss@x.de, j.weiss%40x.de')).toHaveLength(1);
  });
});
