import { isIP } from 'node:net';
import { SourceError, type Connector } from '../connector.js';
import { abortableDelay } from './abortableDelay.js';
import { describeImapError } from './imapErrors.js';
import { effectiveReconnect, imapConfigSchema, type ImapConfig } from './imapConfig.js';
import { ImapConnectError, ImapSession, resolveAuth } from './imapSession.js';
import { listMailboxes, type MailboxListing } from './listMailboxes.js';
import { readImapOriginal } from './readImapOriginal.js';
import { scanMailboxesResumably, type ReconnectPolicy } from './resumableScan.js';
import { fingerprintOf } from '../../identity/subjectFingerprint.js';
import { SyncState } from './syncState.js';
import { runCheck } from '../common/check.js';

/**
 * An IMAP account (RFC 3501), searched over the network without keeping a copy: one finding per
 * message, locator `{ messageId, mailbox, uid, uidValidity }`. The messageId comes from the same
 * `scanMessage` as for mbox/eml/maildir, so one message found in an export and on the server
 * carries the same id. The first search for a subject reads every message's header and text
 * parts; a later one for the same subject (a query from compileSubject, a state
 * store in the context) fetches only new mail and the messages that concerned the subject before.
 * syncState.ts says why that is complete, and what is stored.
 *
 * @example
 *   for await (const event of imapConnector.search(config, compileSubject(subject), ctx)) {
 *     if (event.kind === 'finding') console.log(event.locator.mailbox, event.locator.uid);
 *   }
 */
export const imapConnector: Connector<ImapConfig> = {
  type: 'imap',
  configSchema: imapConfigSchema,

  check: (config, ctx) =>
    runCheck(async () => {
      const session = new ImapSession(config, await resolveAuth(config, ctx), ctx.signal);
      try {
        const listing = await listMailboxes(await session.client(), config.mailboxes);
        const messages = listing.mailboxes.reduce((sum, m) => sum + (m.messages ?? 0), 0);
        const missing = listing.missing.length ? `; not on the server: ${listing.missing.map((m) => `"${m}"`).join(', ')}` : '';
        return {
          ok: listing.missing.length === 0,
          message: `logged in to ${session.endpoint} as ${config.user}: ${listing.mailboxes.length} mailbox(es), ${messages} message(s)${missing}`,
        };
      } finally {
        await session.close();
      }
    }),

  async *search(config, subject, ctx) {
    const session = new ImapSession(config, await resolveAuth(config, ctx), ctx.signal);
    const policy = effectiveReconnect(config);
    try {
      const listing = await connectAndList(session, config, policy, ctx.signal);
      if (config.tls === false && !isLoopback(config.host)) {
        yield { kind: 'warning', locator: {}, message: `tls: false sends the IMAP password to ${config.host} unencrypted; use tls: true or starttls` };
      }
      for (const name of listing.missing) {
        yield { kind: 'warning', locator: { mailbox: name }, message: `configured mailbox "${name}" does not exist on the server (or cannot be selected); not searched`, uncovered: true };
      }
      const sync = new SyncState(ctx.state, `${config.user}@${session.endpoint}`, fingerprintOf(subject));
      yield* scanMailboxesResumably(session, listing.mailboxes, subject, ctx, sync, policy);
    } finally {
      await session.close();
    }
  },

  readOriginal: (config, locator, ctx) => readImapOriginal(config, locator, ctx),
};

/**
 * The first connection and the mailbox list. Until this succeeds nothing is known about the
 * account, so failing here fails the source (SourceError, the runner marks it `failed` with the
 * reason) rather than making it partial. A wrong password or an untrusted certificate fail at once;
 * an unreachable server is retried like a dropped connection.
 */
async function connectAndList(session: ImapSession, config: ImapConfig, policy: ReconnectPolicy, signal: AbortSignal): Promise<MailboxListing> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await listMailboxes(await session.client(), config.mailboxes);
    } catch (err) {
      signal.throwIfAborted();
      const retryable = err instanceof ImapConnectError ? err.failure === 'connection' : !session.usable;
      const reason = err instanceof ImapConnectError ? err.message : `cannot list the mailboxes of ${session.endpoint}: ${describeImapError(err)}`;
      session.drop();
      if (!retryable || attempt >= policy.attempts) {
        throw new SourceError(attempt > 0 ? `${reason} (gave up after ${attempt + 1} attempts)` : reason);
      }
      await abortableDelay(policy.delayMs * 2 ** attempt, signal);
    }
  }
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::1';
}
