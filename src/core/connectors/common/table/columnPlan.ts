import type { PhoneHashAlgorithm } from '../../../domain/subjectQuery.js';
import { COLUMN_ROLES, categoryForRole, classifyHeader, type ColumnRole } from './columnRoles.js';
import type { ColumnMapping } from './tableConfig.js';

/** How one table's columns are read: names, roles, categories and hashed columns, by column index. */
export interface ColumnPlan {
  readonly headers: ReadonlyArray<string>;
  readonly roles: ReadonlyArray<ColumnRole | undefined>;
  readonly categories: ReadonlyArray<string | undefined>;
  readonly hashed: ReadonlyMap<number, PhoneHashAlgorithm>;
  readonly firstName: number | undefined;
  readonly lastName: number | undefined;
  readonly fullName: number | undefined;
  readonly email: number | undefined;
  readonly customerId: number | undefined;
  readonly date: number | undefined;
}

export interface ColumnOverrides {
  readonly columns?: Readonly<Record<string, ColumnMapping>> | undefined;
  readonly hashed?: Readonly<Record<string, PhoneHashAlgorithm>> | undefined;
}

export interface ColumnPlanResult {
  readonly plan: ColumnPlan;
  /** Configured column names (in `columns` or `hashed`) that are not in this header. */
  readonly unknownColumns: ReadonlyArray<string>;
  readonly missingHashed: ReadonlyArray<string>;
}

/** The display name of a column: its header, or "Spalte N" for a blank header or a surplus cell. */
export function columnName(headers: ReadonlyArray<string>, index: number): string {
  const header = headers[index]?.trim();
  return header ? header : `Spalte ${index + 1}`;
}

/** Reads a header row into a plan; configured overrides win over the built-in header names. */
export function buildColumnPlan(header: ReadonlyArray<string>, overrides: ColumnOverrides): ColumnPlanResult {
  const headers = header.map((_, i) => columnName(header, i));
  const indexOf = (name: string): number[] => {
    const exact = headers.flatMap((h, i) => (h === name.trim() ? [i] : []));
    if (exact.length) return exact;
    const folded = name.trim().toLowerCase();
    return headers.flatMap((h, i) => (h.toLowerCase() === folded ? [i] : []));
  };

  const overrideByIndex = new Map<number, ColumnMapping>();
  const unknownColumns: string[] = [];
  for (const [name, mapping] of Object.entries(overrides.columns ?? {})) {
    const found = indexOf(name);
    if (!found.length) unknownColumns.push(name);
    for (const i of found) overrideByIndex.set(i, mapping);
  }
  const hashed = new Map<number, PhoneHashAlgorithm>();
  const missingHashed: string[] = [];
  for (const [name, algorithm] of Object.entries(overrides.hashed ?? {})) {
    const found = indexOf(name);
    if (!found.length) missingHashed.push(name);
    for (const i of found) hashed.set(i, algorithm);
  }

  const isRole = (m: ColumnMapping): m is ColumnRole => (COLUMN_ROLES as ReadonlyArray<string>).includes(m);
  const hasFirstName =
    headers.some((h) => classifyHeader(h) === 'firstName') || [...overrideByIndex.values()].some((m) => m === 'firstName');
  const roles: Array<ColumnRole | undefined> = [];
  const categories: Array<string | undefined> = [];
  headers.forEach((h, i) => {
    const override = overrideByIndex.get(i);
    if (override !== undefined && !isRole(override)) {
      roles.push(undefined);
      categories.push(override);
      return;
    }
    const role = hashed.has(i) ? 'phone' : (override ?? classifyHeader(h, hasFirstName));
    roles.push(role);
    categories.push(role && categoryForRole(role));
  });
  const first = (role: ColumnRole): number | undefined => {
    const i = roles.indexOf(role);
    return i < 0 ? undefined : i;
  };
  return {
    plan: {
      headers,
      roles,
      categories,
      hashed,
      firstName: first('firstName'),
      lastName: first('lastName'),
      fullName: first('fullName'),
      email: first('email'),
      customerId: first('customerId'),
      date: first('date'),
    },
    unknownColumns,
    missingHashed,
  };
}
