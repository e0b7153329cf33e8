import { describe, expect, it } from 'vitest';
import { isNoNumber, parseCallDate, parseDurationSeconds } from '../../../../src/core/connectors/calls/callValues.js';

describe('parseCallDate', () => {
  it('reads FRITZ!Box two-digit years, Asterisk ISO and 3CX slashed dates', () => {
    expect(parseCallDate('04.03.24 09:15')).toBe('2024-03-04T09:15:00');
    expect(parseCallDate('04.03.2024 09:15')).toBe('2024-03-04T09:15:00');
    expect(parseCallDate('2024-03-04 09:15:02')).toBe('2024-03-04T09:15:02');
    expect(parseCallDate('2024/03/04 09:15:02')).toBe('2024-03-04T09:15:02');
    expect(parseCallDate(' 04.03.24 ')).toBe('2024-03-04');
  });

  it('gives null for what is not a date', () => {
    expect(parseCallDate('')).toBeNull();
    expect(parseCallDate('32.13.24 25:99')).toBeNull();
    expect(parseCallDate('03/04/2024 10:00')).toBeNull();
    expect(parseCallDate('gestern')).toBeNull();
  });
});

describe('parseDurationSeconds', () => {
  it('reads seconds, H:MM (FRITZ!Box), M:SS and HH:MM:SS', () => {
    expect(parseDurationSeconds('398', 'minutes-seconds')).toBe(398);
    expect(parseDurationSeconds('0:07', 'hours-minutes')).toBe(420);
    expect(parseDurationSeconds('1:35', 'hours-minutes')).toBe(5700);
    expect(parseDurationSeconds('2:35', 'minutes-seconds')).toBe(155);
    expect(parseDurationSeconds('00:06:38', 'hours-minutes')).toBe(398);
  });

  it('gives null for what is not a duration', () => {
    expect(parseDurationSeconds('', 'minutes-seconds')).toBeNull();
    expect(parseDurationSeconds('1:75', 'minutes-seconds')).toBeNull();
    expect(parseDurationSeconds('kurz', 'hours-minutes')).toBeNull();
  });
});

describe('isNoNumber', () => {
  it('treats empty cells and withheld markers as no number', () => {
    for (const value of ['', '  ', 'anonymous', 'Anonymous', 'unbekannt', 'Unknown', 'private', 'Rufnummer unterdrückt', '-']) expect(isNoNumber(value)).toBe(true);
  });

  it('keeps anything else, including internal extensions, for the matcher to judge', () => {
    for (const value of ['200', '070227896848', 'Festnetz', 's']) expect(isNoNumber(value)).toBe(false);
  });
});
