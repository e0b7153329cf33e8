import type { Match } from '../../../../shared/findings.js';
import type { SubjectQuery } from '../../../domain/subjectQuery.js';
import { parseCellDate } from './cellDate.js';
import { columnName, type ColumnPlan } from './columnPlan.js';

/** Longest label shown in a finding's title; the full row is in the record. */
const MAX_LABEL_CHARS = 60;

export interface RowScan {
  readonly matches: Match[];
  /** Every cell of the row, in column order, for review and the copy (empty cells included). */
  readonly fields: Array<{ name: string; value: string }>;
  /** A short human label for the title: the person's name, else their email, id or first cell. */
  readonly label: string;
  readonly date: string | null;
}

/**
 * Scans one row for the subject: every cell as text under its header, hashed columns by hash, and
 * the name assembled from first- and last-name columns (so "Anna" | "Müller" still gives the weak
 * name match that neither cell gives alone). Returns the matches only: nearly every row of a big
 * export concerns someone else, so the row's fields, label and date (describeRow) are built only
 * for the rows that matched.
 */
export function scanRowMatches(plan: ColumnPlan, cells: ReadonlyArray<string>, subject: SubjectQuery, options: RowScanOptions = {}): Match[] {
  const anyHashed = plan.hashed.size > 0;
  const cellsMayConcern = options.rawMayConcern ?? true;
  // A row whose raw text the subject's prefilter rejected: only hashed cells can still match.
  if (!cellsMayConcern && !anyHashed) return [];
  const width = Math.max(cells.length, plan.headers.length);
  let matches: Match[] | undefined;
  for (let i = 0; i < width; i++) {
    const algorithm = anyHashed ? plan.hashed.get(i) : undefined;
    if (!cellsMayConcern && !algorithm) continue;
    const value = cells[i] ?? '';
    if (!value.trim()) continue;
    const name = columnName(plan.headers, i);
    // A hex digest is not scanned as text: its digit runs could look like phone numbers or ids.
    const found = algorithm ? subject.matchPhoneHash(value.trim(), algorithm, name) : subject.scanText(value, name);
    if (found.length) (matches ??= []).push(...found);
  }
  if (plan.firstName !== undefined && plan.lastName !== undefined) {
    const first = (cells[plan.firstName] ?? '').trim();
    const last = (cells[plan.lastName] ?? '').trim();
    if (first && last) {
      // Only the name is looked for here: the two cells were scanned for everything else already,
      // and digits that merely meet at the join ("12" | "345") are no one's phone number. It also
      // means a row whose raw text fails mayConcern cannot match here (the surname is in one cell).
      const found = subject.scanText(`${first} ${last}`, `${columnName(plan.headers, plan.firstName)} + ${columnName(plan.headers, plan.lastName)}`).filter((m) => m.type === 'name');
      if (found.length) (matches ??= []).push(...found);
    }
  }
  return matches ? dedupeMatches(matches) : [];
}

export interface RowScanOptions {
  /**
   * False when the row's raw text failed `subject.mayConcern`: no cell can match as text, and the
   * name composed from two cells cannot either, so only hashed cells are looked at (the reader
   * leaves `cells` empty when there are none: see RawFilter). The row's findings are the same
   * either way, and a big export is read without splitting most of its rows.
   */
  readonly rawMayConcern?: boolean;
}

/** A matching row for its finding: every field, a label for the title, the date, and its matches. */
export function describeRow(plan: ColumnPlan, cells: ReadonlyArray<string>, matches: Match[]): RowScan {
  const width = Math.max(cells.length, plan.headers.length);
  const fields: Array<{ name: string; value: string }> = [];
  for (let i = 0; i < width; i++) fields.push({ name: columnName(plan.headers, i), value: cells[i] ?? '' });
  const cell = (i: number | undefined): string => (i === undefined ? '' : (cells[i] ?? '').trim());
  const composedName = [cell(plan.firstName), cell(plan.lastName)].filter(Boolean).join(' ');
  const label = composedName || cell(plan.fullName) || cell(plan.email) || cell(plan.customerId) || cells.find((c) => c.trim())?.trim() || '';
  return {
    matches,
    fields,
    label: label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label,
    date: plan.date === undefined ? null : parseCellDate(cell(plan.date)),
  };
}

/** One match per identifier and field: a name found in "Nachname" and again in "Vorname + Nachname" stays two. */
export function dedupeMatches(matches: ReadonlyArray<Match>): Match[] {
  const seen = new Set<string>();
  return matches.filter((m) => {
    const key = `${m.type}\u0000${m.value}\u0000${m.field ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
