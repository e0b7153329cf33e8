import { normalizeHeader } from '../common/table/columnRoles.js';
import { SourceError } from '../connector.js';
import type { GenericCallsConfig } from './callsConfig.js';
import { isNoNumber, numberOrEmpty, parseCallDate, parseDurationSeconds } from './callValues.js';
import { namedColumns, spareColumnName, type CallDirection, type CallLayout, type NumberCell } from './parsedCall.js';

type Role = keyof GenericCallsConfig['columns'];

// Direction words seen in German and English call lists and CRM call logs, normalized.
const DIRECTIONS: ReadonlyArray<readonly [CallDirection, RegExp]> = [
  ['missed', /^(missed|verpasst|entgangen|nicht angenommen|unbeantwortet|no answer|unanswered)$/],
  ['rejected', /^(rejected|abgewiesen|abgelehnt|blocked|gesperrt|busy|besetzt)$/],
  ['internal', /^(internal|intern)$/],
  ['incoming', /^(in|incoming|inbound|eingehend|ein|eingang|angenommen|answered)$/],
  ['outgoing', /^(out|outgoing|outbound|ausgehend|aus|ausgang)$/],
];

/** The direction a cell names, or undefined when it names none of the known words. */
export function directionOfText(text: string): CallDirection | undefined {
  const normalized = normalizeHeader(text);
  return DIRECTIONS.find(([, pattern]) => pattern.test(normalized))?.[0];
}

/**
 * The layout of a call list with a header, from `columns:` (header names). A configured column
 * missing from the header fails the source: its numbers would otherwise go unsearched.
 */
export function genericLayout(header: ReadonlyArray<string>, config: GenericCallsConfig): CallLayout {
  const names = header.map((h, i) => h.trim() || spareColumnName(i));
  const index = new Map<Role, number>();
  const missing: string[] = [];
  for (const [role, name] of Object.entries(config.columns) as Array<[Role, string | undefined]>) {
    if (name === undefined) continue;
    let i = names.indexOf(name.trim());
    if (i < 0) i = names.findIndex((n) => n.toLowerCase() === name.trim().toLowerCase());
    if (i < 0) missing.push(`${role}: "${name}"`);
    else index.set(role, i);
  }
  if (missing.length) throw new SourceError(`${config.path}: columns ${missing.join(', ')} not in the header (${names.join(', ')})`);
  const numberColumns = new Set(['from', 'to', 'number'].flatMap((r) => (index.has(r as Role) ? [index.get(r as Role)] : [])));
  const metaColumns = new Set(['start', 'duration', 'direction'].flatMap((r) => (index.has(r as Role) ? [index.get(r as Role)] : [])));

  return {
    columnNames: names,
    internationalWithoutPlus: true,
    parse(cells) {
      const cell = (role: Role): string => {
        const i = index.get(role);
        return i === undefined ? '' : (cells[i] ?? '').trim();
      };
      const problems: string[] = [];
      const startText = cell('start');
      const start = index.has('start') ? parseCallDate(startText) : null;
      if (index.has('start') && start === null) problems.push(`${names[index.get('start') ?? 0]} "${startText}" is not a date`);
      const durationText = cell('duration');
      const durationSeconds = durationText ? parseDurationSeconds(durationText, 'minutes-seconds') : null;
      if (durationText && durationSeconds === null) problems.push(`${names[index.get('duration') ?? 0]} "${durationText}" is not a duration`);
      const directionText = cell('direction');
      const direction = directionText ? (directionOfText(directionText) ?? 'unknown') : 'unknown';

      const numbers: NumberCell[] = [];
      for (const role of ['from', 'to', 'number'] as const) {
        const i = index.get(role);
        const value = cell(role);
        if (i !== undefined && !isNoNumber(value)) numbers.push({ field: names[i] ?? role, value, internationalWithoutPlus: true });
      }
      // Every column that is not a number or metadata is searched as text: a hand-made list can
      // keep anything in a "Notiz" or "Kunde" column.
      const texts: Array<{ field: string; value: string }> = [];
      const columns = namedColumns(names, cells);
      columns.forEach((column, i) => {
        if (!numberColumns.has(i) && !metaColumns.has(i) && column.value.trim()) texts.push({ field: column.name, value: column.value });
      });

      const other = cell('number');
      const outgoing = direction === 'outgoing';
      const from = cell('from') || (!outgoing ? other : '');
      const to = cell('to') || (outgoing ? other : '');
      return {
        direction,
        start,
        durationSeconds,
        from: numberOrEmpty(from),
        to: numberOrEmpty(to),
        name: cell('name'),
        numbers,
        texts,
        columns,
        problems,
      };
    },
  };
}
