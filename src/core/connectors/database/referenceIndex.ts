import type { Match } from '../../../shared/findings.js';
import type { DbForeignKey, DbTable } from './dbDriver.js';
import { MAX_REFERENCED_ROWS } from './databaseLimits.js';

/** A row of a referenced table that concerns the subject, as a referencing row will name it. */
interface ReferencedRow {
  /** "public.customers(id=1)" */
  readonly label: string;
  /** Its matches that can make a finding strong (every type but the name), without their fields. */
  readonly matches: ReadonlyArray<Match>;
}

/**
 * The rows of referenced tables that concern the subject, by the values of the referenced columns,
 * so that rows referencing them (orders.customer_id → customers.id) are found as the subject's too:
 * one level of foreign keys. Only tables some searched table references are remembered, at most
 * MAX_REFERENCED_ROWS rows each.
 */
export class ReferenceIndex {
  /** parent table → referenced columns (joined) → value tuple (JSON) → row */
  private readonly byParent = new Map<string, Map<string, Map<string, ReferencedRow>>>();
  private readonly overflowed = new Set<string>();

  constructor(tables: ReadonlyArray<DbTable>) {
    const searched = new Set(tables.map((t) => t.qualified));
    for (const t of tables) {
      for (const fk of t.foreignKeys) {
        if (!searched.has(fk.referencedTable)) continue;
        let byColumns = this.byParent.get(fk.referencedTable);
        if (!byColumns) this.byParent.set(fk.referencedTable, (byColumns = new Map()));
        byColumns.set(columnsKey(fk.referencedColumns), new Map());
      }
    }
  }

  /** The column sets of `table` that other tables reference (empty when none does). */
  referencedColumns(table: string): string[][] {
    return [...(this.byParent.get(table)?.keys() ?? [])].map((k) => JSON.parse(k) as string[]);
  }

  /**
   * Remembers a row of `table` that concerns the subject. Returns false when the table already has
   * MAX_REFERENCED_ROWS such rows: the caller warns once that references to the rest are not followed.
   */
  remember(table: string, columns: ReadonlyArray<string>, values: ReadonlyArray<string>, matches: ReadonlyArray<Match>): boolean {
    const rows = this.byParent.get(table)?.get(columnsKey(columns));
    if (!rows) return true;
    const strong = strongCapable(matches);
    if (!strong.length || values.some((v) => v === '')) return true;
    if (rows.size >= MAX_REFERENCED_ROWS) {
      this.overflowed.add(table);
      return false;
    }
    const label = `${table}(${columns.map((c, i) => `${c}=${values[i]}`).join(', ')})`;
    rows.set(JSON.stringify(values), { label, matches: strong });
    return true;
  }

  /** Whether `table` had more rows concerning the subject than are remembered. */
  overflowedFor(table: string): boolean {
    return this.overflowed.has(table);
  }

  /** The remembered rows a foreign key can point at, as value tuples (for a `WHERE (…) IN (…)`). */
  tuples(fk: DbForeignKey): string[][] {
    return [...(this.byParent.get(fk.referencedTable)?.get(columnsKey(fk.referencedColumns))?.keys() ?? [])].map((k) => JSON.parse(k) as string[]);
  }

  /**
   * The matches a row gets through `fk` when its values point at a remembered row: the parent's
   * identifiers, with the reference as the field ("customer_id → public.customers(id=1)").
   */
  matchesThrough(fk: DbForeignKey, values: ReadonlyArray<string>): Match[] {
    if (values.some((v) => v === '')) return [];
    const parent = this.byParent.get(fk.referencedTable)?.get(columnsKey(fk.referencedColumns))?.get(JSON.stringify(values));
    if (!parent) return [];
    const field = `${fk.columns.join(', ')} → ${parent.label}`;
    return parent.matches.map((m) => ({ ...m, field }));
  }

  /** Whether any row of the table `fk` points at was remembered. */
  hasRows(fk: DbForeignKey): boolean {
    return (this.byParent.get(fk.referencedTable)?.get(columnsKey(fk.referencedColumns))?.size ?? 0) > 0;
  }
}

function columnsKey(columns: ReadonlyArray<string>): string {
  return JSON.stringify(columns);
}

/**
 * The matches a reference passes on: every identifier but the name (a name alone is weak, and a row
 * pointing at a weak row is no evidence), one per identifier, without the parent's field and text.
 */
function strongCapable(matches: ReadonlyArray<Match>): Match[] {
  const seen = new Set<string>();
  const out: Match[] = [];
  for (const m of matches) {
    if (m.type === 'name') continue;
    const key = `${m.type}\u0000${m.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ type: m.type, value: m.value, ...(m.guard ? { guard: m.guard } : {}) });
  }
  return out;
}
