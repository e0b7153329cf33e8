import { describe, expect, it } from 'vitest';
import { ticketDate } from '../../../../src/core/connectors/tickets/ticketDate.js';

describe('ticketDate', () => {
  it('reads Jira dates in English and German locales, 12- and 24-hour', () => {
    expect(ticketDate('04/Mar/24 9:15 AM')).toBe('2024-03-04T09:15:00');
    expect(ticketDate('04/Mar/24 12:05 AM')).toBe('2024-03-04T00:05:00');
    expect(ticketDate('04/Mar/24 12:05 PM')).toBe('2024-03-04T12:05:00');
    expect(ticketDate('4/Dec/2023 7:01 PM')).toBe('2023-12-04T19:01:00');
    expect(ticketDate('04/Mär/24 09:30')).toBe('2024-03-04T09:30:00');
    expect(ticketDate('31/Okt/24 23:59')).toBe('2024-10-31T23:59:00');
    expect(ticketDate('04.03.24 09:15')).toBe('2024-03-04T09:15:00');
    expect(ticketDate('04.03.24')).toBe('2024-03-04');
  });

  it('keeps UTC stamps with their zone and local ones without', () => {
    expect(ticketDate('2024-03-04T08:15:01.000Z')).toBe('2024-03-04T08:15:01Z');
    expect(ticketDate('2024-03-04 09:15:01')).toBe('2024-03-04T09:15:01');
  });

  it('gives null rather than a wrong date', () => {
    expect(ticketDate('31/Feb/24 9:15 AM')).toBeNull();
    expect(ticketDate('04/Foo/24 9:15 AM')).toBeNull();
    expect(ticketDate('04/Mar/24 13:15 PM')).toBeNull();
    expect(ticketDate('03/04/2024')).toBeNull();
    expect(ticketDate(1709540101)).toBeNull();
    expect(ticketDate(null)).toBeNull();
  });
});
