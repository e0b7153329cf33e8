import type { Locator, SourceWarning } from '../../../shared/findings.js';

/** What kind of place a warning points at; decides the noun ("lines 1201, 2402") the UI uses. */
export type PlaceKind = 'line' | 'row' | 'message' | 'file' | 'ticket' | 'table' | 'other';

export interface WarningGroup {
  readonly message: string;
  readonly kind: PlaceKind;
  /** Some content was not searched at all (the source is then partial). */
  readonly uncovered: boolean;
  readonly count: number;
  /** The first places, as the officer finds them again: line numbers, file names, message ids. */
  readonly places: string[];
}

/** Places listed per group before "…": enough to find the pattern, short enough to read. */
export const MAX_PLACES = 10;

/**
 * Group a source's warnings so that "3 lines could not be read: lines 1201, 2402, 3603" is one line,
 * not three: same message, same kind of place, same coverage.
 */
export function describeWarnings(warnings: readonly SourceWarning[]): WarningGroup[] {
  const groups = new Map<string, { message: string; kind: PlaceKind; uncovered: boolean; count: number; places: string[] }>();
  for (const w of warnings) {
    const { kind, place } = placeOf(w.locator);
    const uncovered = w.uncovered === true;
    const key = `${kind}\u0000${uncovered}\u0000${w.message}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { message: w.message, kind, uncovered, count: 0, places: [] }));
    group.count++;
    if (place !== null && group.places.length < MAX_PLACES) group.places.push(place);
  }
  return [...groups.values()].sort((a, b) => Number(b.uncovered) - Number(a.uncovered) || b.count - a.count);
}

function placeOf(locator: Locator): { kind: PlaceKind; place: string | null } {
  // A database table (a row of it is never a warning's place: warnings concern whole tables).
  if (locator.table !== undefined) return { kind: 'table', place: locator.table };
  if (locator.line !== undefined) return { kind: 'line', place: String(locator.line) };
  if (locator.row !== undefined) return { kind: 'row', place: locator.sheet ? `${locator.sheet}!${locator.row}` : String(locator.row) };
  if (locator.ticket !== undefined) return { kind: 'ticket', place: locator.ticket };
  if (locator.messageId !== undefined) return { kind: 'message', place: locator.messageId };
  if (locator.uid !== undefined) return { kind: 'message', place: `${locator.mailbox ?? ''} #${locator.uid}` };
  if (locator.file !== undefined) return { kind: 'file', place: [locator.file, locator.folder, locator.item ? `#${locator.item}` : ''].filter(Boolean).join(' › ') };
  if (locator.path !== undefined) return { kind: 'file', place: locator.offset !== undefined ? `${locator.path} @${locator.offset}` : locator.path };
  return { kind: 'other', place: null };
}
