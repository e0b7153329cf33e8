import { readFile } from 'node:fs/promises';
import mysql from 'mysql2';
import type { Connection, ConnectionOptions, FieldPacket, QueryError } from 'mysql2';
import { mysqlError } from './mysqlErrors.js';
import { DbError, type DbColumn, type DbColumnKind, type DbDriver, type DbForeignKey, type DbListOptions, type DbOpenOptions, type DbRow, type DbSession, type DbTable, type DbValue, type DbKeyLookup } from './dbDriver.js';

/**
 * The MySQL / MariaDB driver for the `database` source (`driver: mysql` or `driver: mariadb`), on
 * mysql2. One connection per source, one `START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY`
 * for the whole scan: every table is read as of the same moment (Art. 15: the data as held when the
 * request arrived) and the server refuses any write, whatever the user's grants.
 *
 * Reading order (DbSession.rows): a table with a primary key is read in key order by keyset pages
 * (`WHERE key > last ORDER BY key LIMIT n`), so each page is one short statement and the statement
 * timeout guards a page, not the whole table. A table without a key is one streamed
 * `SELECT … ORDER BY every column`; its timeout bounds the whole read, and rows equal in every
 * column's first `max_sort_length` bytes (1024 by default) may swap places between runs.
 */
export const mysqlDriver: DbDriver = { open: openMysql };

/** How long to wait for the TCP connect and handshake: a host that does not answer is unreachable, not slow. */
const CONNECT_TIMEOUT_MS = 10_000;
/** Key tuples per `WHERE (k) IN (…)` statement: well below max_allowed_packet for any key width we expect. */
const KEYS_PER_STATEMENT = 500;

async function openMysql(options: DbOpenOptions, password: string | undefined, signal: AbortSignal): Promise<DbSession> {
  signal.throwIfAborted();
  const connectionOptions: ConnectionOptions = {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 3306,
    user: options.user,
    password,
    database: options.database,
    charset: 'UTF8MB4_UNICODE_CI',
    connectTimeout: CONNECT_TIMEOUT_MS,
    // Values as the server holds them: big integers and decimals as exact strings, dates as the
    // server writes them (a DATETIME has no time zone, and 0000-00-00 is no Date), JSON as text
    // that the driver parses once, for MySQL's JSON type and MariaDB's JSON alias alike.
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    jsonStrings: true,
    multipleStatements: false,
    ssl: await sslOptions(options),
  };
  const conn = mysql.createConnection(connectionOptions);
  conn.on('error', () => undefined); // a dropped connection surfaces as the failing query's error
  const onAbort = (): void => conn.destroy();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await new Promise<void>((resolve, reject) => conn.connect((err) => (err ? reject(err) : resolve())));
    const [versionRow] = await run<{ v: string }[]>(conn, 'SELECT VERSION() AS v');
    const version = versionRow?.v ?? '';
    const mariadb = /mariadb/i.test(version);
    const seconds = Math.max(0.001, options.statementTimeoutMs / 1000);
    // MariaDB: max_statement_time in seconds, any statement; MySQL 5.7.8+: max_execution_time in ms, SELECT only.
    await run(conn, mariadb ? `SET SESSION max_statement_time = ${seconds.toFixed(3)}` : `SET SESSION max_execution_time = ${Math.ceil(options.statementTimeoutMs)}`);
    await run(conn, 'SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await run(conn, 'START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
    const label = `${mariadb ? 'MariaDB' : 'MySQL'} ${version.replace(/-.*$/, '')}`;
    return new MysqlSession(conn, label, mariadb, options.database, serverName(options));
  } catch (err) {
    conn.destroy();
    if (signal.aborted) throw signal.reason;
    const error = mysqlError(err, serverName(options));
    // MariaDB answers a plaintext login under require_secure_transport (or to a user created
    // REQUIRE SSL) with the same 1045 as a wrong password; say so rather than send the officer
    // hunting for a typo.
    if (error.kind === 'auth' && (options.ssl ?? 'off') === 'off') throw new DbError('auth', `${error.message}; if the server requires encrypted connections, set ssl: require or verify-full`);
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

async function sslOptions(options: DbOpenOptions): Promise<ConnectionOptions['ssl']> {
  const mode = options.ssl ?? 'off';
  if (mode === 'off') return undefined;
  // require: encrypted, certificate unchecked (as libpq's sslmode=require); verify-full: the chain
  // against `ca` (or the system's CAs) and the host name against the certificate.
  if (mode === 'require') return { rejectUnauthorized: false };
  if (!options.ca) return { rejectUnauthorized: true };
  try {
    return { rejectUnauthorized: true, ca: await readFile(options.ca, 'utf8') };
  } catch (err) {
    throw new DbError('tls', `the CA file ${options.ca} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

class MysqlSession implements DbSession {
  /** Set once the connection is gone (closed, or dropped mid-result); close() then has nothing to do. */
  private broken = false;

  constructor(
    private readonly conn: Connection,
    private readonly label: string,
    private readonly mariadb: boolean,
    private readonly database: string | undefined,
    private readonly where: string,
  ) {}

  describe(): string {
    return this.label;
  }

  async listTables(options: DbListOptions, signal: AbortSignal): Promise<DbTable[]> {
    return this.guard(signal, undefined, async () => {
      const schemas = options.schemas && options.schemas.length > 0 ? [...options.schemas] : this.database ? [this.database] : [];
      if (schemas.length === 0) throw new DbError('other', 'no database is configured: name it in `database`');
      const types = options.views ? ['BASE TABLE', 'SYSTEM VERSIONED', 'VIEW'] : ['BASE TABLE', 'SYSTEM VERSIONED'];
      const tables = await run<{ s: string; t: string; type: string }[]>(
        this.conn,
        'SELECT TABLE_SCHEMA AS s, TABLE_NAME AS t, TABLE_TYPE AS type FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (?) AND TABLE_TYPE IN (?) ORDER BY TABLE_SCHEMA, TABLE_NAME',
        [schemas, types],
      );
      const columns = await run<{ s: string; t: string; c: string; dt: string; ct: string }[]>(
        this.conn,
        'SELECT TABLE_SCHEMA AS s, TABLE_NAME AS t, COLUMN_NAME AS c, DATA_TYPE AS dt, COLUMN_TYPE AS ct FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN (?) ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION',
        [schemas],
      );
      const keys = await run<{ s: string; t: string; k: string; c: string; rs: string | null; rt: string | null; rc: string | null }[]>(
        this.conn,
        `SELECT TABLE_SCHEMA AS s, TABLE_NAME AS t, CONSTRAINT_NAME AS k, COLUMN_NAME AS c,
                REFERENCED_TABLE_SCHEMA AS rs, REFERENCED_TABLE_NAME AS rt, REFERENCED_COLUMN_NAME AS rc
           FROM information_schema.KEY_COLUMN_USAGE
          WHERE TABLE_SCHEMA IN (?) AND (CONSTRAINT_NAME = 'PRIMARY' OR REFERENCED_TABLE_NAME IS NOT NULL)
          ORDER BY TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION`,
        [schemas],
      );
      // MariaDB's JSON is LONGTEXT with a CHECK (json_valid(`col`)) constraint; that constraint is
      // the only trace of it in information_schema. (MySQL's CHECK_CONSTRAINTS has no TABLE_NAME.)
      const jsonColumns = new Set<string>();
      if (this.mariadb) {
        const checks = await run<{ s: string; t: string; clause: string }[]>(
          this.conn,
          'SELECT CONSTRAINT_SCHEMA AS s, TABLE_NAME AS t, CHECK_CLAUSE AS clause FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA IN (?)',
          [schemas],
        );
        for (const check of checks) {
          const m = /^json_valid\(`((?:[^`]|``)+)`\)$/i.exec(check.clause.trim());
          if (m?.[1]) jsonColumns.add(`${check.s}\u0000${check.t}\u0000${m[1].replaceAll('``', '`')}`);
        }
      }

      const byTable = new Map<string, { columns: DbColumn[]; primaryKey: string[]; foreignKeys: Map<string, { columns: string[]; table: string; referenced: string[] }> }>();
      const entry = (s: string, t: string) => {
        const key = `${s}\u0000${t}`;
        let e = byTable.get(key);
        if (!e) byTable.set(key, (e = { columns: [], primaryKey: [], foreignKeys: new Map() }));
        return e;
      };
      for (const c of columns) {
        const kind = jsonColumns.has(`${c.s}\u0000${c.t}\u0000${c.c}`) ? 'json' : columnKind(c.dt, c.ct);
        entry(c.s, c.t).columns.push({ name: c.c, dataType: c.ct, kind });
      }
      for (const k of keys) {
        const e = entry(k.s, k.t);
        if (k.k === 'PRIMARY') e.primaryKey.push(k.c);
        else if (k.rt && k.rc) {
          let fk = e.foreignKeys.get(k.k);
          if (!fk) e.foreignKeys.set(k.k, (fk = { columns: [], table: `${k.rs ?? k.s}.${k.rt}`, referenced: [] }));
          fk.columns.push(k.c);
          fk.referenced.push(k.rc);
        }
      }
      return tables.map((t): DbTable => {
        const e = entry(t.s, t.t);
        const isView = t.type === 'VIEW';
        const foreignKeys: DbForeignKey[] = [...e.foreignKeys.values()].map((fk) => ({ columns: fk.columns, referencedTable: fk.table, referencedColumns: fk.referenced }));
        return { schema: t.s, name: t.t, qualified: `${t.s}.${t.t}`, isView, columns: e.columns, primaryKey: isView ? [] : e.primaryKey, foreignKeys };
      });
    });
  }

  async *rows(table: DbTable, columns: ReadonlyArray<string>, batchSize: number, signal: AbortSignal): AsyncIterable<DbRow[]> {
    const select = columns.map(quoteId).join(', ');
    const from = `${quoteId(table.schema)}.${quoteId(table.name)}`;
    const json = jsonPositions(table, columns);
    if (table.primaryKey.length === 0) {
      // No key: one statement, ordered by every column, streamed with backpressure.
      const order = table.columns.map((c) => quoteId(c.name)).join(', ');
      yield* this.streamed(table, `SELECT ${select} FROM ${from}${order ? ` ORDER BY ${order}` : ''}`, json, batchSize, signal);
      return;
    }
    // Keyset pages in key order; the key is fetched after the requested columns and cut off again.
    const key = table.primaryKey;
    const keyList = key.map(quoteId).join(', ');
    const width = columns.length;
    let last: DbValue[] | undefined;
    for (;;) {
      const where = last ? ` WHERE ${afterKey(key)}` : '';
      const params = last ? afterKeyParams(last) : [];
      const page = await this.guard(signal, table, () =>
        runArrays(this.conn, `SELECT ${select}${width > 0 ? ', ' : ''}${keyList} FROM ${from}${where} ORDER BY ${keyList} LIMIT ${Math.max(1, Math.floor(batchSize))}`, params),
      );
      if (page.length === 0) return;
      last = page[page.length - 1]?.slice(width) as DbValue[] | undefined;
      yield page.map((r) => convertRow(r.slice(0, width), json));
      if (page.length < batchSize) return;
    }
  }

  async *rowsWhere(table: DbTable, columns: ReadonlyArray<string>, key: DbKeyLookup, batchSize: number, signal: AbortSignal): AsyncIterable<DbRow[]> {
    const { columns: keyColumns, values: keyValues } = key;
    if (keyColumns.length === 0 || keyValues.length === 0) return;
    const select = columns.map(quoteId).join(', ');
    const from = `${quoteId(table.schema)}.${quoteId(table.name)}`;
    const order = (table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((c) => c.name)).map(quoteId).join(', ');
    const json = jsonPositions(table, columns);
    const target = keyColumns.length === 1 ? quoteId(keyColumns[0] ?? '') : `(${keyColumns.map(quoteId).join(', ')})`;
    const tuple = keyColumns.length === 1 ? '?' : `(${keyColumns.map(() => '?').join(', ')})`;
    for (let i = 0; i < keyValues.length; i += KEYS_PER_STATEMENT) {
      const chunk = keyValues.slice(i, i + KEYS_PER_STATEMENT);
      const sql = `SELECT ${select} FROM ${from} WHERE ${target} IN (${chunk.map(() => tuple).join(', ')})${order ? ` ORDER BY ${order}` : ''}`;
      yield* this.streamed(table, sql, json, batchSize, signal, chunk.flat().map(toParam));
    }
  }

  async close(): Promise<void> {
    if (this.broken) return;
    this.broken = true;
    await run(this.conn, 'ROLLBACK').catch(() => undefined);
    await new Promise<void>((resolve) => this.conn.end(() => resolve()));
    this.conn.destroy();
  }

  /** One statement streamed in batches; mysql2 pauses the socket while a batch is being matched. */
  private async *streamed(table: DbTable, sql: string, json: ReadonlySet<number>, batchSize: number, signal: AbortSignal, params: unknown[] = []): AsyncIterable<DbRow[]> {
    signal.throwIfAborted();
    const size = Math.max(1, Math.floor(batchSize));
    const stream = this.conn.query({ sql, values: params, rowsAsArray: true }).stream({ highWaterMark: size });
    const onAbort = (): void => {
      this.conn.destroy();
      stream.destroy();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    let batch: DbRow[] = [];
    let complete = false;
    try {
      for await (const row of stream as AsyncIterable<unknown[]>) {
        batch.push(convertRow(row, json));
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
      complete = true;
    } catch (err) {
      if (signal.aborted) throw signal.reason;
      throw mysqlError(err, this.where, table?.qualified);
    } finally {
      signal.removeEventListener('abort', onAbort);
      // A consumer that stopped early leaves the rest of the result on the wire, and the protocol
      // cannot cancel it: any next command would queue behind it for ever. Drop the connection.
      if (!complete) {
        this.broken = true;
        this.conn.destroy();
      }
    }
    if (batch.length > 0) yield batch;
  }

  private async guard<T>(signal: AbortSignal, table: DbTable | undefined, work: () => Promise<T>): Promise<T> {
    signal.throwIfAborted();
    const onAbort = (): void => this.conn.destroy();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await work();
    } catch (err) {
      if (signal.aborted) throw signal.reason;
      throw mysqlError(err, this.where, table?.qualified);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
}

/** The neutral kind of a column by its information_schema DATA_TYPE (lower case) and COLUMN_TYPE. */
export function columnKind(dataType: string, columnType: string): DbColumnKind {
  const t = dataType.toLowerCase();
  if (/^(char|varchar|tinytext|text|mediumtext|longtext|enum|set|uuid|inet4|inet6)$/.test(t)) return 'text';
  if (t === 'json') return 'json';
  if (/^(tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|real|year)$/.test(t)) return 'number';
  if (/^(binary|varbinary|tinyblob|blob|mediumblob|longblob)$/.test(t) || /\bbinary\b/i.test(columnType)) return 'binary';
  return 'other';
}

/** How messages name the server (as the PostgreSQL driver does): never the user or password. */
function serverName(options: DbOpenOptions): string {
  return `${options.driver === 'mysql' ? 'MySQL' : 'MariaDB'} ${options.host ?? '127.0.0.1'}:${options.port ?? 3306}/${options.database ?? '?'}`;
}

/** A MySQL identifier in backticks (a backtick inside doubled). */
function quoteId(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

/** `(k1 > ?) OR (k1 = ? AND k2 > ?) OR …`: the rows after a key tuple, in a form the range optimizer uses. */
function afterKey(key: ReadonlyArray<string>): string {
  return key
    .map((_, i) => `(${[...key.slice(0, i).map((k) => `${quoteId(k)} = ?`), `${quoteId(key[i] ?? '')} > ?`].join(' AND ')})`)
    .join(' OR ');
}

function afterKeyParams(last: ReadonlyArray<DbValue>): unknown[] {
  return last.flatMap((_, i) => last.slice(0, i + 1)).map(toParam);
}

function toParam(value: DbValue): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value) : value;
}

function jsonPositions(table: DbTable, columns: ReadonlyArray<string>): ReadonlySet<number> {
  const json = new Set(table.columns.filter((c) => c.kind === 'json').map((c) => c.name));
  return new Set(columns.flatMap((c, i) => (json.has(c) ? [i] : [])));
}

function convertRow(row: ReadonlyArray<unknown>, json: ReadonlySet<number>): DbRow {
  if (json.size === 0) return row as DbRow;
  return row.map((v, i) => (json.has(i) && typeof v === 'string' ? parseJson(v) : (v as DbValue)));
}

/** A JSON column's value parsed; a stored text that is not JSON (MariaDB without the CHECK) stays text. */
function parseJson(text: string): DbValue {
  try {
    return JSON.parse(text) as DbValue;
  } catch {
    return text;
  }
}

function run<T = unknown>(conn: Connection, sql: string, params: unknown[] = []): Promise<T> {
  return new Promise((resolve, reject) => conn.query(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T))));
}

function runArrays(conn: Connection, sql: string, params: unknown[]): Promise<unknown[][]> {
  return new Promise((resolve, reject) =>
    conn.query({ sql, values: params, rowsAsArray: true }, (err: QueryError | null, rows: unknown, _fields?: FieldPacket[]) => (err ? reject(err) : resolve(rows as unknown[][]))),
  );
}
