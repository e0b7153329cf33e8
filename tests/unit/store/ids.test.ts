import { describe, expect, it } from 'vitest';
import { CaseStoreError } from '../../../src/core/store/errors.js';
import { caseSequence, formatCaseId, isCaseId, newRunId, parseCaseId, parseRunId } from '../../../src/core/store/ids.js';

describe('case ids', () => {
  it('formats year, zero-padded number and an unambiguous random suffix', () => {
    expect(formatCaseId(2026, 1, () => 0)).toBe('AUS-2026-0001-0000');
    expect(formatCaseId(2026, 12345, (max) => max - 1)).toBe('AUS-2026-12345-ZZZZ');
    const id = formatCaseId(2026, 7);
    expect(isCaseId(id)).toBe(true);
    expect(id.slice(-4)).not.toMatch(/[ILOU]/);
  });

  it('reads the number back', () => {
    expect(caseSequence('AUS-2026-0042-K7QF')).toBe(42);
    expect(caseSequence('something else')).toBeUndefined();
  });

  it('accepts a reference as typed, and rejects what is not one', () => {
    expect(parseCaseId(' aus-2026-0001-k7qf ')).toBe('AUS-2026-0001-K7QF');
    expect(() => parseCaseId('AUS-2026-0001')).toThrow(CaseStoreError);
    expect(() => parseCaseId('AUS-2026-0001-K7QO')).toThrow(/not a case reference/); // O is not in the alphabet
  });

  it('rejects impossible years and numbers', () => {
    expect(() => formatCaseId(26, 1)).toThrow(CaseStoreError);
    expect(() => formatCaseId(2026, 0)).toThrow(CaseStoreError);
  });
});

describe('run ids', () => {
  it('are UUIDs and parse back', () => {
    const id = newRunId();
    expect(parseRunId(id)).toBe(id);
    expect(() => parseRunId('1; DROP TABLE findings')).toThrow(CaseStoreError);
  });
});
