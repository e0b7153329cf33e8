/**
 * The driver-neutral face of a database (docs/ARCHITECTURE.md "Connector interface"): the
 * `database` connector matches rows, follows foreign keys and builds locators; a driver
 * (PostgreSQL, SQLite, MySQL/MariaDB) only connects read-only, lists tables and streams rows.
 * A driver throws DbError for everything the officer must be told; the connector turns it into one
 * line in the source status.
 */

/** What a column holds, as far as matching cares. `binary` columns are never read (named in a warning). */
export type DbColumnKind = 'text' | 'json' | 'array' | 'number' | 'binary' | 'other';

export interface DbColumn {
  readonly name: string;
  /** The type as the server names it (`character varying`, `jsonb`, `INTEGER`), for messages. */
  readonly dataType: string;
  readonly kind: DbColumnKind;
}

export interface DbForeignKey {
  /** Columns of the referencing table, in the order of `referencedColumns`. */
  readonly columns: ReadonlyArray<string>;
  /** The referenced table's qualified name, as in DbTable.qualified. */
  readonly referencedTable: string;
  readonly referencedColumns: ReadonlyArray<string>;
}

export interface DbTable {
  /** Schema (PostgreSQL), database (MySQL) or `main` (SQLite). */
  readonly schema: string;
  readonly name: string;
  /** `schema.name` as the locator and the messages show it (not quoted). */
  readonly qualified: string;
  readonly isView: boolean;
  /** In the table's column order. */
  readonly columns: ReadonlyArray<DbColumn>;
  /** Primary key columns in key order; empty when the table has none (views have none). */
  readonly primaryKey: ReadonlyArray<string>;
  readonly foreignKeys: ReadonlyArray<DbForeignKey>;
}

/**
 * A value as a driver hands it on. `json` columns come parsed (a string when the stored text is not
 * JSON), `array` columns as arrays, big integers and decimals as string or bigint, timestamps as Date.
 */
export type DbValue = string | number | bigint | boolean | null | Date | Uint8Array | ReadonlyArray<DbValue> | { readonly [key: string]: DbValue };

/** One row: the values of the requested columns, in the order they were requested. */
export type DbRow = ReadonlyArray<DbValue>;

/** Which tables listTables returns. */
export interface DbListOptions {
  /** Only these schemas; undefined: every schema the user may use, system schemas excluded. */
  readonly schemas?: ReadonlyArray<string> | undefined;
  /** Include views (default false: a view repeats rows of its tables, or computes new ones). */
  readonly views: boolean;
}

/** Rows to look up by key: the key's columns and the tuples of values wanted (foreign keys, originals). */
export interface DbKeyLookup {
  readonly columns: ReadonlyArray<string>;
  readonly values: ReadonlyArray<ReadonlyArray<DbValue>>;
}

export interface DbSession {
  /** The server and its version, e.g. "PostgreSQL 15.4", "SQLite 3.45.1". */
  describe(): string;
  listTables(options: DbListOptions, signal: AbortSignal): Promise<DbTable[]>;
  /**
   * Every row of `table` in a stable order, in batches of at most `batchSize`: primary key order;
   * without a key, ordered by every column (the driver documents how), so an ordinal found in one
   * run names the same row in the next as long as the table is unchanged. Memory stays flat.
   * A failure on this table (permission, dropped, timeout) throws a DbError naming it; the session
   * stays usable for the next table.
   */
  rows(table: DbTable, columns: ReadonlyArray<string>, batchSize: number, signal: AbortSignal): AsyncIterable<DbRow[]>;
  /**
   * The rows whose `key.columns` equal one of `key.values` (each a tuple in the order of the columns),
   * as `WHERE (k1, k2) IN ((…), …)` in batches; same order rule and errors as rows().
   */
  rowsWhere(table: DbTable, columns: ReadonlyArray<string>, key: DbKeyLookup, batchSize: number, signal: AbortSignal): AsyncIterable<DbRow[]>;
  /**
   * The number of rows of `table` (`SELECT count(*)`), for the Sources screen. Optional: a driver
   * without it shows no counts. A failure throws a DbError like rows().
   */
  countRows?(table: DbTable, signal: AbortSignal): Promise<number>;
  close(): Promise<void>;
}

/** How to reach the database; the password is handed to open() separately and never kept here. */
export interface DbOpenOptions {
  readonly driver: string;
  /** Network drivers. */
  readonly host?: string | undefined;
  readonly port?: number | undefined;
  readonly database?: string | undefined;
  readonly user?: string | undefined;
  /** `off`, `require` (encrypted, certificate not checked) or `verify-full` (with `ca`, an absolute path, or the system's CAs). */
  readonly ssl?: 'off' | 'require' | 'verify-full' | undefined;
  readonly ca?: string | undefined;
  /** File drivers (SQLite): absolute path. */
  readonly path?: string | undefined;
  /** Per statement; a statement running longer is cancelled with DbError kind `timeout`. */
  readonly statementTimeoutMs: number;
}

export interface DbDriver {
  /** Opens a read-only session (PostgreSQL/MySQL: a READ ONLY transaction; SQLite: opened read-only). */
  open(options: DbOpenOptions, password: string | undefined, signal: AbortSignal): Promise<DbSession>;
}

/** Why a database could not be read, told apart for the message and for failed vs partial. */
export type DbErrorKind = 'auth' | 'unreachable' | 'tls' | 'permission' | 'missing-table' | 'timeout' | 'other';

/**
 * A failure a driver explains. `message` is one line without the password, a stack or a query;
 * `table` names the table when the failure concerns one (the source is then partial, not failed).
 */
export class DbError extends Error {
  override readonly name = 'DbError';
  constructor(
    readonly kind: DbErrorKind,
    message: string,
    readonly table?: string,
  ) {
    super(message);
  }
}
