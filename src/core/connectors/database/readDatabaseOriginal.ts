import type { Locator } from '../../../shared/findings.js';
import type { OriginalContext, OriginalFile } from '../connector.js';
import type { DatabaseConfig } from './databaseConfig.js';
import { BATCH_ROWS } from './databaseLimits.js';
import type { DbRow, DbSession, DbTable, DbValue } from './dbDriver.js';
import { asSourceError, listOptions, openDatabase } from './openDatabase.js';
import { overridesOf } from './selectTables.js';
import { locatorLabel, readRow, rowLocator, tableReader } from './tableRows.js';

/**
 * The row of a finding as a JSON file for the package (Art. 15(3)), re-read by its key, or by its
 * place in the stable order for a table without one. Null when the row is gone or its values
 * changed since the search (the hash differs): the export then ships the row as found, never a row
 * that may now hold someone else's data.
 */
export async function readDatabaseOriginal(config: DatabaseConfig, locator: Locator, ctx: OriginalContext): Promise<OriginalFile | null> {
  return (await readDatabaseOriginals(config, [locator], ctx))[0]!;
}

/** The originals of several rows over one connection and one table listing, in the order of `locators`. */
export async function readDatabaseOriginals(config: DatabaseConfig, locators: ReadonlyArray<Locator>, ctx: OriginalContext): Promise<Array<OriginalFile | null>> {
  const session = await openDatabase(config, ctx);
  try {
    const tables = await session.listTables(listOptions(config), ctx.signal);
    const out: Array<OriginalFile | null> = [];
    for (const locator of locators) {
      const table = tables.find((t) => t.qualified === locator.table);
      out.push(table ? await readOne(session, config, table, locator, ctx.signal) : null);
    }
    return out;
  } catch (error) {
    throw asSourceError(error);
  } finally {
    await session.close();
  }
}

async function readOne(session: DbSession, config: DatabaseConfig, table: DbTable, locator: Locator, signal: AbortSignal): Promise<OriginalFile | null> {
  const reader = tableReader(table, overridesOf(config, table));
  const names = reader.columns.map((c) => c.name);
  let found: DbRow | undefined;
  if (locator.key) {
    if (!reader.keyIndexes.length) return null;
    const values = table.primaryKey.map((k) => locator.key![k]);
    if (values.some((v) => v === undefined)) return null;
    for await (const batch of session.rowsWhere(table, names, { columns: table.primaryKey, values: [values.map((v) => String(v))] }, BATCH_ROWS, signal)) {
      found ??= batch[0];
    }
  } else if (locator.row !== undefined) {
    let ordinal = 0;
    for await (const batch of session.rows(table, names, BATCH_ROWS, signal)) {
      if (ordinal + batch.length >= locator.row) {
        found = batch[locator.row - ordinal - 1];
        break;
      }
      ordinal += batch.length;
    }
  }
  if (!found) return null;
  const row = readRow(reader, found);
  const now = rowLocator(reader, row, locator.row ?? 0);
  if (locator.hash !== undefined && now.hash !== locator.hash) return null;
  const json = {
    table: table.qualified,
    ...(now.key ? { key: now.key } : { row: locator.row }),
    values: Object.fromEntries(reader.columns.map((c, i) => [c.name, valueOf(found[i] ?? null, row.cells.display[i] ?? '', row.cells.structured.has(i))])),
    ...(reader.skipped.length ? { notIncluded: reader.skipped.map((c) => `${c.name} (${c.dataType}): binary, not read`) } : {}),
  };
  return { filename: `${table.qualified} ${locatorLabel(now)}.json`, bytes: Buffer.from(`${JSON.stringify(json, null, 2)}\n`, 'utf8') };
}

/** A JSON document as itself, everything else as the text the finding shows. */
function valueOf(value: DbValue, text: string, structured: boolean): unknown {
  if (value === null) return null;
  if (structured) return typeof value === 'string' ? (JSON.parse(value) as unknown) : JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
  return text;
}

