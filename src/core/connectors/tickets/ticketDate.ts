import { parseCellDate } from '../common/table/cellDate.js';

/**
 * Month abbreviations as Jira writes them in the exporting user's locale (README of the ticket
 * fixtures: "dates follow the exporting user's locale"): English and German.
 */
const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, mär: 3, mrz: 3, apr: 4, may: 5, mai: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, okt: 10, nov: 11, dec: 12, dez: 12,
};

/** Jira's `dd/MMM/yy h:mm AM` (also `dd/MMM/yyyy HH:mm`, German month names). */
const JIRA = /^(\d{1,2})\/([a-zä]{3,4})\.?\/(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$/i;

/** German numeric with a two-digit year, as Jira writes with a German profile: `04.03.24 09:15`. */
const GERMAN_SHORT = /^(\d{1,2})\.(\d{1,2})\.(\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Two-digit years are this century up to 69, as Java's SimpleDateFormat reads them near today. */
const fullYear = (y: string): number => (y.length === 4 ? Number(y) : Number(y) < 70 ? 2000 + Number(y) : 1900 + Number(y));

function compose(y: number, mo: number, d: number, h: number, mi: number, s: number): string | null {
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return null;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCDate() !== d || probe.getUTCMonth() !== mo - 1) return null;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/**
 * A ticket timestamp as ISO 8601, or null when it is not an unambiguous date. UTC stamps keep their
 * zone; local ones (OTRS, Jira) stay without offset rather than guessing the server's zone.
 */
export function ticketDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const jira = JIRA.exec(text);
  if (jira) {
    const month = MONTHS[jira[2]!.toLowerCase()];
    if (month === undefined) return null;
    let hour = Number(jira[4]);
    const half = jira[7]?.toLowerCase();
    if (half && (hour < 1 || hour > 12)) return null;
    if (half === 'pm' && hour < 12) hour += 12;
    if (half === 'am' && hour === 12) hour = 0;
    return compose(fullYear(jira[3]!), month, Number(jira[1]), hour, Number(jira[5]), Number(jira[6] ?? 0));
  }
  const short = GERMAN_SHORT.exec(text);
  if (short) {
    const date = compose(fullYear(short[3]!), Number(short[2]), Number(short[1]), Number(short[4] ?? 0), Number(short[5] ?? 0), Number(short[6] ?? 0));
    return date && short[4] === undefined ? date.slice(0, 10) : date;
  }
  return parseCellDate(text);
}
