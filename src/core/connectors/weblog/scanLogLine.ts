import type { Match } from '../../../shared/findings.js';
import type { SubjectQuery } from '../../domain/subjectQuery.js';
import { dedupeMatches } from '../common/table/scanRow.js';
import { percentDecode, unescapeLogField } from './logEscapes.js';
import type { ParsedLogLine, TruncatedLogLine } from './parseLogLine.js';

export interface LogLineScan {
  readonly matches: Match[];
  /** The line's fields, unescaped, for review and the copy. */
  readonly fields: Array<{ name: string; value: string }>;
}

/**
 * Every reading of a request, referer or raw line under which an identifier may show: as logged
 * (escapes undone), with URL escapes decoded (`email=anna.mueller%40example.de`), and with `+` as a
 * space in the query (`q=Anna+M%C3%BCller`).
 */
function readings(text: string): string[] {
  return [...new Set([text, percentDecode(text), percentDecode(text, true)])];
}

function scanAll(subject: SubjectQuery, text: string, field: string, out: Match[]): void {
  if (!text || text === '-') return;
  for (const reading of readings(text)) out.push(...subject.scanText(reading, field));
}

/** Scans a recognised (or cut-off) line: each client address on its own, then the text fields. */
export function scanParsedLogLine(line: ParsedLogLine | TruncatedLogLine, subject: SubjectQuery): LogLineScan {
  const matches: Match[] = [];
  const fields: Array<{ name: string; value: string }> = [];
  const add = (name: string, value: string | undefined, scan: boolean): void => {
    if (value === undefined) return;
    fields.push({ name, value });
    if (scan) scanAll(subject, value, name, matches);
  };
  // Each address of an X-Forwarded-For list separately: "192.0.2.4" must not meet "192.0.2.44".
  for (const host of line.hosts) matches.push(...subject.scanText(host, 'host'));
  fields.push({ name: 'host', value: line.hosts.join(', ') });
  add('vhost', line.vhost, false);
  add('ident', line.ident, true);
  add('user', line.user, true);
  add('time', line.time, false);
  if (line.kind === 'truncated') {
    add('rest', unescapeLogField(line.rest), true);
  } else {
    add('request', unescapeLogField(line.request), true);
    add('status', line.status, false);
    add('bytes', line.bytes, false);
    add('referer', line.referer === undefined ? undefined : unescapeLogField(line.referer), true);
    add('userAgent', line.userAgent === undefined ? undefined : unescapeLogField(line.userAgent), true);
    add('extra', line.extra, true);
  }
  return { matches: dedupeMatches(matches), fields };
}

/** Scans a line no format fits, as raw text, so a strong identifier in it is not lost. */
export function scanRawLogLine(text: string, subject: SubjectQuery): Match[] {
  const matches: Match[] = [];
  scanAll(subject, unescapeLogField(text), 'line', matches);
  return dedupeMatches(matches);
}
