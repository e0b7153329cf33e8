import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { DbError, type DbColumn, type DbColumnKind, type DbDriver, type DbListOptions, type DbOpenOptions, type DbRow, type DbSession, type DbTable, type DbValue, type DbKeyLookup } from './dbDriver.js';
import { postgresError } from './dbErrors.js';

/** How long to wait for the TCP connection, TLS and login: a dead host fails the source instead of hanging it. */
const CONNECT_TIMEOUT_MS = 15_000;
/**
 * The alias of the table in every query. The whole row is ordered as `alias.*`, never a bare
 * `alias`: a column named like the alias would win over a bare whole-row reference, and a table
 * without a key would be ordered by that one column only, its row numbers no longer stable (the
 * events table of the tests has such a column).
 */
const ROW = 'auskunft_row';
/** Keys per `WHERE (…) IN (…)` statement: far below the protocol's 65535 parameters. */
const KEYS_PER_STATEMENT = 1_000;

/**
 * PostgreSQL through `pg`. The session is one transaction, `BEGIN ISOLATION LEVEL REPEATABLE READ
 * READ ONLY` (one snapshot: a parent row and the rows referencing it are read as of one moment),
 * with `default_transaction_read_only` set at login as well and `statement_timeout` set for it.
 * Rows are read through a server-side cursor (`DECLARE … NO SCROLL CURSOR`, `FETCH n`): memory stays
 * flat whatever the table's size, and the timeout applies to each FETCH. Each table is read inside a
 * SAVEPOINT, so a table that fails (permission, dropped, timeout) leaves the transaction usable.
 *
 * Order: primary key; without one, the row's text form (`(auskunft_row.*)::text COLLATE "C"`), which orders by every
 * column and needs no ctid (ctid changes with VACUUM FULL and UPDATE).
 * Values: text, numbers and everything else are read as `::text` (as a CSV export writes them);
 * json/jsonb parsed; arrays as `to_jsonb(…)`, so nested arrays of any element type arrive as JSON.
 */
export const postgresDriver: DbDriver = {
  async open(options, password, signal) {
    const where = `PostgreSQL ${options.host ?? '?'}:${options.port ?? 5432}/${options.database ?? '?'}`;
    const client = new pg.Client({
      host: options.host,
      port: options.port,
      database: options.database,
      user: options.user,
      password: password ?? '',
      ssl: await sslOptions(options),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: 'auskunft',
      // A second lock besides BEGIN READ ONLY, set before the first statement.
      options: '-c default_transaction_read_only=on',
    });
    // A connection error after connect() (server restart) surfaces at the next query; without a
    // listener it would be an unhandled 'error' event.
    client.on('error', () => undefined);
    const onAbort = (): void => void client.end().catch(() => undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await client.connect();
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query(`SET LOCAL statement_timeout = ${Math.round(options.statementTimeoutMs)}`);
      const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?';
      return new PostgresSession(client, where, version, () => signal.removeEventListener('abort', onAbort));
    } catch (error) {
      signal.removeEventListener('abort', onAbort);
      await client.end().catch(() => undefined);
      throw postgresError(error, where);
    }
  },
};

async function sslOptions(options: DbOpenOptions): Promise<pg.ClientConfig['ssl']> {
  switch (options.ssl ?? 'off') {
    case 'off':
      return false;
    case 'require':
      // Encrypted, certificate not checked (libpq's sslmode=require).
      return { rejectUnauthorized: false };
    default: {
      if (!options.ca) return { rejectUnauthorized: true };
      try {
        return { rejectUnauthorized: true, ca: await readFile(options.ca, 'utf8') };
      } catch (error) {
        throw new DbError('tls', `cannot read the CA file ${options.ca}: ${(error as Error).message}`);
      }
    }
  }
}

interface CatalogColumn {
  table_oid: number;
  attnum: number;
  name: string;
  data_type: string;
  typname: string;
  typcategory: string;
}

class PostgresSession implements DbSession {
  private cursors = 0;

  constructor(
    private readonly client: pg.Client,
    private readonly where: string,
    private readonly version: string,
    private readonly release: () => void,
  ) {}

  describe(): string {
    return `PostgreSQL ${this.version.split(' ')[0]}`;
  }

  async listTables(options: DbListOptions): Promise<DbTable[]> {
    const kinds = options.views ? ['r', 'p', 'v', 'm'] : ['r', 'p'];
    try {
      // Partitions are read through their parent, not twice. Schemas the user may not use are left
      // out here and reported by the connector (it compares with the configured ones).
      const tables = await this.client.query<{ oid: number; schema: string; name: string; relkind: string }>(
        `SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS relkind
           FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind = ANY($1::text[]) AND NOT c.relispartition
            AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
            AND has_schema_privilege(n.oid, 'USAGE')
            AND ($2::text[] IS NULL OR n.nspname = ANY($2::text[]))
          ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"`,
        [kinds, options.schemas ? [...options.schemas] : null],
      );
      if (!tables.rows.length) return [];
      const oids = tables.rows.map((t) => t.oid);
      const columns = await this.client.query<CatalogColumn>(
        `SELECT a.attrelid::int AS table_oid, a.attnum::int AS attnum, a.attname AS name,
                format_type(a.atttypid, a.atttypmod) AS data_type, bt.typname::text AS typname, bt.typcategory::text AS typcategory
           FROM pg_catalog.pg_attribute a
           JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
           JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
          WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
          ORDER BY a.attrelid, a.attnum`,
        [oids],
      );
      const constraints = await this.client.query<{ table_oid: number; contype: string; conkey: number[]; ref_schema: string | null; ref_name: string | null; ref_oid: number | null; confkey: number[] | null }>(
        `SELECT co.conrelid::int AS table_oid, co.contype::text AS contype, co.conkey::int[] AS conkey,
                rn.nspname AS ref_schema, rc.relname AS ref_name, co.confrelid::int AS ref_oid, co.confkey::int[] AS confkey
           FROM pg_catalog.pg_constraint co
           LEFT JOIN pg_catalog.pg_class rc ON rc.oid = co.confrelid
           LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
          WHERE co.conrelid = ANY($1::oid[]) AND co.contype IN ('p', 'f')
          ORDER BY co.conrelid, co.conname COLLATE "C"`,
        [oids],
      );
      const refColumns = await this.client.query<{ table_oid: number; attnum: number; name: string }>(
        `SELECT a.attrelid::int AS table_oid, a.attnum::int AS attnum, a.attname AS name FROM pg_catalog.pg_attribute a
          WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped`,
        [[...new Set(constraints.rows.flatMap((c) => (c.ref_oid ? [c.ref_oid] : [])))]],
      );
      const nameOf = new Map<string, string>();
      for (const c of [...columns.rows, ...refColumns.rows]) nameOf.set(`${c.table_oid}:${c.attnum}`, c.name);
      const colName = (oid: number, attnum: number): string => nameOf.get(`${oid}:${attnum}`) ?? `#${attnum}`;
      return tables.rows.map((t) => {
        const own = columns.rows.filter((c) => c.table_oid === t.oid);
        const cons = constraints.rows.filter((c) => c.table_oid === t.oid);
        const pk = cons.find((c) => c.contype === 'p');
        return {
          schema: t.schema,
          name: t.name,
          qualified: `${t.schema}.${t.name}`,
          isView: t.relkind === 'v' || t.relkind === 'm',
          columns: own.map((c): DbColumn => ({ name: c.name, dataType: c.data_type, kind: kindOf(c) })),
          primaryKey: pk ? pk.conkey.map((n) => colName(t.oid, n)) : [],
          foreignKeys: cons
            .filter((c) => c.contype === 'f' && c.ref_oid !== null && c.confkey)
            .map((c) => ({
              columns: c.conkey.map((n) => colName(t.oid, n)),
              referencedTable: `${c.ref_schema}.${c.ref_name}`,
              referencedColumns: c.confkey!.map((n) => colName(c.ref_oid!, n)),
            })),
        };
      });
    } catch (error) {
      throw postgresError(error, this.where);
    }
  }

  rows(table: DbTable, columns: ReadonlyArray<string>, batchSize: number, signal: AbortSignal): AsyncIterable<DbRow[]> {
    const sql = `SELECT ${selectList(table, columns)} FROM ${qualified(table)} AS ${ROW} ORDER BY ${orderOf(table)}`;
    return this.cursor(table, sql, [], batchSize, signal);
  }

  async *rowsWhere(table: DbTable, columns: ReadonlyArray<string>, key: DbKeyLookup, batchSize: number, signal: AbortSignal): AsyncIterable<DbRow[]> {
    const { columns: keyColumns, values: keyValues } = key;
    // Compared as text on both sides: keys arrive as the ::text the rows were read as, so an int8 or
    // a numeric key is compared without a lossy round trip through a JavaScript number.
    const keys = `(${keyColumns.map((k) => `${ROW}.${quote(k)}::text`).join(', ')})`;
    for (let start = 0; start < keyValues.length; start += KEYS_PER_STATEMENT) {
      const chunk = keyValues.slice(start, start + KEYS_PER_STATEMENT);
      let n = 0;
      const tuples = chunk.map(() => `(${keyColumns.map(() => `$${++n}::text`).join(', ')})`).join(', ');
      const sql = `SELECT ${selectList(table, columns)} FROM ${qualified(table)} AS ${ROW} WHERE ${keys} IN (${tuples}) ORDER BY ${orderOf(table)}`;
      yield* this.cursor(table, sql, chunk.flat().map(asText), batchSize, signal);
    }
  }

  async countRows(table: DbTable, signal: AbortSignal): Promise<number> {
    for await (const batch of this.cursor(table, `SELECT count(*)::text FROM ${qualified(table)} AS ${ROW}`, [], 1, signal)) return Number(batch[0]?.[0] ?? 0);
    return 0;
  }

  /** One statement through a cursor inside a savepoint: a failure rolls back to it and names the table. */
  private async *cursor(table: DbTable, sql: string, params: unknown[], batchSize: number, signal: AbortSignal): AsyncIterable<DbRow[]> {
    const name = `auskunft_c${++this.cursors}`;
    const savepoint = `auskunft_s${this.cursors}`;
    let open = false;
    const run = async <R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> => {
      try {
        return await this.client.query<R>({ text, values, rowMode: 'array' } as pg.QueryConfig);
      } catch (error) {
        throw postgresError(error, this.where, table.qualified);
      }
    };
    await run(`SAVEPOINT ${savepoint}`);
    let failed = true;
    try {
      await run(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
      open = true;
      for (;;) {
        signal.throwIfAborted();
        const result = await run<DbValue[]>(`FETCH ${Math.max(1, Math.floor(batchSize))} FROM ${name}`);
        if (result.rows.length) yield result.rows as unknown as DbRow[];
        if (result.rows.length < batchSize) break;
      }
      await run(`CLOSE ${name}`);
      open = false;
      await run(`RELEASE SAVEPOINT ${savepoint}`);
      failed = false;
    } finally {
      if (failed || open) {
        // The consumer stopped early (open) or a statement failed: undo to the savepoint, which
        // also closes the cursor; a connection that is gone makes this fail quietly.
        await this.client.query(`ROLLBACK TO SAVEPOINT ${savepoint}`).catch(() => undefined);
      }
    }
  }

  async close(): Promise<void> {
    this.release();
    await this.client.query('ROLLBACK').catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }
}

function kindOf(c: CatalogColumn): DbColumnKind {
  if (c.typname === 'json' || c.typname === 'jsonb') return 'json';
  if (c.typname === 'bytea') return 'binary';
  if (c.typcategory === 'A') return 'array';
  if (c.typcategory === 'S') return 'text';
  if (c.typcategory === 'N') return 'number';
  // Dates, booleans, uuid, inet, enums …: read as their text form and matched like text.
  return 'other';
}

function selectList(table: DbTable, columns: ReadonlyArray<string>): string {
  const kind = new Map(table.columns.map((c) => [c.name, c.kind] as const));
  return columns
    .map((name) => {
      const col = `${ROW}.${quote(name)}`;
      switch (kind.get(name)) {
        case 'json':
          return col;
        case 'array':
          return `to_jsonb(${col})`;
        default:
          return `${col}::text`;
      }
    })
    .join(', ');
}

function orderOf(table: DbTable): string {
  return table.primaryKey.length ? table.primaryKey.map((k) => `${ROW}.${quote(k)}`).join(', ') : `(${ROW}.*)::text COLLATE "C"`;
}

function qualified(table: DbTable): string {
  return `${quote(table.schema)}.${quote(table.name)}`;
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function asText(value: DbValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && !(value instanceof Uint8Array)) return JSON.stringify(value);
  return String(value);
}
