import { describe, expect, it } from 'vitest';
import { daysBetween, deadlineWarning, DUE_SOON_DAYS } from '../../../src/core/cases/deadlineStatus.js';

describe('deadline warnings', () => {
  it('counts whole days, across month ends and DST changes', () => {
    expect(daysBetween('2026-01-31', '2026-02-28')).toBe(28);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // DST starts on 29 March in Germany
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });

  it('warns when overdue or due soon, never for answered or closed cases', () => {
    expect(deadlineWarning(-1, false)).toBe('overdue');
    expect(deadlineWarning(0, false)).toBe('dueSoon');
    expect(deadlineWarning(DUE_SOON_DAYS, false)).toBe('dueSoon');
    expect(deadlineWarning(DUE_SOON_DAYS + 1, false)).toBeNull();
    expect(deadlineWarning(-30, true)).toBeNull();
  });
});
