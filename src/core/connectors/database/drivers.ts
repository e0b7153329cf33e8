import type { DbDriverName } from './databaseConfig.js';
import type { DbDriver } from './dbDriver.js';

/**
 * The database drivers by the `driver` a source names, each loaded on first use (pg or
 * better-sqlite3 load only for a workspace that has such a source). Keyed by every driver name the
 * config schema accepts, so a name without a driver does not compile.
 */
export const DB_DRIVERS: Readonly<Record<DbDriverName, () => Promise<DbDriver>>> = {
  postgres: async () => (await import('./postgresDriver.js')).postgresDriver,
  sqlite: async () => (await import('./sqliteDriver.js')).sqliteDriver,
  mysql: async () => (await import('./mysqlDriver.js')).mysqlDriver,
  mariadb: async () => (await import('./mysqlDriver.js')).mysqlDriver,
};
