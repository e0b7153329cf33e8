import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL for bench/db-scan: initdb in a temp dir, loopback only, a free port,
 * scram-sha-256 logins, fsync off (the data is thrown away). As root it runs as the `postgres`
 * system user (initdb and postgres refuse root). The system cluster is never touched.
 */
export interface PostgresServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** The postmaster; its children (the backends) are counted in its cutime once they exit. */
  readonly pid: number;
  readonly database: string;
  readonly reader: { readonly user: string; readonly password: string };
  /** Run SQL as the superuser. */
  query(sql: string): Promise<void>;
  dispose(): Promise<void>;
}

const BIN = '/usr/lib/postgresql/15/bin';
const SUPER_PASSWORD = 'bench-super';
const DATABASE = 'auskunft_bench';
const READER = { user: 'auskunft_reader', password: 'Lese-Recht 2026!' };

/** Why PostgreSQL cannot be started here, or null. */
export function postgresMissing(): string | null {
  return spawnSync(join(BIN, 'postgres'), ['--version'], { stdio: 'ignore' }).status === 0 ? null : `PostgreSQL 15 is not installed (${BIN}/postgres): apt-get install -y postgresql`;
}

export async function startPostgres(): Promise<PostgresServer> {
  const reason = postgresMissing();
  if (reason) throw new Error(reason);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'auskunft-postgres-'));
  const asRoot = process.getuid?.() === 0;
  // Run as the postgres user directly (spawn's uid/gid), not via runuser, so signals reach postgres itself.
  const ids = asRoot ? { uid: uidOf('postgres'), gid: gidOf('postgres') } : {};
  if (asRoot) {
    chmodSync(dir, 0o755);
    chownSync(dir, ids.uid ?? 0, ids.gid ?? 0);
  }
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${SUPER_PASSWORD}\n`);
  if (asRoot) chownSync(pwfile, ids.uid ?? 0, ids.gid ?? 0);
  const data = join(dir, 'data');
  const init = spawnSync(join(BIN, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], { encoding: 'utf8', cwd: dir, ...ids });
  if (init.status !== 0) throw new Error(`initdb failed: ${(init.stderr || init.stdout).trim().slice(-1500)}`);
  const args = ['-D', data, '-k', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'shared_buffers=64MB'];
  const proc: ChildProcess = spawn(join(BIN, 'postgres'), args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir, ...ids });
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-3000)));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));

  const superClient = async (database = 'postgres'): Promise<pg.Client> => {
    const c = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: SUPER_PASSWORD, database });
    await c.connect();
    return c;
  };
  let admin: pg.Client | undefined;
  const deadline = Date.now() + 30_000;
  while (!admin) {
    try {
      admin = await superClient();
    } catch {
      if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`postgres did not start: ${stderr.trim()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.query(`CREATE ROLE ${READER.user} LOGIN PASSWORD '${READER.password.replaceAll("'", "''")}'`);
  await admin.end();
  const db = await superClient(DATABASE);
  await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO ${READER.user}`);
  return {
    host: '127.0.0.1',
    port,
    pid: proc.pid ?? 0,
    database: DATABASE,
    reader: READER,
    query: async (sql) => void (await db.query(sql)),
    dispose: async () => {
      await db.end().catch(() => undefined);
      proc.kill('SIGINT'); // fast shutdown
      const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function uidOf(user: string): number {
  return Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
}
function gidOf(user: string): number {
  return Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}
