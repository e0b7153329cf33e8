import type { Locator } from '../../../shared/findings.js';
import { SourceError, type OriginalContext, type OriginalFile } from '../connector.js';
import { messageIdOf } from '../common/mail/mailOriginal.js';
import { MAX_MESSAGE_BYTES } from '../common/mail/mailLimits.js';
import { describeImapError } from './imapErrors.js';
import type { ImapConfig } from './imapConfig.js';
import { ImapConnectError, ImapSession, resolveAuth, type ImapAuth } from './imapSession.js';

/**
 * The raw RFC 822 source of one found message, fetched by UID (RFC 3501 §6.4.8 UID FETCH … BODY[]),
 * for the package's `files/`. The mailbox is opened read-only (EXAMINE), so the export never sets
 * \Seen on the officer's mail.
 *
 * A UID names a message only together with the mailbox's UIDVALIDITY (RFC 3501 §2.3.1.1): when the
 * server renumbered the mailbox since the search, the UID may now be another person's message, so
 * this fails with a clear error (search the case again) instead of guessing. A message that is gone
 * or whose Message-ID differs gives null: the export ships the record as found and says so. A server
 * that cannot be reached fails the export too, with the reason: an export without originals that
 * could be had a minute later is not what the officer wants to send.
 */
export async function readImapOriginal(config: ImapConfig, locator: Locator, ctx: OriginalContext): Promise<OriginalFile | null> {
  const { mailbox, uid } = locator;
  if (mailbox === undefined || uid === undefined) return null;
  const auth = await resolveAuth(config, ctx);
  return withSharedSession(config, auth, ctx.signal, (session) => fetchOriginal(session, mailbox, uid, locator, ctx));
}

async function fetchOriginal(session: ImapSession, mailbox: string, uid: number, locator: Locator, ctx: OriginalContext): Promise<OriginalFile | null> {
  try {
    const client = await session.client();
    const box = await client.mailboxOpen(mailbox, { readOnly: true }).catch((err: unknown) => {
      ctx.signal.throwIfAborted();
      if (!session.usable) throw err;
      return null; // NO: the mailbox was deleted or renamed since the search.
    });
    if (box === null) return null;
    if (locator.uidValidity !== undefined && BigInt(locator.uidValidity) !== box.uidValidity) {
      throw new SourceError(
        `mailbox "${mailbox}" on ${session.endpoint} was renumbered by the server since the search (UIDVALIDITY ${locator.uidValidity} → ${box.uidValidity}): ` +
          `UID ${uid} may now be another message; search the case again to export this message's original`,
      );
    }
    const row = await client.fetchOne(String(uid), { uid: true, size: true, source: true }, { uid: true });
    if (!row || !row.source || row.source.length > MAX_MESSAGE_BYTES) return null;
    if (locator.messageId !== undefined && messageIdOf(row.source) !== locator.messageId) return null;
    return { filename: `${locator.messageId ?? `${mailbox}-${uid}`}.eml`, bytes: row.source };
  } catch (err) {
    ctx.signal.throwIfAborted();
    if (err instanceof SourceError) throw err;
    session.drop();
    const reason = err instanceof ImapConnectError ? err.message : `${session.endpoint}: ${describeImapError(err)}`;
    const message = `cannot fetch message UID ${uid} of "${mailbox}" for its original: ${reason}`;
    throw err instanceof ImapConnectError && (err.failure === 'auth' || err.failure === 'tls') ? new LoginRefusedError(message) : new SourceError(message);
  }
}

/** The server refused the login or the TLS handshake: asking again cannot help. */
class LoginRefusedError extends SourceError {}

interface SharedSession {
  readonly session: ImapSession;
  /** The end of the queue: reads on one connection run one after another (one selected mailbox). */
  tail: Promise<void>;
  users: number;
  /** Login or TLS refused: the reads still queued fail with it instead of logging in again. */
  refused?: SourceError;
}

/**
 * One connection per account for the reads that overlap: the export asks for several originals at
 * once, and a login per message would be slow and can exceed the server's connections per user
 * (Dovecot: mail_max_userip_connections, 10 by default). The connection is logged out as soon as no
 * read is waiting, so nothing stays open after the export.
 */
const shared = new Map<string, SharedSession>();

async function withSharedSession<T>(config: ImapConfig, auth: ImapAuth, signal: AbortSignal, read: (session: ImapSession) => Promise<T>): Promise<T> {
  const key = `${config.id}\u0000${config.host}\u0000${config.user}`;
  let entry = shared.get(key);
  if (!entry) {
    entry = { session: new ImapSession(config, auth, signal), tail: Promise.resolve(), users: 0 };
    shared.set(key, entry);
  }
  const current = entry;
  current.users++;
  const run = current.tail.then(async () => {
    if (current.refused) throw current.refused;
    try {
      return await read(current.session);
    } catch (err) {
      if (err instanceof LoginRefusedError) current.refused = err;
      throw err;
    }
  });
  current.tail = run.then(
    () => undefined,
    () => undefined,
  );
  try {
    return await run;
  } finally {
    if (--current.users === 0) {
      shared.delete(key);
      await current.session.close();
    }
  }
}
