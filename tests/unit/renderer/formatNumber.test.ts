import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/renderer/ui/format.js';

describe('formatNumber', () => {
  it('groups whole numbers exactly as Intl does for German and British English', () => {
    for (const n of [0, 7, 42, 999, 1000, 1234, 50_000, 123_456, 1_000_000, 98_765_432, -1, -1234, -50_000, Number.MAX_SAFE_INTEGER]) {
      expect(formatNumber(n, 'de'), String(n)).toBe(n.toLocaleString('de-DE'));
      expect(formatNumber(n, 'en'), String(n)).toBe(n.toLocaleString('en-GB'));
    }
  });

  it('leaves fractions to Intl', () => {
    expect(formatNumber(1234.5, 'de')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });
});
