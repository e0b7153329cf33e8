import { describe, expect, it } from 'vitest';
import { compileSubject } from '../../../src/core/identity/compileSubject.js';
import { nameTokenVariants, nameTokens, normalizeName } from '../../../src/core/identity/nameVariants.js';
import { subjectWith } from './subjectFixture.js';

describe('nameVariants', () => {
  it('normalizes: NFC, ä/ö/ü/ß transliteration, marks stripped, lower case', () => {
    expect(normalizeName('Jürgen Weiß')).toBe('juergen weiss');
    expect(normalizeName('JÜRGEN WEISS')).toBe('juergen weiss');
    expect(normalizeName('Ju\u0308rgen')).toBe('juergen');
    expect(normalizeName('José Ñúñez')).toBe('jose nunez');
    expect(normalizeName('WEIẞ')).toBe('weiss');
    expect(normalizeName('Søren Łukasz')).toBe('soeren lukasz');
  });

  it('derives the transliterated and the dots-dropped spelling of a token', () => {
    expect([...nameTokenVariants('Jürgen')].sort()).toEqual(['juergen', 'jurgen']);
    expect([...nameTokenVariants('Weiß')]).toEqual(['weiss']);
    expect([...nameTokenVariants('Juergen')]).toEqual(['juergen']);
  });

  it('splits a name into tokens, reordering "Last, First" and keeping hyphenated names whole', () => {
    expect(nameTokens('Weiß, Jürgen')).toEqual(['Jürgen', 'Weiß']);
    expect(nameTokens('  Anna  Maria Müller-Lüdenscheidt ')).toEqual(['Anna', 'Maria', 'Müller-Lüdenscheidt']);
    expect(nameTokens('Dr. 12')).toEqual(['Dr.']);
  });
});

describe('scanText: name', () => {
  const juergen = compileSubject(subjectWith({ name: 'Jürgen Weiß' }));
  const found = (text: string) => juergen.scanText(text, 'body').map((m) => m.found ?? m.value);

  it('is a weak match whose value is the subject\'s name', () => {
    expect(juergen.scanText('Mit freundlichen Grüßen\nJürgen Weiß', 'body')).toEqual([{ type: 'name', value: 'Jürgen Weiß', field: 'body' }]);
  });

  it.each(['Juergen Weiss', 'Jurgen Weiss', 'JÜRGEN WEISS', 'Weiß, Jürgen', 'Weiss, Juergen', 'WEISS JUERGEN', 'Ju\u0308rgen Wei\u00DF', 'JÜRGEN WEIẞ', 'Jürgen\u00A0Weiß'])(
    'matches %j',
    (written) => {
      expect(found(`Gesprächspartner: ${written}, Vertrieb`)).toEqual([written]);
    },
  );

  it.each([
    ['the surname alone', 'Herr Weiß hat angerufen'],
    ['the first name alone', 'Jürgen hat angerufen'],
    ['the words apart', 'Jürgen rief Herrn Weiß an'],
    ['a longer surname', 'Jürgen Weißmann'],
    ['a hyphenated surname', 'Jürgen Weiß-Meier'],
    ['a longer first name', 'Jürgenson Weiß'],
    ['first and last in an email address', 'juergen.weiss@example.de'],
    ['separated by a full stop', 'Jürgen. Weiß'],
  ])('does not match %s', (_, text) => {
    expect(juergen.scanText(text)).toEqual([]);
  });

  it('ignores case even where German case would tell a verb from a name: weak matches go to review', () => {
    expect(found('Jürgen weiß Bescheid')).toEqual(['Jürgen weiß']);
  });

  it('does not take "Anna Muellerova" or "Mueller-Lüdenscheidt" for "Anna Müller"', () => {
    const anna = compileSubject(subjectWith({ name: 'Anna Müller' }));
    expect(anna.scanText('Anna Muellerova <anna.muellerova@example.de>')).toEqual([]);
    expect(anna.scanText('Anna Mueller-Lüdenscheidt')).toEqual([]);
    expect(anna.scanText('Hallo Anna Mueller,')).toEqual([{ type: 'name', value: 'Anna Müller', found: 'Anna Mueller' }]);
  });

  it('matches a subject with a middle name with or without it', () => {
    const anna = compileSubject(subjectWith({ name: 'Anna Maria Müller' }));
    const annaFound = (text: string) => anna.scanText(text).map((m) => m.found ?? m.value);
    expect(annaFound('Anna Müller')).toEqual(['Anna Müller']);
    expect(annaFound('Anna Maria Müller')).toEqual(['Anna Maria Müller']);
    expect(annaFound('Anna M. Müller')).toEqual(['Anna M. Müller']);
    expect(annaFound('Müller, Anna')).toEqual(['Müller, Anna']);
    expect(annaFound('Maria Müller')).toEqual([]);
    expect(annaFound('Anna Petra Müller')).toEqual([]);
  });

  it('accepts a subject name written "Last, First"', () => {
    const query = compileSubject(subjectWith({ name: 'Weiß, Jürgen' }));
    expect(query.scanText('Juergen Weiss')).toEqual([{ type: 'name', value: 'Weiß, Jürgen', found: 'Juergen Weiss' }]);
  });

  it('keeps hyphenated names whole on the subject side too', () => {
    const query = compileSubject(subjectWith({ name: 'Hans-Peter Müller-Lüdenscheidt' }));
    expect(query.scanText('Hans-Peter Mueller-Luedenscheidt')).toHaveLength(1);
    expect(query.scanText('Hans Müller')).toEqual([]);
    expect(query.scanText('Peter Müller-Lüdenscheidt')).toEqual([]);
  });

  it('matches a one-word name as a whole token', () => {
    const query = compileSubject(subjectWith({ name: 'Nena' }));
    expect(query.scanText('Konzert von NENA heute')).toEqual([{ type: 'name', value: 'Nena', found: 'NENA' }]);
    expect(query.scanText('Nenad')).toEqual([]);
  });
});
