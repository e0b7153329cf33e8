import type { DbDriver } from './dbDriver.js';

/**
 * The database drivers by the `driver` a source names, each loaded on first use (pg or
 * better-sqlite3 load only for a workspace that has such a source). A driver named in the config
 * schema but missing here fails its source with one line (see databaseConnector).
 */
export const DB_DRIVERS: Readonly<Record<string, () => Promise<DbDriver>>> = {
  postgres: async () => (await import('./postgresDriver.js')).postgresDriver,
  sqlite: async () => (await import('./sqliteDriver.js')).sqliteDriver,
  mysql: async () => (await import('./mysqlDriver.js')).mysqlDriver,
  mariadb: async () => (await import('./mysqlDriver.js')).mysqlDriver,
};
