/** What kind of call a row records, in one vocabulary for every PBX. */
export type CallDirection = 'incoming' | 'outgoing' | 'missed' | 'rejected' | 'internal' | 'unknown';

/** A cell that holds one party's phone number. */
export interface NumberCell {
  /** Column name, copied into the match's `field`. */
  readonly field: string;
  readonly value: string;
  /**
   * The PBX stores international numbers without "+" or "00" here ("4970227896848"). Set only for
   * CDR columns: a typed list may hold a local number that would then be misread.
   */
  readonly internationalWithoutPlus: boolean;
}

/** One row of a call list, read into the fields every format shares. */
export interface ParsedCall {
  readonly direction: CallDirection;
  /** ISO 8601 start, local time as the PBX wrote it; null when the row has none that can be read. */
  readonly start: string | null;
  readonly durationSeconds: number | null;
  /** The calling party as written ("" when withheld or absent). */
  readonly from: string;
  readonly to: string;
  /** The other party's name as the PBX or phone book shows it. */
  readonly name: string;
  /** Cells compared as phone numbers (E.164 equality). */
  readonly numbers: ReadonlyArray<NumberCell>;
  /** Cells scanned as free text: names, caller ids, user fields. Technical columns are not, to keep their digit runs from posing as ids. */
  readonly texts: ReadonlyArray<{ readonly field: string; readonly value: string }>;
  /** Every cell of the row under its column name, for the record and for recording file patterns. */
  readonly columns: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  /** Why the row is not fully readable; each becomes part of a warning. What could be read is still searched. */
  readonly problems: ReadonlyArray<string>;
}

/** One file's column layout: turns the cells of a row into a call. */
export interface CallLayout {
  /** Names a recordings pattern may use, besides the derived ones. */
  readonly columnNames: ReadonlyArray<string>;
  /** The format writes international numbers without "+" or "00" (CDRs); decides how `from`/`to` are shown in E.164. */
  readonly internationalWithoutPlus: boolean;
  parse(cells: ReadonlyArray<string>): ParsedCall;
}

/** The display name of a surplus or unnamed column. */
export function spareColumnName(index: number): string {
  return `Spalte ${index + 1}`;
}

/** Cells paired with column names; surplus cells get "Spalte N". */
export function namedColumns(names: ReadonlyArray<string>, cells: ReadonlyArray<string>): Array<{ name: string; value: string }> {
  const width = Math.max(names.length, cells.length);
  const out: Array<{ name: string; value: string }> = [];
  for (let i = 0; i < width; i++) out.push({ name: names[i] ?? spareColumnName(i), value: cells[i] ?? '' });
  return out;
}
