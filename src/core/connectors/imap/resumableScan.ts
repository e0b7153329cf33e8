import type { SubjectQuery } from '../../domain/subjectQuery.js';
import type { FoundWarning, SearchContext, SearchEvent } from '../connector.js';
import { abortableDelay } from './abortableDelay.js';
import { classifyImapError, describeImapError } from './imapErrors.js';
import { ImapConnectError, type ImapSession } from './imapSession.js';
import type { MailboxEntry } from './listMailboxes.js';
import { newCursor, scanMailbox, UidValidityChangedError, type MailboxCursor } from './scanMailbox.js';
import type { SyncState } from './syncState.js';
import { uidSet } from './uidSet.js';

/** Messages in one mailbox that may each cost two reconnects before the rest of it is given up. */
export const MAX_UNREADABLE_MESSAGES = 10;

export interface ReconnectPolicy {
  /** Reconnects in a row without progress before giving up. */
  readonly attempts: number;
  /** First backoff; it doubles per attempt. */
  readonly delayMs: number;
}

/**
 * Scan the mailboxes one after another over a session that may drop. A dropped connection or a
 * server restart is retried with backoff and the mailbox resumes after the last UID whose events
 * were handed on. Whatever cannot be covered is reported, never skipped silently:
 * - the server stays away (retries exhausted) or now refuses the login: the rest of the current
 *   mailbox (its UID range) and every mailbox not yet started, each as an `uncovered` warning;
 * - one mailbox fails on its own (deleted meanwhile, SELECT refused), or the server renumbered it
 *   mid-search so the resume point means nothing: that mailbox's remaining UID range.
 * - the server drops the session each time one message is fetched (Dovecot does on a damaged
 *   message file): after two drops at the same point the scan goes one message at a time, and
 *   the message that still kills the session is reported by its UID and skipped.
 * The retry budget restarts whenever a connection made progress, so a flaky line that drops every
 * few minutes still finishes, while a dead server gives up after `attempts` tries.
 *
 * Sync state (syncState.ts) is written per mailbox only once that mailbox was searched completely:
 * a partial scan leaves the previous state, which stays true, in place.
 */
export async function* scanMailboxesResumably(
  session: ImapSession,
  mailboxes: ReadonlyArray<MailboxEntry>,
  subject: SubjectQuery,
  ctx: SearchContext,
  sync: SyncState,
  policy: ReconnectPolicy,
): AsyncGenerator<SearchEvent> {
  const total = mailboxes.reduce((sum, m) => sum + (m.messages ?? 0), 0);
  let scannedBefore = 0; // messages in mailboxes already finished

  for (let index = 0; index < mailboxes.length; index++) {
    const entry = mailboxes[index]!;
    const cursor = newCursor(entry.path);
    const report = (): void => ctx.progress({ scanned: scannedBefore + cursor.scanned, total, detail: entry.path });
    report();
    let failures = 0; // consecutive failures without progress
    let progressMark = -1;
    let unreadable = 0;

    for (;;) {
      try {
        const client = await session.client();
        yield* scanMailbox(client, cursor, subject, ctx, sync, report);
        if (cursor.vanished) {
          yield { kind: 'warning', locator: { mailbox: entry.path }, message: `${cursor.vanished} message(s) in "${entry.path}" were deleted on the server while the search ran; they were no longer there to search` };
        }
        if (cursor.snapshot) {
          const { uidValidity, uidNext, highestModseq } = cursor.snapshot;
          sync.writeSnapshot(entry.path, cursor.snapshot);
          sync.writeSubjectState(entry.path, { uidValidity, uidNext, highestModseq, revisit: [...cursor.revisit] });
        }
        break;
      } catch (err) {
        ctx.signal.throwIfAborted();
        if (err instanceof UidValidityChangedError) {
          yield* notCovered(cursor, entry, err.message);
          break;
        }
        const failure = err instanceof ImapConnectError ? err.failure : classifyImapError(err, session.usable);
        const reason = err instanceof ImapConnectError ? err.message : describeImapError(err);
        if (failure === 'command') {
          yield* notCovered(cursor, entry, `the server refused to read it (${reason})`);
          break;
        }
        session.drop();
        const suspect = cursor.inFlight;
        cursor.inFlight = undefined;
        if (cursor.lastUid > progressMark) failures = 0;
        progressMark = cursor.lastUid;
        failures++;
        // Connected, then lost the session twice while fetching the same UIDs: suspect a message
        // the server cannot hand out, not a dead server (a dead one fails at connect instead).
        if (failure === 'connection' && !(err instanceof ImapConnectError) && suspect && failures >= 2) {
          if (suspect.from === suspect.to && suspect.from <= cursor.carefulUntil) {
            cursor.revisit.add(suspect.from); // not searched: the next search must try it again
            yield { kind: 'warning', locator: { mailbox: entry.path, uid: suspect.from, ...uidValidityOf(cursor) }, message: `the server closed the connection each time this message was fetched (${reason}); not searched`, uncovered: true };
            cursor.lastUid = suspect.from;
            if (++unreadable >= MAX_UNREADABLE_MESSAGES) {
              yield* notCovered(cursor, entry, `the server closed the connection on ${unreadable} messages of this mailbox; the rest was given up`);
              break;
            }
            progressMark = cursor.lastUid;
            failures = 0;
          } else {
            cursor.carefulUntil = Math.max(cursor.carefulUntil, suspect.to);
            failures = 1;
          }
        }
        if (failure !== 'connection' || failures > policy.attempts) {
          const why = failure === 'connection' ? `the connection was lost and ${policy.attempts} reconnect attempt(s) failed (${reason})` : reason;
          yield* notCovered(cursor, entry, why);
          for (const rest of mailboxes.slice(index + 1)) yield* notCovered(newCursor(rest.path), rest, why);
          report();
          return;
        }
        await abortableDelay(policy.delayMs * 2 ** Math.max(0, failures - 1), ctx.signal);
      }
    }
    scannedBefore += cursor.scanned;
  }
  ctx.progress({ scanned: scannedBefore, total });
}

function uidValidityOf(cursor: MailboxCursor): { uidValidity?: number } {
  return cursor.uidValidity !== undefined ? { uidValidity: Number(cursor.uidValidity) } : {};
}

/**
 * The part of a mailbox not searched: exactly the UIDs after the resume point, as far as they are
 * known. Under an incremental plan that is the revisit UIDs and the new mail still to go; every
 * other message had been searched for this subject before and cannot have changed.
 */
function* notCovered(cursor: MailboxCursor, entry: MailboxEntry, reason: string): Generator<FoundWarning> {
  const uidValidity = cursor.uidValidity ?? entry.uidValidity;
  const uidNext = cursor.uidNext ?? entry.uidNext;
  const plan = cursor.plan;
  const to = uidNext !== undefined ? uidNext - 1 : undefined;
  const from = plan?.kind === 'incremental' ? Math.max(plan.from, cursor.lastUid + 1) : cursor.lastUid + 1;
  const revisit = plan?.kind === 'incremental' ? plan.revisit.filter((uid) => uid > cursor.lastUid && uid < from) : [];
  const parts: string[] = revisit.length ? [uidSet(revisit)] : [];
  if (to === undefined) parts.push(`${from} and above`);
  else if (from <= to) parts.push(`${from}:${to}`);
  if (parts.length === 0) return; // no UID was left: nothing is missing
  const range = `UIDs ${parts.join(',')}`;
  const first = revisit[0] ?? from;
  const what =
    cursor.lastUid === 0 && plan?.kind !== 'incremental'
      ? `mailbox "${entry.path}" (${entry.messages !== undefined ? `${entry.messages} messages, ` : ''}${range})`
      : `messages ${range} of mailbox "${entry.path}"`;
  yield {
    kind: 'warning',
    locator: { mailbox: entry.path, uid: first, ...(uidValidity !== undefined ? { uidValidity: Number(uidValidity) } : {}) },
    message: `${what}${uidValidity !== undefined ? ` (UIDVALIDITY ${uidValidity})` : ''} not searched: ${reason}`,
    uncovered: true,
  };
}
