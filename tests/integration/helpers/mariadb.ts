import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { freePort } from './freePort.js';

/**
 * A throwaway MariaDB (Debian's `mariadbd` 10.11) for integration tests and the db-scan benchmark:
 * a fresh data dir from `mariadb-install-db` in a temp dir, loopback only, on a free port, with real
 * password authentication (never `--skip-grant-tables`: the wrong-password and permission tests
 * need the server to say no). `--no-defaults` everywhere, so /etc/mysql and the system service's
 * data are never read or touched. One instance per test file; vitest runs files in parallel, so every
 * instance has its own port, socket and directory.
 */
export interface MariaDbServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly dir: string;
  /** The mariadbd process, e.g. to read its CPU time from /proc. */
  readonly pid: number;
  /** The database created for the test (`auskunft_test`). */
  readonly database: string;
  /** A user with `GRANT SELECT ON database.*` and nothing else. */
  readonly reader: DbUser;
  /** The server's CA certificate (PEM) when started with `tls: true`, for `ssl: verify-full`. */
  readonly caPem?: string;
  /** Run SQL as root over the Unix socket (multiple statements allowed). */
  root(sql: string, params?: readonly unknown[]): Promise<unknown>;
  /**
   * Create `name` with SELECT on every base table of the database except `denied`, which gets only
   * REFERENCES: it stays listed in information_schema (so a scan sees it and must report it) but
   * cannot be read, like a table a DBA withheld.
   */
  createUserWithout(denied: string, name?: string): Promise<DbUser>;
  /** Stop the server and delete its directory. */
  dispose(): Promise<void>;
  /** The server's error log, for assertion messages. */
  log(): Promise<string>;
}

export interface DbUser {
  readonly user: string;
  readonly password: string;
}

export interface StartMariaDbOptions {
  /** Start with a self-signed CA and server certificate (CN 127.0.0.1), so TLS can be tested. */
  readonly tls?: boolean;
  /** InnoDB buffer pool; the default 64 MB keeps four parallel instances small. */
  readonly bufferPoolMb?: number;
}

const MARIADBD = '/usr/sbin/mariadbd';
const INSTALL_DB = '/usr/bin/mariadb-install-db';
const DATABASE = 'auskunft_test';
const READER: DbUser = { user: 'auskunft_reader', password: 'Lese-Recht 2026!' };
/** mariadbd starts in about a second here; thirty is generous for a loaded CI box. */
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

/**
 * Why MariaDB tests cannot run here, or null when they can. Under CI=true a missing server is an
 * error, not a skip: a green CI run must not hide that the database tests never ran.
 */
export function mariadbMissing(): string | null {
  const missing = [MARIADBD, INSTALL_DB].filter((bin) => {
    try {
      accessSync(bin, constants.X_OK);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return null;
  const reason = `MariaDB is not installed (${missing.join(', ')} missing): apt-get install -y mariadb-server`;
  if (process.env.CI === 'true') throw new Error(reason);
  return reason;
}

/** Start a fresh MariaDB with database `auskunft_test` and the read-only user. */
export async function startMariaDb(options: StartMariaDbOptions = {}): Promise<MariaDbServer> {
  const reason = mariadbMissing();
  if (reason) throw new Error(reason);
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'auskunft-mariadb-'));
  const dataDir = join(dir, 'data');
  const socket = join(dir, 'mysqld.sock');
  const errorLog = join(dir, 'error.log');
  const log = async (): Promise<string> => readFile(errorLog, 'utf8').catch(() => '');

  // As root, mariadbd refuses to run unless told which user to be; root keeps the temp dir's owner.
  const asUser = process.getuid?.() === 0 ? ['--user=root'] : [];
  const install = spawnSync(INSTALL_DB, ['--no-defaults', `--datadir=${dataDir}`, ...asUser, '--auth-root-authentication-method=normal', '--skip-test-db', '--skip-name-resolve'], { encoding: 'utf8' });
  if (install.status !== 0) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`mariadb-install-db failed (exit ${install.status}): ${(install.stderr || install.stdout).trim().slice(-2000)}`);
  }

  let caPem: string | undefined;
  const tlsArgs: string[] = [];
  if (options.tls) {
    caPem = makeCertificates(dir);
    tlsArgs.push(`--ssl-ca=${join(dir, 'ca.pem')}`, `--ssl-cert=${join(dir, 'server.pem')}`, `--ssl-key=${join(dir, 'server-key.pem')}`);
  }

  const args = [
    '--no-defaults',
    `--datadir=${dataDir}`,
    `--socket=${socket}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--pid-file=${join(dir, 'mariadbd.pid')}`,
    `--log-error=${errorLog}`,
    ...asUser,
    '--skip-name-resolve',
    '--skip-log-bin',
    `--innodb-buffer-pool-size=${options.bufferPoolMb ?? 64}M`,
    '--innodb-log-file-size=48M',
    // Test data is thrown away: no fsync per commit makes the 200k-row loads quick.
    '--innodb-flush-log-at-trx-commit=0',
    '--local-infile=1',
    ...tlsArgs,
  ];
  const proc: ChildProcess = spawn(MARIADBD, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  let gone = false;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => ((gone = true), resolve())));

  let admin: mysql.Connection | undefined;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!admin) {
    try {
      admin = await mysql.createConnection({ socketPath: socket, user: 'root', multipleStatements: true });
    } catch {
      if (gone || Date.now() > deadline) {
        proc.kill('SIGKILL');
        const text = `mariadbd did not start on 127.0.0.1:${port}: ${stderr.trim()}\n${(await log()).slice(-3000)}`;
        await rm(dir, { recursive: true, force: true });
        throw new Error(text);
      }
      await sleep(100);
    }
  }
  const conn = admin;
  await conn.query(
    `CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
     CREATE USER '${READER.user}'@'127.0.0.1' IDENTIFIED BY ?;
     GRANT SELECT ON ${DATABASE}.* TO '${READER.user}'@'127.0.0.1';`,
    [READER.password],
  );

  const stop = async (): Promise<void> => {
    await conn.end().catch(() => undefined);
    if (gone) return;
    proc.kill('SIGTERM'); // mariadbd shuts down cleanly on SIGTERM
    const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  let users = 0;
  return {
    host: '127.0.0.1',
    port,
    dir,
    pid: proc.pid ?? 0,
    database: DATABASE,
    reader: READER,
    caPem,
    root: async (sql, params) => (await conn.query(sql, params as unknown[] | undefined))[0],
    createUserWithout: async (denied, name) => {
      const user: DbUser = { user: name ?? `auskunft_partial${++users}`, password: 'Teil-Recht 2026!' };
      const [rows] = await conn.query(`SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'`, [DATABASE]);
      const tables = (rows as { t: string }[]).map((r) => r.t);
      if (!tables.includes(denied)) throw new Error(`createUserWithout: no table ${denied} in ${DATABASE}`);
      await conn.query(`CREATE USER ?@'127.0.0.1' IDENTIFIED BY ?`, [user.user, user.password]);
      for (const t of tables) {
        await conn.query(`GRANT ${t === denied ? 'REFERENCES' : 'SELECT'} ON ${DATABASE}.${quoteId(t)} TO ?@'127.0.0.1'`, [user.user]);
      }
      return user;
    },
    dispose: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
    log,
  };
}

/** A MariaDB identifier in backticks (a backtick inside doubled). */
export function quoteId(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

/**
 * A throwaway CA and a server certificate for 127.0.0.1 (SAN IP), written to `dir`; returns the CA
 * PEM. RSA 2048 keeps openssl under a second.
 */
function makeCertificates(dir: string): string {
  const ssl = (args: string[]): void => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr.trim()}`);
  };
  ssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Auskunft Test CA', '-keyout', 'ca-key.pem', '-out', 'ca.pem']);
  ssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'server-key.pem', '-out', 'server.csr']);
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName = IP:127.0.0.1\n');
  ssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-days', '2', '-out', 'server.pem', '-extfile', 'server.ext']);
  return readFileSync(join(dir, 'ca.pem'), 'utf8');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
