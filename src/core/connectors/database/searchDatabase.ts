import type { Match } from '../../../shared/findings.js';
import type { SubjectQuery } from '../../domain/subjectQuery.js';
import { SourceError, type SearchContext, type SearchEvent } from '../connector.js';
import { dedupeMatches } from '../common/table/scanRow.js';
import { configuredSchemas, type DatabaseConfig } from './databaseConfig.js';
import { BATCH_ROWS, MAX_JSON_VALUES, MAX_REFERENCED_ROWS, PROGRESS_EVERY_ROWS } from './databaseLimits.js';
import { DbError, type DbForeignKey, type DbSession, type DbTable } from './dbDriver.js';
import { asSourceError, listOptions, openDatabase } from './openDatabase.js';
import { ReferenceIndex } from './referenceIndex.js';
import { namesTable, overridesOf, parentsFirst, selectTables } from './selectTables.js';
import { describeFound, readRow, rowLocator, rowMatches, tableReader, type ReadRow, type TableReader } from './tableRows.js';

/**
 * Searches a database: every selected table streamed in its stable order, each row matched as the
 * table connector matches a CSV row, one finding per row. Then one level of foreign keys: a row that
 * references a row concerning the subject concerns the subject too.
 *
 * Nothing is pushed down to the server: every row is read and matched here. A `WHERE` prefilter
 * would have to find every spelling the matcher finds (a phone as "0711 123456" or "+49711123456",
 * a name in NFD or transliterated, an email in any case inside a JSON document), and a LIKE
 * that misses one loses a row silently; reading a table costs a sequential scan, which is cheap.
 * Tables are read parents first (parentsFirst), so a referencing row is matched against the found
 * parent rows in memory as it is read. Only a reference the order cannot serve (a table referencing
 * itself, a cycle) is followed afterwards by the one query that filters, `WHERE (fk columns) IN
 * (values)` with the exact values of the found rows: it cannot lose a row, since a foreign key
 * compares by equality. A row that the later lookup finds but that was already reported keeps its
 * own matches (events are streamed, a reported finding is not amended).
 */
export async function* searchDatabase(config: DatabaseConfig, subject: SubjectQuery, ctx: SearchContext): AsyncGenerator<SearchEvent> {
  const session = await openDatabase(config, ctx);
  try {
    yield* searchSession(session, config, subject, ctx);
  } finally {
    await session.close();
  }
}

async function* searchSession(session: DbSession, config: DatabaseConfig, subject: SubjectQuery, ctx: SearchContext): AsyncGenerator<SearchEvent> {
  let listed: DbTable[];
  try {
    listed = await session.listTables(listOptions(config), ctx.signal);
  } catch (error) {
    throw asSourceError(error);
  }
  for (const schema of configuredSchemas(config) ?? []) {
    if (!listed.some((t) => t.schema === schema)) {
      yield { kind: 'warning', locator: { table: `${schema}.*` }, message: `schema ${schema} has no table this user can read (it does not exist, or the user lacks USAGE on it)`, uncovered: true };
    }
  }
  const { tables, unknown } = selectTables(config, listed);
  for (const name of unknown) {
    const inTables = config.tables !== 'all' && config.tables.includes(name);
    yield { kind: 'warning', locator: { table: name }, message: `table ${name} named in ${inTables ? 'tables' : 'exclude'} is not in the database${config.views ? '' : ' (or is a view: set views: true)'}`, ...(inTables ? { uncovered: true } : {}) };
  }
  // A `columns:` entry for a table that is not there would silently leave its overrides unused.
  for (const name of Object.keys(config.columns)) {
    if (!listed.some((t) => namesTable(name, t))) yield { kind: 'warning', locator: { table: name }, message: `table ${name} named in columns is not in the database` };
  }
  const scan = new DatabaseScan(session, config, subject, ctx, tables);
  yield* scan.run();
}

/** One search over the selected tables; holds the reference index and the counters. */
class DatabaseScan {
  private scanned = 0;
  private readonly references: ReferenceIndex;
  private readonly order: DbTable[];
  private readonly done = new Set<string>();
  /** Keys of rows already reported, for tables whose references are followed afterwards (cycles). */
  private readonly reported = new Map<string, Set<string>>();
  private readonly readers = new Map<string, TableReader>();

  constructor(
    private readonly session: DbSession,
    private readonly config: DatabaseConfig,
    private readonly subject: SubjectQuery,
    private readonly ctx: SearchContext,
    tables: ReadonlyArray<DbTable>,
  ) {
    this.references = new ReferenceIndex(tables);
    this.order = parentsFirst(tables);
    const position = new Map(this.order.map((t, i) => [t.qualified, i] as const));
    for (const t of this.order) {
      if (t.foreignKeys.some((fk) => (position.get(fk.referencedTable) ?? -1) >= position.get(t.qualified)!)) this.reported.set(t.qualified, new Set());
    }
  }

  async *run(): AsyncGenerator<SearchEvent> {
    for (const table of this.order) {
      yield* this.guarded(table, this.scanTable(table));
      this.done.add(table.qualified);
    }
    // References the order could not put after their parent: a cycle, or a table referencing itself.
    for (const table of this.order) {
      for (const fk of table.foreignKeys) {
        if (!this.reported.has(table.qualified) || !this.done.has(fk.referencedTable) || !this.references.hasRows(fk)) continue;
        if (this.order.indexOf(this.order.find((t) => t.qualified === fk.referencedTable)!) < this.order.indexOf(table)) continue;
        yield* this.guarded(table, this.followLater(table, fk));
      }
    }
    this.ctx.progress({ scanned: this.scanned });
  }

  /** A failure of one table (permission, dropped, timeout) is a gap in that table; a lost server ends the source. */
  private async *guarded(table: DbTable, events: AsyncGenerator<SearchEvent>): AsyncGenerator<SearchEvent> {
    try {
      yield* events;
    } catch (error) {
      this.ctx.signal.throwIfAborted();
      if (error instanceof DbError && error.table && error.kind !== 'unreachable' && error.kind !== 'auth') {
        yield { kind: 'warning', locator: { table: table.qualified }, message: error.message, uncovered: true };
        return;
      }
      throw asSourceError(error);
    }
  }

  private reader(table: DbTable): TableReader {
    let reader = this.readers.get(table.qualified);
    if (!reader) this.readers.set(table.qualified, (reader = tableReader(table, overridesOf(this.config, table))));
    return reader;
  }

  private async *scanTable(table: DbTable): AsyncGenerator<SearchEvent> {
    const reader = this.reader(table);
    const at = { table: table.qualified };
    if (reader.skipped.length) {
      yield { kind: 'warning', locator: at, message: `binary column ${reader.skipped.map((c) => `${c.name} (${c.dataType})`).join(', ')} not searched: it holds bytes, not text` };
    }
    for (const name of reader.unknownColumns) yield { kind: 'warning', locator: at, message: `column "${name}" named in columns: is not a column of ${table.qualified}` };
    if (table.primaryKey.length && !reader.keyIndexes.length) {
      yield { kind: 'warning', locator: at, message: `the primary key of ${table.qualified} is a binary column: its rows are named by their place in the table instead` };
    }
    const referenced = this.references.referencedColumns(table.qualified).map((cols) => ({ cols, idx: cols.map((c) => reader.columns.findIndex((x) => x.name === c)) }));
    // References to a parent read before this table, matched as each row is read.
    const parents = table.foreignKeys
      .filter((fk) => this.done.has(fk.referencedTable) && this.references.hasRows(fk))
      .map((fk) => ({ fk, idx: fk.columns.map((c) => reader.columns.findIndex((x) => x.name === c)) }))
      .filter((p) => p.idx.every((i) => i >= 0));
    const reported = this.reported.get(table.qualified);
    let ordinal = 0;
    let truncatedWarned = false;
    let overflowWarned = false;
    this.ctx.progress({ scanned: this.scanned, detail: table.qualified });
    for await (const batch of this.session.rows(table, reader.columns.map((c) => c.name), BATCH_ROWS, this.ctx.signal)) {
      const events: SearchEvent[] = [];
      for (const values of batch) {
        ordinal++;
        if (++this.scanned % PROGRESS_EVERY_ROWS === 0) this.ctx.progress({ scanned: this.scanned, detail: table.qualified });
        const row = readRow(reader, values);
        const matches = rowMatches(reader, row, this.subject);
        for (const p of parents) matches.push(...this.references.matchesThrough(p.fk, p.idx.map((i) => row.cells.display[i] ?? '')));
        if (row.cells.truncated && !truncatedWarned) {
          truncatedWarned = true;
          events.push({ kind: 'warning', locator: at, message: `a JSON value of ${table.qualified} holds more than ${MAX_JSON_VALUES} values; only the first were searched`, uncovered: true });
        }
        if (!matches.length) continue;
        const unique = dedupeMatches(matches);
        for (const r of referenced) {
          if (r.idx.some((i) => i < 0)) continue;
          if (!this.references.remember(table.qualified, r.cols, r.idx.map((i) => row.cells.display[i] ?? ''), unique) && !overflowWarned) {
            overflowWarned = true;
            events.push({ kind: 'warning', locator: at, message: `more than ${MAX_REFERENCED_ROWS} rows of ${table.qualified} concern the subject: rows of other tables referencing the rest were not followed`, uncovered: true });
          }
        }
        events.push(this.finding(reader, row, unique, ordinal, reported));
      }
      for (const event of events) yield event;
    }
  }

  /** The rows of `table` referencing, through `fk`, rows of a table read after it; those found directly are already reported. */
  private async *followLater(table: DbTable, fk: DbForeignKey): AsyncGenerator<SearchEvent> {
    const reader = this.reader(table);
    if (!reader.keyIndexes.length) {
      yield { kind: 'warning', locator: { table: table.qualified }, message: `rows of ${table.qualified} referencing ${fk.referencedTable} were not followed: the table has no primary key to name them by`, uncovered: true };
      return;
    }
    const idx = fk.columns.map((c) => reader.columns.findIndex((x) => x.name === c));
    if (idx.some((i) => i < 0)) return;
    const reported = this.reported.get(table.qualified) ?? new Set<string>();
    const tuples = this.references.tuples(fk);
    for await (const batch of this.session.rowsWhere(table, reader.columns.map((c) => c.name), { columns: fk.columns, values: tuples }, BATCH_ROWS, this.ctx.signal)) {
      const events: SearchEvent[] = [];
      for (const values of batch) {
        const row = readRow(reader, values);
        const matches = this.references.matchesThrough(fk, idx.map((i) => row.cells.display[i] ?? ''));
        if (!matches.length) continue;
        const locator = rowLocator(reader, row, 0);
        if (reported.has(JSON.stringify(locator.key))) continue;
        events.push(this.finding(reader, row, dedupeMatches(matches), 0, reported));
      }
      for (const event of events) yield event;
    }
  }

  private finding(reader: TableReader, row: ReadRow, matches: Match[], ordinal: number, reported: Set<string> | undefined): SearchEvent {
    const locator = rowLocator(reader, row, ordinal);
    if (locator.key) reported?.add(JSON.stringify(locator.key));
    const found = describeFound(reader, row, matches, locator);
    return { kind: 'finding', locator, matches: found.matches, title: found.title, date: found.date, record: { kind: 'row', fields: found.fields } };
  }
}

/** For check(): the tables the search would read. */
export async function listSearchedTables(session: DbSession, config: DatabaseConfig, signal: AbortSignal): Promise<DbTable[]> {
  try {
    return selectTables(config, await session.listTables(listOptions(config), signal)).tables;
  } catch (error) {
    throw error instanceof SourceError ? error : asSourceError(error);
  }
}
