import { createHash } from 'node:crypto';
import type { DbColumn, DbRow, DbTable, DbValue } from './dbDriver.js';
import { MAX_JSON_VALUES } from './databaseLimits.js';

/** One value inside a JSON or array cell, with its path as the field (`profile.emails[0]`). */
export interface JsonValue {
  readonly field: string;
  readonly value: string;
}

/** A row as the matcher and the review see it. */
export interface RowCells {
  /** One text per read column, as a CSV export would write it: JSON and arrays as JSON text. */
  readonly display: string[];
  /** Indexes of the cells holding a JSON document or array: matched by the values inside, not as one text. */
  readonly structured: ReadonlySet<number>;
  /** The values inside those cells, each matched under its path. */
  readonly jsonValues: JsonValue[];
  /** True when a JSON cell held more values than MAX_JSON_VALUES (the rest were not matched). */
  readonly truncated: boolean;
}

/** The columns a table is read by: every column but binary ones (bytea, BLOB), which are named in a warning. */
export function readColumns(table: DbTable): DbColumn[] {
  return table.columns.filter((c) => c.kind !== 'binary');
}

/** A row's values as text, and the values inside its JSON cells (SQLite keeps JSON as text: parsed here). */
export function rowCells(columns: ReadonlyArray<DbColumn>, row: DbRow, ignored: ReadonlySet<number> = NO_INDEXES): RowCells {
  const display: string[] = [];
  const jsonValues: JsonValue[] = [];
  const structured = new Set<number>();
  let truncated = false;
  columns.forEach((column, i) => {
    const value = row[i] ?? null;
    const document = isDocument(value) ? value : column.kind === 'json' || column.kind === 'array' ? (typeof value === 'string' ? parseJson(value) : undefined) : undefined;
    display.push(typeof value === 'string' ? value : textOf(value));
    if (document === undefined) return;
    structured.add(i);
    if (!ignored.has(i) && !flatten(document, column.name, jsonValues)) truncated = true;
  });
  return { display, structured, jsonValues, truncated };
}

const NO_INDEXES: ReadonlySet<number> = new Set();

function isDocument(value: DbValue): boolean {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && !(value instanceof Uint8Array);
}

/** A value as text: numbers and big integers in decimal, dates in ISO 8601, null as empty. */
export function textOf(value: DbValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return '';
  return JSON.stringify(value, jsonReplacer);
}

function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

function parseJson(text: string): DbValue | undefined {
  const t = text.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  try {
    return JSON.parse(text) as DbValue;
  } catch {
    return undefined;
  }
}

/** Depth-first, in document order; false when MAX_JSON_VALUES was reached. */
function flatten(value: DbValue, path: string, out: JsonValue[]): boolean {
  const stack: Array<[DbValue, string]> = [[value, path]];
  let taken = 0;
  while (stack.length) {
    const [v, p] = stack.pop()!;
    if (v === null || v instanceof Uint8Array) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i] as DbValue, `${p}[${i}]`]);
      continue;
    }
    if (typeof v === 'object' && !(v instanceof Date)) {
      const entries = Object.entries(v as Record<string, DbValue>);
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], `${p}.${entries[i]![0]}`]);
      continue;
    }
    const text = textOf(v as DbValue);
    if (!text.trim()) continue;
    if (++taken > MAX_JSON_VALUES) return false;
    out.push({ field: p, value: text });
  }
  return true;
}

/** A primary key value as the locator keeps it: a number where the column is numeric and the value exact, else text. */
export function keyValue(column: DbColumn | undefined, text: string): string | number {
  if (column?.kind === 'number' && /^-?\d{1,15}$/.test(text)) return Number(text);
  return text;
}

/** SHA-256 of a row's read cells: tells a row without a key from one that took its place. */
export function rowHash(display: ReadonlyArray<string>): string {
  return createHash('sha256').update(JSON.stringify(display), 'utf8').digest('hex');
}
