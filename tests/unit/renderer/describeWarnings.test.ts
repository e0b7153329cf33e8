import { describe, expect, it } from 'vitest';
import { describeWarnings, MAX_PLACES } from '../../../src/renderer/screens/search/describeWarnings.js';

describe('describeWarnings', () => {
  it('makes "3 lines could not be read: lines 1201, 2402, 3603" one group', () => {
    const groups = describeWarnings([
      { locator: { line: 1201 }, message: 'line is not valid CSV', uncovered: true },
      { locator: { line: 2402 }, message: 'line is not valid CSV', uncovered: true },
      { locator: { line: 3603 }, message: 'line is not valid CSV', uncovered: true },
    ]);
    expect(groups).toEqual([{ message: 'line is not valid CSV', kind: 'line', uncovered: true, count: 3, places: ['1201', '2402', '3603'] }]);
  });

  it('keeps different messages and coverage apart, unread content first', () => {
    const groups = describeWarnings([
      { locator: { line: 5 }, message: 'truncated log line' },
      { locator: { path: 'mail/a.eml' }, message: 'cannot read file: EACCES', uncovered: true },
      { locator: { line: 9 }, message: 'truncated log line' },
    ]);
    expect(groups.map((g) => [g.kind, g.count, g.uncovered])).toEqual([
      ['file', 1, true],
      ['line', 2, false],
    ]);
  });

  it('names messages, rows, tickets and mbox offsets as the officer finds them again', () => {
    const groups = describeWarnings([
      { locator: { messageId: 'x@y', path: 'a.mbox', offset: 10 }, message: 'm' },
      { locator: { sheet: 'Kunden', row: 4 }, message: 'r' },
      { locator: { ticket: '4711' }, message: 't' },
      { locator: { path: 'archive.mbox', offset: 2048 }, message: 'p' },
      { locator: {}, message: 'o' },
      { locator: { table: 'public.customers' }, message: 'd' },
    ]);
    expect(groups.map((g) => `${g.kind}:${g.places.join(',')}`).sort()).toEqual(['file:archive.mbox @2048', 'message:x@y', 'other:', 'row:Kunden!4', 'table:public.customers', 'ticket:4711']);
  });

  it(`lists at most ${MAX_PLACES} places but counts them all`, () => {
    const groups = describeWarnings(Array.from({ length: 25 }, (_, i) => ({ locator: { line: i + 1 }, message: 'bad' })));
    expect(groups[0]!.count).toBe(25);
    expect(groups[0]!.places).toHaveLength(MAX_PLACES);
  });
});
