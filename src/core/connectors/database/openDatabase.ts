import { SourceError, type OriginalContext } from '../connector.js';
import { configuredSchemas, effectivePort, isNetworkDriver, type DatabaseConfig } from './databaseConfig.js';
import { DbError, type DbSession } from './dbDriver.js';
import { DB_DRIVERS } from './drivers.js';

/**
 * Opens the source's database read-only. The password is resolved here, handed to the driver and
 * dropped: it is never kept in the session, a message or a log. Every failure is a SourceError with
 * one line (the source is `failed`).
 */
export async function openDatabase(config: DatabaseConfig, ctx: Pick<OriginalContext, 'signal' | 'resolvePath' | 'resolveSecret'>): Promise<DbSession> {
  const driver = await DB_DRIVERS[config.driver]();
  const password = isNetworkDriver(config.driver) && config.password ? await ctx.resolveSecret(config.password) : undefined;
  try {
    return await driver.open(
      {
        driver: config.driver,
        host: config.host,
        port: effectivePort(config),
        database: config.database,
        user: config.user,
        ssl: config.ssl ?? (isNetworkDriver(config.driver) ? 'off' : undefined),
        ca: config.ca === undefined ? undefined : ctx.resolvePath(config.ca),
        path: config.path === undefined ? undefined : ctx.resolvePath(config.path),
        statementTimeoutMs: config.timeout * 1000,
      },
      password,
      ctx.signal,
    );
  } catch (error) {
    throw asSourceError(error);
  }
}

/** A driver's DbError (or anything else) as the one line the source status shows. */
export function asSourceError(error: unknown): Error {
  if (error instanceof SourceError) return error;
  if (error instanceof DbError) return new SourceError(error.message);
  if (error instanceof Error && error.name === 'AbortError') return error;
  return new SourceError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
}

/** The list options from the config. */
export function listOptions(config: DatabaseConfig): { schemas: string[] | undefined; views: boolean } {
  return { schemas: configuredSchemas(config), views: config.views };
}
