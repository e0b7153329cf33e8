import { describe, expect, it } from 'vitest';
import { etaSeconds } from '../../../src/core/app/search/eta.js';

describe('etaSeconds', () => {
  it('is the time left by records when their total is known', () => {
    expect(etaSeconds(10_000, 100, 400)).toBe(30);
  });

  it('is the time left by the share read when records are not counted up front (an mbox)', () => {
    expect(etaSeconds(10_000, 12_500, undefined, 0.25)).toBe(30);
    expect(etaSeconds(10_000, 12_500, undefined, 1)).toBe(0);
  });

  it('is unknown with neither, or before half a second has passed', () => {
    expect(etaSeconds(10_000, 12_500, undefined)).toBeNull();
    expect(etaSeconds(10_000, 12_500, undefined, 0)).toBeNull();
    expect(etaSeconds(200, 10, 100)).toBeNull();
  });
});
