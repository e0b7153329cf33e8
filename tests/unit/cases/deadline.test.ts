import { describe, expect, it } from 'vitest';
import { addMonths, responseDeadline } from '../../../src/core/cases/deadline.js';

describe('responseDeadline (Art. 12(3), months counted per Regulation 1182/71)', () => {
  it('ends on the same day of the next month', () => {
    expect(responseDeadline('2026-01-05').due).toBe('2026-02-05');
    expect(responseDeadline('2026-12-15').due).toBe('2027-01-15');
  });

  it('ends on the last day of a shorter month: 31 January → 28 February, or 29 February in a leap year', () => {
    expect(responseDeadline('2026-01-31').due).toBe('2026-02-28');
    expect(responseDeadline('2025-01-31').due).toBe('2025-02-28');
    expect(responseDeadline('2024-01-31').due).toBe('2024-02-29');
    expect(responseDeadline('2028-01-30').due).toBe('2028-02-29');
    expect(responseDeadline('2100-01-31').due).toBe('2100-02-28'); // not a leap year (divisible by 100)
    expect(responseDeadline('2000-01-31').due).toBe('2000-02-29'); // a leap year (divisible by 400)
    expect(responseDeadline('2026-03-31').due).toBe('2026-04-30');
  });

  it('adds the two-month extension to the end of the first month, with its reasons', () => {
    const d = responseDeadline('2026-01-31', { reason: 'Viele Systeme' });
    expect(d).toEqual({ receivedOn: '2026-01-31', due: '2026-02-28', extendedDue: '2026-04-28', extensionReason: 'Viele Systeme', extensionReasonCodes: [], effective: '2026-04-28' });
    expect(responseDeadline('2024-01-31', { reason: 'x' }).extendedDue).toBe('2024-04-29');
    expect(responseDeadline('2026-11-30', { reason: 'x' }).extendedDue).toBe('2027-02-28');
    expect(responseDeadline('2026-01-31').effective).toBe('2026-02-28');
    expect(responseDeadline('2026-01-31').extendedDue).toBeNull();
  });

  it('never gives a later date than three months from receipt', () => {
    for (const day of ['2026-01-29', '2026-01-30', '2026-01-31', '2026-03-31', '2026-05-31', '2026-08-31', '2026-12-31']) {
      expect(responseDeadline(day, { reason: 'x' }).extendedDue! <= addMonths(day, 3)).toBe(true);
    }
  });

  it('rejects what is not a calendar date', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow(/not a calendar date/);
    expect(() => addMonths('31.01.2026', 1)).toThrow(/not a date/);
  });
});
