import { normalizeHeader } from '../common/table/columnRoles.js';
import { SourceError } from '../connector.js';
import { isNoNumber, numberOrEmpty, parseCallDate, parseDurationSeconds } from './callValues.js';
import { namedColumns, type CallDirection, type CallLayout, type NumberCell, type ParsedCall } from './parsedCall.js';

type FritzColumn = 'type' | 'date' | 'name' | 'number' | 'region' | 'extension' | 'ownNumber' | 'duration';

// Header names across FRITZ!OS versions and languages (fixtures/calls/README.md), normalized.
const HEADER_NAMES: Readonly<Record<string, FritzColumn>> = {
  typ: 'type',
  type: 'type',
  datum: 'date',
  date: 'date',
  name: 'name',
  rufnummer: 'number',
  number: 'number',
  'landes ortsnetzbereich': 'region',
  nebenstelle: 'extension',
  extension: 'extension',
  'eigene rufnummer': 'ownNumber',
  'outgoing caller id': 'ownNumber',
  'own number': 'ownNumber',
  dauer: 'duration',
  duration: 'duration',
};

/**
 * Typ codes of the FRITZ!Box call list and TR-064 (README): 1 incoming, 2 missed, 3 and 4 outgoing
 * (old and new firmware), 9 active incoming, 10 rejected, 11 active outgoing.
 */
const TYPES: Readonly<Record<string, CallDirection>> = {
  '1': 'incoming',
  '2': 'missed',
  '3': 'outgoing',
  '4': 'outgoing',
  '9': 'incoming',
  '10': 'rejected',
  '11': 'outgoing',
};

const REQUIRED: ReadonlyArray<FritzColumn> = ['type', 'date', 'number'];

/** The layout of a FRITZ!Box call list from its header; a SourceError if the header is not one. */
export function fritzboxLayout(header: ReadonlyArray<string>, path: string): CallLayout {
  const names = header.map((h) => h.trim());
  const index = new Map<FritzColumn, number>();
  names.forEach((name, i) => {
    const column = HEADER_NAMES[normalizeHeader(name)];
    if (column !== undefined && !index.has(column)) index.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length) {
    throw new SourceError(
      `${path} is not a FRITZ!Box call list: its header (${names.join(';')}) lacks Typ, Datum or Rufnummer; for another layout use format: generic with columns:`,
    );
  }

  return {
    columnNames: names,
    internationalWithoutPlus: false,
    parse(cells) {
      const trimmed = cells.map((c) => c.trim());
      const cell = (column: FritzColumn): string => {
        const i = index.get(column);
        return i === undefined ? '' : (trimmed[i] ?? '');
      };
      const problems: string[] = [];
      const typ = cell('type');
      const direction = TYPES[typ] ?? 'unknown';
      if (direction === 'unknown') problems.push(`Typ "${typ}" is not a known call type (1, 2, 3, 4, 9, 10, 11)`);
      const dateText = cell('date');
      const start = parseCallDate(dateText);
      if (start === null) problems.push(`Datum "${dateText}" is not a date (dd.mm.yy HH:MM)`);
      const durationText = cell('duration');
      const durationSeconds = durationText ? parseDurationSeconds(durationText, 'hours-minutes') : null;
      if (durationText && durationSeconds === null) problems.push(`Dauer "${durationText}" is not a duration (H:MM)`);

      const number = cell('number');
      // "Internet: 7654321" names the line type; the number follows.
      const own = cell('ownNumber').replace(/^[\p{L}][\p{L} .-]{0,20}:\s*/u, '');
      const outgoing = direction === 'outgoing';
      const numbers: NumberCell[] = [];
      const numberName = names[index.get('number') ?? -1] ?? 'Rufnummer';
      if (!isNoNumber(number)) numbers.push({ field: numberName, value: number, internationalWithoutPlus: false });
      const ownIndex = index.get('ownNumber');
      if (ownIndex !== undefined && !isNoNumber(own)) numbers.push({ field: names[ownIndex] ?? 'Eigene Rufnummer', value: own, internationalWithoutPlus: false });

      const texts: Array<{ field: string; value: string }> = [];
      const known = new Set(index.values());
      names.forEach((name, i) => {
        const value = trimmed[i] ?? '';
        // The name and the extension's label ("Büro Jürgen") can name a person; unknown columns may hold anything.
        const isText = i === index.get('name') || i === index.get('extension') || !known.has(i);
        if (isText && value) texts.push({ field: name, value });
      });
      for (let i = names.length; i < trimmed.length; i++) if (trimmed[i]) texts.push({ field: `Spalte ${i + 1}`, value: trimmed[i] ?? '' });

      const call: ParsedCall = {
        direction,
        start,
        durationSeconds,
        from: numberOrEmpty(outgoing ? own : number),
        to: numberOrEmpty(outgoing ? number : own),
        name: cell('name'),
        numbers,
        texts,
        columns: namedColumns(names, cells),
        problems,
      };
      return call;
    },
  };
}
