import { describe, expect, it } from 'vitest';
import { localize, localizedTextSchema } from '../../../src/core/register/localizedText.js';

describe('localize', () => {
  it('returns a plain string in every language', () => {
    expect(localize('TeamViewer-ID', 'de')).toBe('TeamViewer-ID');
    expect(localize('TeamViewer-ID', 'en')).toBe('TeamViewer-ID');
  });

  it('picks the language from a { de, en } text', () => {
    const text = { de: 'Kundenbestellung', en: 'Customer orders' };
    expect(localize(text, 'de')).toBe('Kundenbestellung');
    expect(localize(text, 'en')).toBe('Customer orders');
  });
});

describe('localizedTextSchema', () => {
  const messageOf = (input: unknown): string | undefined => localizedTextSchema.safeParse(input).error?.issues[0]?.message;

  it('accepts a string or both languages, trimmed', () => {
    expect(localizedTextSchema.parse('  7 Tage ')).toBe('7 Tage');
    expect(localizedTextSchema.parse({ de: '7 Tage', en: '7 days' })).toEqual({ de: '7 Tage', en: '7 days' });
  });

  it('rejects a text with one language only, so no letter falls back silently', () => {
    expect(messageOf({ de: '7 Tage' })).toBe('a localized text needs both "de" and "en" as non-empty texts');
  });

  it('rejects empty texts, other languages and non-texts', () => {
    expect(messageOf('  ')).toBe('must not be empty');
    expect(localizedTextSchema.safeParse({ de: '', en: 'x' }).error?.issues[0]).toMatchObject({ path: ['de'], message: 'must not be empty' });
    expect(localizedTextSchema.safeParse({ de: 'x', en: 'y', fr: 'z' }).error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['fr'] });
    expect(messageOf(7)).toBe('expected a text or { de: ..., en: ... }');
    expect(messageOf(undefined)).toBe('required');
  });
});
