import { chmod, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DovecotServer } from '../../helpers/dovecot.js';

/** The test user's Maildir root in a harness Dovecot (`mail_location` in helpers/dovecot.ts). */
export function maildirOf(server: Pick<DovecotServer, 'dir' | 'user'>, mailbox = 'INBOX'): string {
  const root = join(server.dir, 'mail', server.user, 'Maildir');
  // Maildir++ keeps other mailboxes in ".Name" folders, with "." for the "/" separator.
  return mailbox.toUpperCase() === 'INBOX' ? root : join(root, `.${mailbox.replaceAll('/', '.')}`);
}

/**
 * Make one message file unreadable for Dovecot's mail user (`nobody`; the tests run as the file's
 * owner). Dovecot, unable to open it, ends the whole session on FETCH of that message.
 */
export async function breakMessageFile(maildir: string, uid: number): Promise<void> {
  const uidlist = await readFile(join(maildir, 'dovecot-uidlist'), 'utf8');
  const line = uidlist.split('\n').find((l) => l.startsWith(`${uid} `));
  if (!line) throw new Error(`UID ${uid} not in dovecot-uidlist`);
  const base = line.slice(line.indexOf(':') + 1).trim();
  for (const sub of ['new', 'cur']) {
    for (const file of await readdir(join(maildir, sub))) {
      if (file.startsWith(base)) return chmod(join(maildir, sub, file), 0o000);
    }
  }
  throw new Error(`message file ${base} not found`);
}
