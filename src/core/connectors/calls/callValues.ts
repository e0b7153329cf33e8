import { parseCellDate } from '../common/table/cellDate.js';

// FRITZ!Box writes a two-digit year ("04.03.24 09:15"); 3CX writes "2024/03/04 09:15:02".
const GERMAN_SHORT_YEAR = /^(\d{1,2}\.\d{1,2}\.)(\d{2})(\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const SLASHED_ISO = /^(\d{4})\/(\d{2})\/(\d{2})(.*)$/;

/**
 * The ISO form of a call's date and time, or null. Call lists carry no zone (the PBX's local time,
 * or UTC when it is set up so); the time is kept as written rather than guessed into a zone.
 */
export function parseCallDate(text: string): string | null {
  let value = text.trim();
  if (!value) return null;
  const short = GERMAN_SHORT_YEAR.exec(value);
  // Two-digit years in a call list are this century: the formats are younger than 2000.
  if (short) value = `${short[1]}20${short[2]}${short[3] ?? ''}`;
  const slashed = SLASHED_ISO.exec(value);
  if (slashed) value = `${slashed[1]}-${slashed[2]}-${slashed[3]}${slashed[4]}`;
  return parseCellDate(value);
}

/** How a duration with one colon is read: FRITZ!Box writes "H:MM", most other lists "M:SS". */
export type TwoPartDuration = 'hours-minutes' | 'minutes-seconds';

/** A duration in whole seconds ("398", "0:07", "00:06:38"), or null when it is not one. */
export function parseDurationSeconds(text: string, twoPart: TwoPartDuration): number | null {
  const value = text.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const parts = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!parts) return null;
  const [a, b, c] = [Number(parts[1]), Number(parts[2]), parts[3] === undefined ? undefined : Number(parts[3])];
  if (b > 59 || (c ?? 0) > 59) return null;
  if (c !== undefined) return a * 3600 + b * 60 + c;
  return twoPart === 'hours-minutes' ? a * 3600 + b * 60 : a * 60 + b;
}

// What PBXs and phones write where the caller withheld the number or the network did not send one.
const NO_NUMBER = new Set([
  'anonymous',
  'anonym',
  'unknown',
  'unbekannt',
  'unavailable',
  'private',
  'privat',
  'restricted',
  'withheld',
  'unterdrückt',
  'unterdrueckt',
  'rufnummer unterdrückt',
  'nicht übermittelt',
  'keine rufnummer',
  'no caller id',
  '-',
]);

/** True when a number cell holds no number: empty, or a "withheld" marker. Not a problem, just no number. */
export function isNoNumber(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v === '' || NO_NUMBER.has(v);
}

/** A party's number as the call shows it: empty where the list holds a placeholder for no number. */
export function numberOrEmpty(value: string): string {
  return isNoNumber(value) ? '' : value;
}
