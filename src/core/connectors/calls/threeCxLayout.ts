import { isNoNumber, numberOrEmpty, parseCallDate, parseDurationSeconds } from './callValues.js';
import { namedColumns, type CallDirection, type CallLayout, type NumberCell } from './parsedCall.js';

/** Every field the 3CX CDR template offers (fixtures/calls/README.md, 3CX "CDR - Call Data Records"). */
export const THREECX_FIELDS = [
  'historyid',
  'callid',
  'duration',
  'time-start',
  'time-answered',
  'time-end',
  'reason-terminated',
  'from-no',
  'to-no',
  'from-dn',
  'to-dn',
  'dial-no',
  'reason-changed',
  'final-number',
  'final-dn',
  'bill-code',
  'bill-rate',
  'bill-cost',
  'bill-name',
  'chain',
  'from-type',
  'to-type',
  'final-type',
  'from-dispname',
  'to-dispname',
  'final-dispname',
  'missed-queue-calls',
] as const;
export type ThreeCxField = (typeof THREECX_FIELDS)[number];

const NUMBER_FIELDS: ReadonlyArray<ThreeCxField> = ['from-no', 'to-no', 'dial-no', 'final-number'];
// Display names, the billing code dialled after the number (often a customer or project code), and
// the chain of endpoints, which is the only place a transferred external number may appear.
const TEXT_FIELDS: ReadonlyArray<ThreeCxField> = ['from-dispname', 'to-dispname', 'final-dispname', 'bill-code', 'bill-name', 'chain', 'missed-queue-calls'];
/** 3CX calls the trunk side of a call a "Line"; both sides extensions, queues or IVRs is an internal call. */
const EXTERNAL_TYPE = /^line$/i;

/** The layout of a 3CX cdr.log with the admin's field order: no header, columns by position. */
export function threeCxLayout(fields: ReadonlyArray<ThreeCxField>): CallLayout {
  return {
    columnNames: fields,
    internationalWithoutPlus: true,
    parse(cells) {
      const problems: string[] = [];
      if (cells.length !== fields.length) {
        problems.push(`row has ${cells.length} fields, the configured 3CX template has ${fields.length}`);
      }
      const columns = namedColumns(fields, cells);
      const get = (field: ThreeCxField): string => (cells[fields.indexOf(field)] ?? '').trim();
      const has = (field: ThreeCxField): boolean => fields.includes(field);

      const startText = get('time-start');
      const start = has('time-start') ? parseCallDate(startText) : null;
      if (has('time-start') && start === null) problems.push(`time-start "${startText}" is not a date`);
      const durationText = get('duration');
      const durationSeconds = durationText ? parseDurationSeconds(durationText, 'minutes-seconds') : null;
      if (durationText && durationSeconds === null) problems.push(`duration "${durationText}" is not a duration (HH:MM:SS)`);

      const numbers: NumberCell[] = [];
      const seen = new Set<string>();
      for (const field of NUMBER_FIELDS) {
        const value = get(field);
        if (!has(field) || isNoNumber(value) || seen.has(value)) continue;
        seen.add(value);
        numbers.push({ field, value, internationalWithoutPlus: true });
      }
      const texts: Array<{ field: string; value: string }> = TEXT_FIELDS.filter((f) => has(f) && get(f)).map((field) => ({ field, value: get(field) }));
      for (const column of columns.slice(fields.length)) if (column.value.trim()) texts.push({ field: column.name, value: column.value });

      const direction = directionOf(get('from-type'), get('to-type') || get('final-type'), has('time-answered') ? get('time-answered') : undefined);
      const name = direction === 'outgoing' ? get('to-dispname') || get('final-dispname') : get('from-dispname') || get('to-dispname');
      const from = get('from-no');
      const to = get('final-number') || get('to-no') || get('dial-no');
      return {
        direction,
        start,
        durationSeconds,
        from: numberOrEmpty(from),
        to: numberOrEmpty(to),
        name,
        numbers,
        texts,
        columns,
        problems,
      };
    },
  };
}

function directionOf(fromType: string, toType: string, answered: string | undefined): CallDirection {
  if (!fromType && !toType) return 'unknown';
  if (EXTERNAL_TYPE.test(fromType)) return answered === '' ? 'missed' : 'incoming';
  if (EXTERNAL_TYPE.test(toType)) return 'outgoing';
  return fromType && toType ? 'internal' : 'unknown';
}
