import { describe, expect, it } from 'vitest';
import { numberRanges } from '../../../src/core/export/letterPdf.js';

describe('numberRanges', () => {
  it('collapses runs', () => {
    expect(numberRanges([1, 2, 3, 5, 7, 8, 10])).toBe('1–3, 5, 7–8, 10');
    expect(numberRanges([4])).toBe('4');
  });
});
