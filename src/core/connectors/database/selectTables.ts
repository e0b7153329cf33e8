import type { DatabaseConfig } from './databaseConfig.js';
import type { DbTable } from './dbDriver.js';

export interface TableSelection {
  readonly tables: DbTable[];
  /** Names in `tables:` or `exclude:` that name no table (a typo must not pass as "searched"). */
  readonly unknown: string[];
}

/** Whether `name` (as written in the config: `customers` or `public.customers`) names `table`. */
export function namesTable(name: string, table: DbTable): boolean {
  return name === table.qualified || name === table.name;
}

/** The tables to search: `tables:` (all, or the named ones) minus `exclude:`, in the listing's order. */
export function selectTables(config: Pick<DatabaseConfig, 'tables' | 'exclude'>, listed: ReadonlyArray<DbTable>): TableSelection {
  const wanted = config.tables === 'all' ? listed : listed.filter((t) => (config.tables as string[]).some((n) => namesTable(n, t)));
  const tables = wanted.filter((t) => !config.exclude.some((n) => namesTable(n, t)));
  const named = [...(config.tables === 'all' ? [] : config.tables), ...config.exclude];
  const unknown = named.filter((n) => !listed.some((t) => namesTable(n, t)));
  return { tables, unknown };
}

/** The `columns:` overrides of one table (keyed by its name or qualified name). */
export function overridesOf(config: Pick<DatabaseConfig, 'columns'>, table: DbTable): Record<string, string> {
  return { ...(config.columns[table.name] ?? {}), ...(config.columns[table.qualified] ?? {}) };
}

/**
 * Tables in an order where a referenced table comes before the tables referencing it, so a row
 * can be matched against the rows of its parent that concern the subject as it is read. Cycles
 * and self-references cannot be ordered: those references are followed afterwards (searchDatabase).
 */
export function parentsFirst(tables: ReadonlyArray<DbTable>): DbTable[] {
  const byName = new Map(tables.map((t) => [t.qualified, t] as const));
  const out: DbTable[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: DbTable): void => {
    if (state.has(t.qualified)) return;
    state.set(t.qualified, 'visiting');
    for (const fk of t.foreignKeys) {
      const parent = byName.get(fk.referencedTable);
      if (parent && parent !== t && !state.has(parent.qualified)) visit(parent);
    }
    state.set(t.qualified, 'done');
    out.push(t);
  };
  for (const t of tables) visit(t);
  return out;
}
