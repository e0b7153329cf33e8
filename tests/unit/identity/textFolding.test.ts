import { describe, expect, it } from 'vitest';
import { lowerCaseAligned } from '../../../src/core/identity/foldCase.js';
import { literalHint } from '../../../src/core/identity/literalHint.js';

describe('lowerCaseAligned', () => {
  it('lower-cases and keeps every index in place', () => {
    expect(lowerCaseAligned('J.Weiss@X.DE')).toBe('j.weiss@x.de');
    // "İ".toLowerCase() is two code units; it stays as it is so that later indexes still line up.
    const text = 'İstanbul K-10442';
    const lower = lowerCaseAligned(text);
    expect(lower).toHaveLength(text.length);
    expect(lower.indexOf('k-10442')).toBe(text.indexOf('K-10442'));
  });
});

describe('literalHint', () => {
  it('escapes regex syntax and ignores case, Unicode-aware', () => {
    const hint = literalHint(['a.b(c)+[d]?', 'weiß']);
    expect(hint?.test('A.B(C)+[D]?')).toBe(true);
    expect(hint?.test('axb(c)+[d]?')).toBe(false);
    expect(hint?.test('WEIẞ')).toBe(true);
  });

  it('is undefined without literals', () => {
    expect(literalHint([])).toBeUndefined();
    expect(literalHint([''])).toBeUndefined();
  });
});
