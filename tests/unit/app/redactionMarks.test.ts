import { describe, expect, it } from 'vitest';
import { redactionMarks } from '../../../src/core/app/review/redactionMarks.js';
import { compileRedactions } from '../../../src/core/review/redactText.js';

const redaction = (id: number, text: string) => ({ id, findingId: 'f', text, reason: 'Art. 15(4)', createdAt: '2026-01-01T00:00:00.000Z' });

describe('redactionMarks', () => {
  it('marks every occurrence, ignoring case and line breaks, like the export removes them', () => {
    const record = { kind: 'mail' as const, from: 'Max Agent <max.agent@fluxpunkt.example>', text: 'Gruß an max\n  agent und MAX AGENT' };
    const marks = redactionMarks(record, [redaction(7, 'Max Agent')]);
    expect(marks.map((m) => [m.field, m.start, m.end, m.redactionId])).toEqual([
      ['from', 0, 9, '7'],
      ['text', 8, 19, '7'],
      ['text', 24, 33, '7'],
    ]);
    // What is marked is exactly what core/review removes from the copy.
    const removed = compileRedactions([{ text: 'Max Agent' }], '');
    expect(removed.apply(record.text)).toBe('Gruß an  und ');
  });

  it('treats regex characters literally', () => {
    expect(redactionMarks({ kind: 'logline', text: 'GET /a.b?c=(1) HTTP/1.1' }, [redaction(1, '(1)')])).toEqual([{ field: 'text', start: 11, end: 14, redactionId: '1' }]);
  });
});
