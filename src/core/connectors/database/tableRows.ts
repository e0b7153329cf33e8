import type { Locator, Match } from '../../../shared/findings.js';
import type { SubjectQuery } from '../../domain/subjectQuery.js';
import { buildColumnPlan, type ColumnPlan } from '../common/table/columnPlan.js';
import type { ColumnMapping } from '../common/table/tableConfig.js';
import { describeRow, scanRowMatches, type RowScan } from '../common/table/scanRow.js';
import type { DbColumnMapping } from './databaseConfig.js';
import type { DbColumn, DbRow, DbTable } from './dbDriver.js';
import { keyValue, readColumns, rowCells, rowHash, type RowCells } from './rowCells.js';
import { keyText } from '../../../shared/locatorLine.js';

/** How one table is read and matched: its read columns, the table connector's column plan, the key. */
export interface TableReader {
  readonly table: DbTable;
  readonly columns: DbColumn[];
  readonly plan: ColumnPlan;
  /** Indexes of `ignore`d columns: shown, never matched. */
  readonly ignored: ReadonlySet<number>;
  /** Binary columns, not read. */
  readonly skipped: DbColumn[];
  /** `columns:` names that are no column of this table. */
  readonly unknownColumns: ReadonlyArray<string>;
  /** Index in `columns` of each primary key column; empty without a key (or a key in a binary column). */
  readonly keyIndexes: number[];
}

/** `columns:` roles of the database source in the table connector's terms (`name` is a full name). */
function asColumnMapping(mapping: Exclude<DbColumnMapping, 'ignore'>): ColumnMapping {
  return mapping === 'name' ? 'fullName' : mapping;
}

/**
 * The reader of one table. Column roles come from the column names exactly as the table connector
 * takes them from a CSV header, so a table and a CSV export of it give the same findings.
 */
export function tableReader(table: DbTable, overrides: Readonly<Record<string, string>>): TableReader {
  const columns = readColumns(table);
  const headers = columns.map((c) => c.name);
  const mapped: Record<string, ColumnMapping> = {};
  const ignoredNames: string[] = [];
  for (const [name, mapping] of Object.entries(overrides) as Array<[string, DbColumnMapping]>) {
    if (mapping === 'ignore') ignoredNames.push(name);
    else mapped[name] = asColumnMapping(mapping);
  }
  const { plan, unknownColumns } = buildColumnPlan(headers, { columns: mapped });
  const ignored = new Set(headers.flatMap((h, i) => (ignoredNames.includes(h) ? [i] : [])));
  const unknownIgnored = ignoredNames.filter((n) => !headers.includes(n));
  const keyIndexes = table.primaryKey.map((k) => headers.indexOf(k));
  return {
    table,
    columns,
    plan,
    ignored,
    skipped: table.columns.filter((c) => c.kind === 'binary'),
    unknownColumns: [...unknownColumns, ...unknownIgnored],
    keyIndexes: keyIndexes.every((i) => i >= 0) ? keyIndexes : [],
  };
}

/** A read row, with what matching needs. */
export interface ReadRow {
  readonly cells: RowCells;
  /** The cells as matched: ignored and JSON cells blank (JSON cells are matched by their values). */
  readonly scanCells: string[];
}

export function readRow(reader: TableReader, row: DbRow): ReadRow {
  const cells = rowCells(reader.columns, row, reader.ignored);
  const scanCells = cells.display.map((v, i) => (reader.ignored.has(i) || cells.structured.has(i) ? '' : v));
  return { cells, scanCells };
}

/** Every match of the subject in the row's own values (not its references). */
export function rowMatches(reader: TableReader, row: ReadRow, subject: SubjectQuery): Match[] {
  // One regex over the whole row first, as the CSV reader does over its raw line: mayConcern is
  // false only when no part of the text can match, and every cell and JSON value is a part of it.
  const raw = [...row.scanCells, ...row.cells.jsonValues.map((v) => v.value)].join('\n');
  if (!subject.mayConcern(raw)) return [];
  const matches = scanRowMatches(reader.plan, row.scanCells, subject);
  for (const v of row.cells.jsonValues) matches.push(...subject.scanText(v.value, v.field));
  return matches;
}

/** The row's locator: `{ table, key }` by primary key, else `{ table, row, hash }` by its place in the stable order. Both carry the row's hash. */
export function rowLocator(reader: TableReader, row: ReadRow, ordinal: number): Locator {
  const hash = rowHash(row.cells.display);
  if (!reader.keyIndexes.length) return { table: reader.table.qualified, row: ordinal, hash };
  const key: Record<string, string | number> = {};
  for (const i of reader.keyIndexes) key[reader.columns[i]!.name] = keyValue(reader.columns[i], row.cells.display[i] ?? '');
  return { table: reader.table.qualified, key, hash };
}

/** "id=42", "order_id=7, line=2", or "Zeile 17" for a table without a key. */
export function locatorLabel(locator: Locator): string {
  if (locator.key) return keyText(locator.key);
  return `Zeile ${locator.row ?? '?'}`;
}

/** The finding's title, fields and date. */
export function describeFound(reader: TableReader, row: ReadRow, matches: Match[], locator: Locator): RowScan & { title: string } {
  const described = describeRow(reader.plan, row.cells.display, matches);
  return { ...described, title: `${reader.table.qualified}, ${locatorLabel(locator)}${described.label ? `: ${described.label}` : ''}` };
}
