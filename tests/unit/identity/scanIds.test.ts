import { describe, expect, it } from 'vitest';
import { compileSubject } from '../../../src/core/identity/compileSubject.js';
import { subjectWith } from './subjectFixture.js';

describe('scanText: customerIds', () => {
  const query = compileSubject(subjectWith({ customerIds: ['K-10442', '40711'] }));
  const values = (text: string) => query.scanText(text).map((m) => m.value);

  it('matches a whole token, ignoring case, and reports a different spelling', () => {
    expect(query.scanText('Ihre Kundennummer: k-10442', 'Betreff')).toEqual([{ type: 'customerId', value: 'K-10442', field: 'Betreff', found: 'k-10442' }]);
  });

  it.each([
    ['sentence end', 'Kunde K-10442.'],
    ['parentheses', 'Kunde (K-10442)'],
    ['comma list', 'K-10442, K-10443'],
    ['query string', '/orders?kunde=K-10442&page=2'],
    ['URL path', '/customers/K-10442/orders'],
    ['slash year', 'Vorgang K-10442/2025'],
    ['CSV cell', '"K-10442";"Anna"'],
    ['line start', 'K-10442'],
  ])('matches: %s', (_, text) => {
    expect(values(text)).toEqual(['K-10442']);
  });

  it.each([
    ['longer number', 'K-104421'],
    ['letter before', 'AK-10442'],
    ['joined prefix', 'A-K-10442'],
    // Decision: a hyphen or dot followed by more characters continues the id: "K-10442-1" is a
    // sub-account or order of the customer, another record's key, not the customer number.
    ['hyphenated suffix', 'K-10442-1'],
    ['dotted suffix', 'K-10442.1'],
    ['underscore suffix', 'K-10442_alt'],
    ['letter after', 'K-10442b'],
    ['non-ASCII letter before', 'ÄK-10442'],
  ])('does not match: %s', (_, text) => {
    expect(values(text)).toEqual([]);
  });

  it('matches a digit-only customer id only where it stands alone', () => {
    expect(values('Kd-Nr. 40711 vom')).toEqual(['40711']);
    expect(values('PLZ 407110')).toEqual([]);
    expect(values('Order 2025-40711')).toEqual([]);
    expect(values('Tel. 0711 40711')).toEqual(['40711']);
  });
});

describe('scanText: otherIds', () => {
  const query = compileSubject(
    subjectWith({ otherIds: [{ label: 'TeamViewer-ID', value: '123 456 789' }, { label: 'Ticket', value: 'INC-0042' }, { label: 'PIN', value: '4711' }] }),
  );
  const values = (text: string) => query.scanText(text).map((m) => m.value);

  it.each(['123 456 789', '123456789', '123-456-789', '123.456.789', '123\u00A0456\u00A0789', '12 34 56 789', 'ID: 123 456 789.', '(123456789)'])(
    'matches the digit-only id written %j',
    (text) => {
      expect(values(`TeamViewer ${text} Passwort folgt`)).toEqual(['123 456 789']);
    },
  );

  it('reports the spelling found', () => {
    expect(query.scanText('ID 123-456-789', 'body')).toEqual([{ type: 'otherId', value: '123 456 789', field: 'body', found: '123-456-789' }]);
  });

  it.each(['1234567890', '0123456789', '123 456 7890', '123-456-789-0', 'ID123456789', '1123 456 789', '123 456 78'])('does not match inside %j', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('treats whitespace as a token boundary next to the id', () => {
    expect(values('IDs 123 456 789 987 654 321')).toEqual(['123 456 789']);
  });

  it('matches ids with letters, and short digit ids, as literal whole tokens', () => {
    expect(values('Ticket inc-0042 offen')).toEqual(['INC-0042']);
    expect(values('Ticket INC-00421 offen')).toEqual([]);
    expect(values('PIN 4711.')).toEqual(['4711']);
    expect(values('PIN 47 11')).toEqual([]);
  });
});
