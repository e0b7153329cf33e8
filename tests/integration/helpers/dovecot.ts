import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from './freePort.js';

/**
 * A throwaway Dovecot (Debian `dovecot-imapd` 2.3) for integration tests, configured from
 * /work/shared/dovecot-test.conf: loopback only, plaintext auth (acceptable only because nothing
 * leaves 127.0.0.1), maildir in a fresh temp dir. One instance per test file; vitest runs files in
 * parallel, so every instance gets its own port, directory and `instance_name`.
 */
export interface DovecotServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly dir: string;
  readonly user: string;
  readonly password: string;
  /** Start again after `stop()` (same port, same mail). */
  start(): Promise<void>;
  /** SIGTERM to the master by pid; Dovecot then ends its imap/login children, dropping every session. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Stop and delete the temp dir. */
  dispose(): Promise<void>;
  /** Dovecot's own log, for assertion messages. */
  log(): Promise<string>;
}

const USER = 'office';
const PASSWORD = 'secret';
/** Dovecot starts in under 1.5 s here (LIBRARIES.md); ten is generous for a loaded CI box. */
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

/** The config template as shipped in /work/shared/dovecot-test.conf; inlined so the tests do not depend on that path. */
const CONFIG_TEMPLATE = `base_dir = @DIR@/run
state_dir = @DIR@/state
instance_name = test-@PORT@
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = @DIR@/dovecot.log
default_internal_user = dovecot
default_internal_group = nogroup
default_login_user = dovenull
first_valid_uid = 1
mail_location = maildir:@DIR@/mail/%u/Maildir
mail_uid = nobody
mail_gid = nogroup
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u @DIR@/users
}
userdb {
  driver = static
  args = home=@DIR@/mail/%u
}
namespace inbox {
  inbox = yes
  separator = /
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = @PORT@
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
`;

/** Whether the `dovecot` binary is installed (CI: `apt-get install -y dovecot-imapd`). */
export function dovecotInstalled(): boolean {
  return spawnSync('dovecot', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Start a fresh Dovecot on a free loopback port with one user, `office` / `secret`. */
export async function startDovecot(): Promise<DovecotServer> {
  if (!dovecotInstalled()) throw new Error('dovecot is not installed: apt-get install -y dovecot-imapd');
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'auskunft-dovecot-'));
  // mkdtemp makes the dir 0700; the mail processes run as `nobody` and must reach mail/ below it.
  await chmod(dir, 0o755);
  await Promise.all(['run', 'state', 'mail'].map((d) => mkdir(join(dir, d))));
  await chmod(join(dir, 'mail'), 0o777);
  await writeFile(join(dir, 'users'), `${USER}:{PLAIN}${PASSWORD}\n`);
  const conf = join(dir, 'dovecot.conf');
  await writeFile(conf, CONFIG_TEMPLATE.replaceAll('@DIR@', dir).replaceAll('@PORT@', String(port)));

  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const log = async (): Promise<string> => readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => '');

  const start = async (): Promise<void> => {
    if (child) return;
    // Its own process group (pgid = the master's pid), so stop() can end the session processes
    // with the master: Dovecot's master exits on SIGTERM but leaves running imap processes
    // serving their clients, which is not what a server going down looks like.
    const proc = spawn('dovecot', ['-F', '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    child = proc;
    let gone = false;
    void exited.then(() => {
      gone = true;
      if (child === proc) child = null;
    });
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await greets(port))) {
      if (gone || Date.now() > deadline) {
        if (proc.pid) killGroup(-proc.pid, 'SIGKILL');
        throw new Error(`dovecot did not start on 127.0.0.1:${port}: ${stderr.trim()}\n${await log()}`);
      }
      await sleep(50);
    }
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    if (!proc?.pid) return;
    const group = -proc.pid;
    process.kill(group, 'SIGTERM');
    const timer = setTimeout(() => killGroup(group, 'SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    child = null;
    killGroup(group, 'SIGKILL'); // session processes that ignored SIGTERM
    // The master is gone; wait until its children let go of the listening port too.
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while ((await greets(port)) && Date.now() < deadline) await sleep(50);
  };

  await start();
  return {
    host: '127.0.0.1',
    port,
    dir,
    user: USER,
    password: PASSWORD,
    start,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    dispose: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
    log,
  };
}

/** Upload messages with APPEND (creating the mailboxes, nested and non-ASCII ones too); returns the UIDs per mailbox. */
export async function appendMessages(server: DovecotServer, byMailbox: Readonly<Record<string, ReadonlyArray<string | Buffer>>>): Promise<Record<string, number[]>> {
  const client = new ImapFlow({ host: server.host, port: server.port, secure: false, doSTARTTLS: false, auth: { user: server.user, pass: server.password }, logger: false, disableAutoIdle: true });
  await client.connect();
  const uids: Record<string, number[]> = {};
  try {
    for (const [mailbox, messages] of Object.entries(byMailbox)) {
      if (mailbox.toUpperCase() !== 'INBOX') await client.mailboxCreate(mailbox);
      const list: number[] = [];
      for (const message of messages) {
        const res = await client.append(mailbox, message);
        if (!res || !res.uid) throw new Error(`APPEND to ${mailbox} returned no UID`);
        list.push(res.uid);
      }
      uids[mailbox] = list;
    }
  } finally {
    await client.logout();
  }
  return uids;
}

/** Whether an IMAP greeting (`* OK`) arrives on the port: listening alone is not "ready". */
async function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (d: Buffer) => done(d.toString('latin1').startsWith('* OK')));
  });
}

/** Signal a process group we started; it may already be gone. */
function killGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(group, signal);
  } catch {
    // ESRCH: nothing left in the group
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
