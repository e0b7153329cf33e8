import { runCheck } from '../common/check.js';
import { SourceError, type Connector } from '../connector.js';
import { databaseConfigSchema, type DatabaseConfig } from './databaseConfig.js';
import { openDatabase } from './openDatabase.js';
import { readDatabaseOriginal } from './readDatabaseOriginal.js';
import { listSearchedTables, searchDatabase } from './searchDatabase.js';

/**
 * A database (PostgreSQL, SQLite; MySQL/MariaDB through their driver), read-only: every selected
 * table streamed in a stable order, one finding per row that concerns the subject, matched as the
 * table connector matches a CSV row; rows referencing such a row (one level of foreign keys) too.
 * Locator `{ table, key }` by primary key, else `{ table, row, hash }`.
 */
export const databaseConnector: Connector<DatabaseConfig> = {
  type: 'database',
  configSchema: databaseConfigSchema,

  check: (config, ctx) =>
    runCheck(async () => {
      const session = await openDatabase(config, ctx);
      try {
        const tables = await listSearchedTables(session, config, ctx.signal);
        return `${session.describe()}, ${tables.length} ${tables.length === 1 ? 'Tabelle' : 'Tabellen'} lesbar (schreibgeschützt verbunden)`;
      } finally {
        await session.close();
      }
    }),

  search: (config, subject, ctx) => searchDatabase(config, subject, ctx),

  async readOriginal(config, locator, ctx) {
    if (locator.table === undefined) throw new SourceError('this locator names no database table');
    return readDatabaseOriginal(config, locator, ctx);
  },
};
