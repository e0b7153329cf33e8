import { z } from 'zod';
import { secretRefSchema, sourceBaseSchema, type SecretRef } from '../connector.js';

/** Drivers the config accepts; drivers.ts has one for each (README "Source type database"). */
export const DB_DRIVER_NAMES = ['postgres', 'sqlite', 'mysql', 'mariadb'] as const;
export type DbDriverName = (typeof DB_DRIVER_NAMES)[number];
const NETWORK_DRIVERS: ReadonlyArray<string> = ['postgres', 'mysql', 'mariadb'];

/** Per statement, seconds. Long enough for a FETCH of a batch on a busy server, short enough that a stuck query fails the table. */
export const DEFAULT_STATEMENT_TIMEOUT_S = 60;

const DEFAULT_PORTS: Readonly<Record<string, number>> = { postgres: 5432, mysql: 3306, mariadb: 3306 };

/**
 * A column override: a role the matcher understands, or `ignore` (a column of someone else's data
 * the officer has judged not to be the subject's, e.g. an employee's email). `name` is a full name.
 */
const dbColumnMappingSchema = z.enum(['email', 'phone', 'customerId', 'name', 'firstName', 'lastName', 'ip', 'date', 'ignore']);
export type DbColumnMapping = z.infer<typeof dbColumnMappingSchema>;

/** A credential by reference only: a literal gets its own message (the workspace file is shared and backed up). */
const passwordSchema = z.unknown().transform((value, ctx): SecretRef => {
  if (typeof value === 'string') {
    ctx.addIssue({ code: 'custom', message: 'a literal password is not allowed: the workspace file is shared and backed up, so secrets never go into it; write { env: VARIABLE } or { keychain: NAME }' });
    return z.NEVER;
  }
  const ref = secretRefSchema.safeParse(value);
  if (!ref.success) {
    ctx.addIssue({ code: 'custom', message: 'password must be { env: VARIABLE } or { keychain: NAME }' });
    return z.NEVER;
  }
  return ref.data;
});

const tableName = z.string().trim().min(1);

export const databaseConfigSchema = sourceBaseSchema
  .extend({
    type: z.literal('database'),
    driver: z.enum(DB_DRIVER_NAMES, { message: `driver must be one of ${DB_DRIVER_NAMES.join(', ')}` }),
    host: z.string().trim().min(1).optional(),
    port: z.number().int().min(1).max(65535).optional(),
    database: z.string().trim().min(1).optional(),
    user: z.string().trim().min(1).optional(),
    password: passwordSchema.optional(),
    /**
     * `off`, `require` (encrypted, certificate unchecked) or `verify-full` (certificate and host name
     * checked against `ca`, or the system's CAs). Required for a host other than loopback: the
     * connection carries the password and the data.
     */
    ssl: z.enum(['off', 'require', 'verify-full'], { message: 'ssl must be off, require or verify-full' }).optional(),
    /** PEM file of the CA for `ssl: verify-full`. */
    ca: z.string().min(1).optional(),
    /** SQLite: the database file, relative to the workspace. Opened read-only. */
    path: z.string().min(1).optional(),
    /** PostgreSQL schema(s) to search; default every schema the user may use (system schemas excluded). */
    schema: z.string().trim().min(1).optional(),
    schemas: z.array(z.string().trim().min(1)).min(1).optional(),
    /** `all` or table names (`customers` or `schema.customers`). */
    tables: z.union([z.literal('all'), z.array(tableName).min(1)]).default('all'),
    exclude: z.array(tableName).default([]),
    /** Search views too (default false). */
    views: z.boolean().default(false),
    /** Table → column → role (or `ignore`), where the column names do not say it. */
    columns: z.record(tableName, z.record(z.string().min(1), dbColumnMappingSchema)).default({}),
    /** Per statement, in seconds (default 60). */
    timeout: z.number().positive().max(3600).default(DEFAULT_STATEMENT_TIMEOUT_S),
  })
  .strict()
  .superRefine((config, ctx) => {
    const issue = (path: string, message: string): void => ctx.addIssue({ code: 'custom', path: [path], message });
    if (config.driver === 'sqlite') {
      if (!config.path) issue('path', 'a sqlite database needs path: the database file');
      for (const field of ['host', 'port', 'database', 'user', 'password', 'ssl', 'ca', 'schema', 'schemas'] as const) {
        if (config[field] !== undefined) issue(field, `${field} does not apply to a sqlite database (it is a file: give path)`);
      }
      return;
    }
    if (config.path !== undefined) issue('path', `path applies only to driver sqlite; a ${config.driver} database is reached by host, database and user`);
    if (!config.host) issue('host', `a ${config.driver} database needs host`);
    if (!config.database) issue('database', `a ${config.driver} database needs database: its name`);
    if (!config.user) issue('user', `a ${config.driver} database needs user (a read-only role)`);
    if (!config.password) issue('password', `a ${config.driver} database needs password: { env: VARIABLE }`);
    if (config.host && config.ssl === undefined && !isLoopback(config.host)) {
      issue('ssl', `${config.host} is not this machine: say ssl: verify-full (or require, or off) so the password does not travel in the clear unnoticed`);
    }
    if (config.ca !== undefined && config.ssl !== 'verify-full') issue('ca', 'ca applies only to ssl: verify-full');
    if (config.schema !== undefined && config.schemas !== undefined) issue('schemas', 'give schema or schemas, not both');
    if (config.driver !== 'postgres' && (config.schema !== undefined || config.schemas !== undefined)) {
      issue('schema', `a ${config.driver} source searches its database; schema applies to postgres only`);
    }
  });

export type DatabaseConfig = z.infer<typeof databaseConfigSchema>;

/** 127.0.0.1, ::1, localhost: the connection does not leave the machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The port actually used: the configured one, or the driver's default. */
export function effectivePort(config: Pick<DatabaseConfig, 'driver' | 'port'>): number | undefined {
  return config.port ?? DEFAULT_PORTS[config.driver];
}

/** The schemas to search, or undefined for every readable one. */
export function configuredSchemas(config: Pick<DatabaseConfig, 'schema' | 'schemas'>): string[] | undefined {
  return config.schemas ? [...config.schemas] : config.schema ? [config.schema] : undefined;
}

/** Whether the driver reaches its database over the network (and needs host, user, password). */
export function isNetworkDriver(driver: string): boolean {
  return NETWORK_DRIVERS.includes(driver);
}
