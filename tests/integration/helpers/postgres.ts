import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './freePort.js';

/**
 * A throwaway PostgreSQL (Debian's 15) for integration tests: initdb into a fresh temp dir owned by
 * the `postgres` user (PostgreSQL refuses to run as root), started on a free port on 127.0.0.1 with
 * its socket in that dir, fsync off (a test server keeps nothing). The system service is never
 * touched. Logins over TCP need a password (scram-sha-256), so a wrong one is really refused; the
 * tests' own admin connection uses the socket (trust). TLS is on with a self-signed certificate for
 * 127.0.0.1, and the role `tls_only` may log in only encrypted.
 */
export interface PostgresServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly dir: string;
  /** The CA (the self-signed certificate itself) for ssl: verify-full. */
  readonly caFile: string;
  /** Runs SQL as the superuser in `database` (default `postgres`). */
  admin(sql: string, database?: string): Promise<pg.QueryResult>;
  /** A superuser client on `database`, for tests that hold a transaction open. */
  adminClient(database?: string): Promise<pg.Client>;
  dispose(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;

/** The newest installed PostgreSQL's bin dir, or undefined. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/**
 * Why the PostgreSQL tests cannot run here, or undefined when they can. Under CI the binaries must
 * be there: a missing server then fails the tests instead of skipping them.
 */
export function postgresMissing(): string | undefined {
  if (postgresBinDir()) return undefined;
  const reason = 'PostgreSQL is not installed (apt-get install -y postgresql): the database tests against PostgreSQL are skipped';
  if (process.env['CI'] === 'true') throw new Error(`${reason}, which CI does not allow`);
  return reason;
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql');
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'auskunft-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? postgresIds() : undefined;
  const run = (command: string, args: string[]): string[] => (asRoot ? ['runuser', '-u', 'postgres', '--', command, ...args] : [command, ...args]);
  if (ids) await chown(dir, ids.uid, ids.gid);
  await chmod(dir, 0o700);

  // A self-signed certificate for 127.0.0.1 (also its own CA for verify-full).
  const cert = join(dir, 'server.crt');
  const key = join(dir, 'server.key');
  const openssl = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { encoding: 'utf8' });
  const tls = openssl.status === 0;
  if (tls) {
    await chmod(key, 0o600);
    if (ids) {
      await chown(key, ids.uid, ids.gid);
      await chown(cert, ids.uid, ids.gid);
    }
  }

  const pwfile = join(dir, 'pw');
  await writeFile(pwfile, 'admin-secret\n');
  if (ids) await chown(pwfile, ids.uid, ids.gid);
  const [initCmd, ...initArgs] = run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', `--pwfile=${pwfile}`, '-A', 'scram-sha-256', '--auth-local=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const init = spawnSync(initCmd!, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  await writeFile(
    join(data, 'pg_hba.conf'),
    ['local all all trust', 'hostnossl all tls_only 127.0.0.1/32 reject', 'host all all 127.0.0.1/32 scram-sha-256', ''].join('\n'),
  );

  const settings = ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=40'];
  if (tls) settings.push('-c', 'ssl=on', '-c', `ssl_cert_file=${cert}`, '-c', `ssl_key_file=${key}`);
  const [cmd, ...args] = run(join(bin, 'postgres'), ['-D', data, '-k', dir, '-p', String(port), ...settings]);
  const child: ChildProcess = spawn(cmd!, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));

  const adminClient = async (database = 'postgres'): Promise<pg.Client> => {
    const client = new pg.Client({ host: dir, port, user: 'postgres', database });
    await client.connect();
    return client;
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    try {
      const c = await adminClient();
      await c.end();
      break;
    } catch {
      if (gone || Date.now() > deadline) {
        if (child.pid) killGroup(-child.pid, 'SIGKILL');
        throw new Error(`postgres did not start on 127.0.0.1:${port}: ${log}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  return {
    host: '127.0.0.1',
    port,
    dir,
    caFile: cert,
    adminClient,
    async admin(sql, database = 'postgres') {
      const c = await adminClient(database);
      try {
        return await c.query(sql);
      } finally {
        await c.end();
      }
    },
    async dispose() {
      if (child.pid && !gone) {
        // SIGINT: "fast shutdown", ends client sessions too.
        killGroup(-child.pid, 'SIGINT');
        const timer = setTimeout(() => child.pid && killGroup(-child.pid, 'SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function postgresIds(): { uid: number; gid: number } {
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (id.status !== 0) throw new Error('there is no postgres user to run the test server as');
  return { uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function killGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(group, signal);
  } catch {
    // ESRCH: already gone
  }
}
