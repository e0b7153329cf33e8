import Database from 'better-sqlite3-multiple-ciphers';
import { DbError, type DbColumn, type DbColumnKind, type DbDriver, type DbRow, type DbSession, type DbTable, type DbValue, type DbKeyLookup } from './dbDriver.js';

/**
 * SQLite through the project's better-sqlite3, opened `readonly` (the file is never written, no
 * journal or WAL file is created by us) with `query_only` on as a second lock. SQLite has no
 * schemas: a table's qualified name is its name. Without a primary key, rows are ordered by every
 * column of the table in column order (a total order up to identical rows, which look alike anyway);
 * the rowid is not used, because VACUUM may renumber it.
 *
 * SQLite has no statement timeout; the timeout is the busy timeout (how long to wait for a writer's lock).
 */
export const sqliteDriver: DbDriver = {
  open(options) {
    const path = options.path;
    if (!path) return Promise.reject(new DbError('other', 'a sqlite database needs path'));
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: true, fileMustExist: true, timeout: options.statementTimeoutMs });
      db.pragma('query_only = ON');
      // Reads the header: a file that is no database fails here rather than at the first table.
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
    } catch (error) {
      return Promise.reject(sqliteError(error, path));
    }
    return Promise.resolve(new SqliteSession(db, path));
  },
};

class SqliteSession implements DbSession {
  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
  ) {}

  describe(): string {
    const row = this.db.prepare('SELECT sqlite_version() AS v').get() as { v: string };
    return `SQLite ${row.v}`;
  }

  listTables(options: { views: boolean }): Promise<DbTable[]> {
    try {
      const objects = this.db
        .prepare("SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
        .all() as Array<{ name: string; type: string }>;
      return Promise.resolve(objects.filter((o) => options.views || o.type === 'table').map((o) => this.describeTable(o.name, o.type === 'view')));
    } catch (error) {
      return Promise.reject(sqliteError(error, this.path));
    }
  }

  private describeTable(name: string, isView: boolean): DbTable {
    const info = this.db.prepare(`PRAGMA table_xinfo(${quote(name)})`).all() as Array<{ name: string; type: string; pk: number; hidden: number }>;
    const visible = info.filter((c) => c.hidden === 0 || c.hidden === 2 || c.hidden === 3);
    const columns: DbColumn[] = visible.map((c) => ({ name: c.name, dataType: c.type || '(none)', kind: kindOf(c.type) }));
    const primaryKey = visible.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const fkRows = isView ? [] : (this.db.prepare(`PRAGMA foreign_key_list(${quote(name)})`).all() as Array<{ id: number; seq: number; table: string; from: string; to: string | null }>);
    const byId = new Map<number, typeof fkRows>();
    for (const fk of fkRows) byId.set(fk.id, [...(byId.get(fk.id) ?? []), fk]);
    const foreignKeys = [...byId.values()].map((parts) => {
      const sorted = [...parts].sort((a, b) => a.seq - b.seq);
      const referencedTable = sorted[0]!.table;
      // `REFERENCES parent` without columns means the parent's primary key.
      const referencedColumns = sorted.every((p) => p.to) ? sorted.map((p) => p.to!) : this.primaryKeyOf(referencedTable);
      return { columns: sorted.map((p) => p.from), referencedTable, referencedColumns };
    });
    return { schema: 'main', name, qualified: name, isView, columns, primaryKey: isView ? [] : primaryKey, foreignKeys };
  }

  private primaryKeyOf(table: string): string[] {
    const info = this.db.prepare(`PRAGMA table_info(${quote(table)})`).all() as Array<{ name: string; pk: number }>;
    return info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  }

  async *rows(table: DbTable, columns: ReadonlyArray<string>, batchSize: number, signal: AbortSignal): AsyncIterable<DbRow[]> {
    const sql = `SELECT ${columns.map(quote).join(', ')} FROM ${quote(table.name)} ORDER BY ${orderOf(table)}`;
    yield* this.iterate(table, sql, [], batchSize, signal);
  }

  async *rowsWhere(table: DbTable, columns: ReadonlyArray<string>, key: DbKeyLookup, batchSize: number, signal: AbortSignal): AsyncIterable<DbRow[]> {
    const { columns: keyColumns, values: keyValues } = key;
    // Row values (SQLite 3.15+); at most 500 keys per statement, well below the bound-parameter limit.
    for (let start = 0; start < keyValues.length; start += 500) {
      const chunk = keyValues.slice(start, start + 500);
      const tuple = `(${keyColumns.map(() => '?').join(', ')})`;
      const sql =
        `SELECT ${columns.map(quote).join(', ')} FROM ${quote(table.name)} ` +
        `WHERE (${keyColumns.map(quote).join(', ')}) IN (VALUES ${chunk.map(() => tuple).join(', ')}) ORDER BY ${orderOf(table)}`;
      const kinds = keyColumns.map((k) => table.columns.find((c) => c.name === k)?.kind);
      // Keys may arrive as the text they were shown as; an integer column compares them as numbers.
      const params = chunk.flatMap((tuple) => tuple.map((v, i) => (kinds[i] === 'number' && typeof v === 'string' && /^-?\d+$/.test(v) ? BigInt(v) : bindable(v))));
      yield* this.iterate(table, sql, params, batchSize, signal);
    }
  }

  private async *iterate(table: DbTable, sql: string, params: unknown[], batchSize: number, signal: AbortSignal): AsyncIterable<DbRow[]> {
    let iterator: IterableIterator<unknown[]>;
    try {
      iterator = this.db.prepare(sql).raw(true).safeIntegers(true).iterate(...params) as IterableIterator<unknown[]>;
    } catch (error) {
      throw sqliteError(error, this.path, table.qualified);
    }
    try {
      for (;;) {
        signal.throwIfAborted();
        const batch: DbRow[] = [];
        let done = false;
        try {
          while (batch.length < batchSize) {
            const next = iterator.next();
            if (next.done) {
              done = true;
              break;
            }
            batch.push(next.value.map(fromSqlite));
          }
        } catch (error) {
          throw sqliteError(error, this.path, table.qualified);
        }
        // Yielding between batches lets other sources and the UI's progress run.
        if (batch.length) yield batch;
        if (done) return;
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      iterator.return?.();
    }
  }

  countRows(table: DbTable): Promise<number> {
    try {
      const row = this.db.prepare(`SELECT count(*) AS n FROM ${quote(table.name)}`).get() as { n: number };
      return Promise.resolve(Number(row.n));
    } catch (error) {
      return Promise.reject(sqliteError(error, this.path, table.qualified));
    }
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}

/** Declared type → kind, by SQLite's affinity rules (§3.1 of "Datatypes In SQLite"), JSON by name. */
function kindOf(declared: string): DbColumnKind {
  const t = declared.toUpperCase();
  if (t.includes('JSON')) return 'json';
  if (t.includes('INT')) return 'number';
  if (t.includes('CHAR') || t.includes('CLOB') || t.includes('TEXT')) return 'text';
  if (t.includes('BLOB')) return 'binary';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB') || t.includes('NUM') || t.includes('DEC')) return 'number';
  // No declared type, or DATE, BOOLEAN …: any value may be stored; read as text (a blob value is skipped per cell).
  return 'other';
}

function orderOf(table: DbTable): string {
  const keys = table.primaryKey.length ? table.primaryKey : table.columns.map((c) => c.name);
  return keys.map(quote).join(', ');
}

function fromSqlite(value: unknown): DbValue {
  if (typeof value === 'bigint') return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  if (value instanceof Uint8Array) return value;
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  return String(value);
}

function bindable(value: DbValue): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) return JSON.stringify(value);
  return value;
}

/** A SQLite identifier in double quotes (quotes doubled). */
function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function sqliteError(error: unknown, path: string, table?: string): DbError {
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message.split('\n')[0]! : String(error);
  if (code === 'SQLITE_CANTOPEN') return new DbError('unreachable', `cannot open the sqlite database ${path} (${message})`);
  if (code === 'SQLITE_NOTADB') return new DbError('other', `${path} is not a sqlite database (${message})`);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new DbError('timeout', `sqlite database is locked${table ? ` (table ${table})` : ''}: ${message}`, table);
  if (/no such table/i.test(message)) return new DbError('missing-table', `table ${table ?? '?'} is gone: it was dropped or renamed during the search (${message})`, table);
  if (code === 'SQLITE_AUTH') return new DbError('permission', `permission denied${table ? ` (table ${table})` : ''}: ${message}`, table);
  return new DbError('other', `sqlite ${path}${table ? ` (table ${table})` : ''}: ${code ? `${code}: ` : ''}${message}`, table);
}
