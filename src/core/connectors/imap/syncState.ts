import { createHash } from 'node:crypto';
import type { SourceStateStore } from '../connector.js';
import type { SubjectFingerprint } from '../../identity/subjectFingerprint.js';
import { isUid, parseUidSet, uidSet } from './uidSet.js';

/*
 * What an IMAP source remembers between searches, and why a re-search that trusts it is complete.
 *
 * Two kinds of entries, both under hashed keys (folder names can be personal: "Kunden/Jürgen Weiß"):
 *
 * 1. Per mailbox (`imap.mailbox.<hash>`): UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ and the message count
 *    of the last complete search of the source, for anyone. It only informs: a new UIDVALIDITY
 *    means UIDs in earlier findings no longer point at the same messages, and the search says so.
 *
 * 2. Per subject and mailbox (`imap.subject.<fingerprint>.<hash>`): UIDVALIDITY, UIDNEXT and
 *    HIGHESTMODSEQ when this subject was last searched completely, and `revisit`: the UIDs below
 *    that UIDNEXT whose scan produced any event (a finding, or a warning such as "too large" or
 *    "the server refused it"). These concern only that subject, as docs/ARCHITECTURE.md "Privacy by design"
 *    allows; the subject appears only as the SHA-256 fingerprint of its normalized identifiers
 *    (subjectFingerprint.ts), so the store is no index of everyone's data and no list of names.
 *    No state is kept for other people's messages, nor any content: findings are rebuilt by
 *    fetching the revisit UIDs again.
 *
 * Why the next search for the same fingerprint may skip every other message below UIDNEXT:
 * - A message is immutable (RFC 3501 §2.3.1.1): the triple mailbox + UIDVALIDITY + UID names the
 *   same bytes forever. Flags and keywords change (and move HIGHESTMODSEQ, RFC 7162 §3.1), but a
 *   search reads neither, so a message that gave no event then gives none now.
 * - UIDs are strictly ascending and never reused: any message added since (APPEND, COPY, MOVE)
 *   has a UID >= the stored UIDNEXT, so `UIDNEXT:*` finds all new mail.
 * - An expunged message has no UID any more: a revisit UID the server no longer lists is gone,
 *   and with it its finding.
 * - UIDVALIDITY guards renumbering: if it changed, or the server breaks these rules in a way we
 *   can see (UIDNEXT or HIGHESTMODSEQ went backwards, as after a restore from backup), nothing is
 *   trusted and the mailbox is scanned completely.
 * - The same fingerprint means the same identifiers under the same match model
 *   (MATCHING_REVISION), so "gave no event" carries over; a new subject has no state.
 * - The state is written only after a mailbox was searched completely, and every state ever
 *   written stays a true statement while UIDVALIDITY holds. A missing, unreadable or outdated
 *   state therefore never makes a search incomplete: it only makes it a full scan.
 */

/** What the server reported for a mailbox at the start of a search. */
export interface MailboxSnapshot {
  readonly uidValidity: bigint;
  readonly uidNext: number;
  readonly highestModseq?: bigint;
  readonly messages: number;
}

/** A subject's last complete search of one mailbox. */
export interface SubjectScanState {
  readonly uidValidity: bigint;
  /** Every message with a UID below this one was covered. */
  readonly uidNext: number;
  readonly highestModseq?: bigint;
  /** UIDs below uidNext whose scan gave an event: fetched again on every later search. */
  readonly revisit: ReadonlyArray<number>;
}

/**
 * More UIDs to revisit than this are not stored: a subject in that much mail gains little from
 * skipping the rest, and the state must stay small. Not storing is safe (the older state stays
 * true; without one the next search is a full scan).
 */
export const MAX_REVISIT_UIDS = 200_000;

/** Where one search's state lives: the source's store, scoped to an account and maybe a subject. */
export class SyncState {
  readonly #store: SourceStateStore | undefined;
  readonly #account: string;
  readonly #subject: SubjectFingerprint | undefined;

  /**
   * @param account `user@host:port`. UIDs and UIDVALIDITY mean something only on one server's
   *   account: a source pointed at another server must not inherit the state.
   * @param subject The fingerprint of the subject searched for; without one, no subject state is
   *   read or written and every search is a full scan.
   */
  constructor(store: SourceStateStore | undefined, account: string, subject: SubjectFingerprint | undefined) {
    this.#store = store;
    this.#account = account;
    this.#subject = subject;
  }

  /** Whether this search can use (and will write) subject state. */
  get incremental(): boolean {
    return this.#store !== undefined && this.#subject !== undefined;
  }

  readSnapshot(mailbox: string): MailboxSnapshot | undefined {
    const s = this.#read(this.#mailboxKey(mailbox));
    if (!s || typeof s.uidValidity !== 'string' || !isUid(s.uidNext) || typeof s.messages !== 'number') return undefined;
    const uidValidity = toBigInt(s.uidValidity);
    if (uidValidity === undefined) return undefined;
    return { uidValidity, uidNext: s.uidNext, highestModseq: optionalBigInt(s.highestModseq), messages: s.messages };
  }

  writeSnapshot(mailbox: string, snapshot: MailboxSnapshot): void {
    this.#write(this.#mailboxKey(mailbox), {
      uidValidity: snapshot.uidValidity.toString(),
      uidNext: snapshot.uidNext,
      highestModseq: snapshot.highestModseq?.toString(),
      messages: snapshot.messages,
    });
  }

  readSubjectState(mailbox: string): SubjectScanState | undefined {
    const key = this.#subjectKey(mailbox);
    const s = key ? this.#read(key) : undefined;
    if (!s || s.v !== 1 || typeof s.uidValidity !== 'string' || !isUid(s.uidNext) || typeof s.revisit !== 'string') return undefined;
    const uidNext = s.uidNext;
    const uidValidity = toBigInt(s.uidValidity);
    const revisit = parseUidSet(s.revisit, MAX_REVISIT_UIDS);
    if (uidValidity === undefined || !revisit || revisit.some((uid) => uid >= uidNext)) return undefined;
    return { uidValidity, uidNext, highestModseq: optionalBigInt(s.highestModseq), revisit };
  }

  writeSubjectState(mailbox: string, state: SubjectScanState): void {
    const key = this.#subjectKey(mailbox);
    // UIDs at or above uidNext arrived during the search; the next one finds them as new mail.
    const revisit = state.revisit.filter((uid) => uid < state.uidNext);
    if (!key || revisit.length > MAX_REVISIT_UIDS) return;
    this.#write(key, {
      v: 1,
      uidValidity: state.uidValidity.toString(),
      uidNext: state.uidNext,
      highestModseq: state.highestModseq?.toString(),
      revisit: uidSet(revisit),
    });
  }

  #mailboxKey(mailbox: string): string {
    return `imap.mailbox.${this.#mailboxHash(mailbox)}`;
  }

  /** Subject first, so that everything kept for one subject shares a prefix (and can be erased with it). */
  #subjectKey(mailbox: string): string | undefined {
    return this.#subject ? `imap.subject.${this.#subject}.${this.#mailboxHash(mailbox)}` : undefined;
  }

  #mailboxHash(mailbox: string): string {
    return createHash('sha256').update(`${this.#account}\0${mailbox.normalize('NFC')}`).digest('hex').slice(0, 32);
  }

  #read(key: string): Record<string, unknown> | undefined {
    const text = this.#store?.get(key);
    if (!text) return undefined;
    try {
      const value: unknown = JSON.parse(text);
      return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
    } catch {
      return undefined; // unreadable state is no state
    }
  }

  #write(key: string, value: object): void {
    this.#store?.set(key, JSON.stringify(value));
  }
}

/** How to search a mailbox: everything, or only what changed since the subject's last search. */
export type ScanPlan =
  | { readonly kind: 'full'; readonly reason: FullScanReason }
  | {
      readonly kind: 'incremental';
      /** UIDs below `from` to fetch again (their events are rebuilt). */
      readonly revisit: ReadonlyArray<number>;
      /** New mail: every UID from here on. */
      readonly from: number;
    };

export type FullScanReason = 'no-state' | 'renumbered' | 'uidnext-went-back' | 'modseq-went-back';

/** Decide from the subject's stored state and the mailbox as the server reports it now. */
export function planScan(prior: SubjectScanState | undefined, current: MailboxSnapshot): ScanPlan {
  if (!prior) return { kind: 'full', reason: 'no-state' };
  if (prior.uidValidity !== current.uidValidity) return { kind: 'full', reason: 'renumbered' };
  // UIDNEXT never decreases within one UIDVALIDITY (RFC 3501 §2.3.1.1), nor do mod-sequences
  // (RFC 7162 §3). If one did, the server lost its state (restored from a backup, say) and
  // may have given old UIDs to other messages.
  if (current.uidNext < prior.uidNext) return { kind: 'full', reason: 'uidnext-went-back' };
  if (prior.highestModseq !== undefined && current.highestModseq !== undefined && current.highestModseq < prior.highestModseq) {
    return { kind: 'full', reason: 'modseq-went-back' };
  }
  return { kind: 'incremental', revisit: [...prior.revisit].sort((a, b) => a - b), from: prior.uidNext };
}

/** How the mailbox compares with the last complete search of this source (for anyone). */
export type MailboxChange = 'first-search' | 'unchanged' | 'changed' | 'renumbered';

export function compareSnapshot(previous: MailboxSnapshot | undefined, current: MailboxSnapshot): MailboxChange {
  if (!previous) return 'first-search';
  if (previous.uidValidity !== current.uidValidity) return 'renumbered';
  // UIDNEXT moves with every new message and the count with every expunge; where the server has
  // CONDSTORE, HIGHESTMODSEQ also moves with every flag change (RFC 7162 §3.1).
  const modseqSame = previous.highestModseq === undefined || current.highestModseq === undefined || previous.highestModseq === current.highestModseq;
  return previous.uidNext === current.uidNext && previous.messages === current.messages && modseqSame ? 'unchanged' : 'changed';
}

function toBigInt(text: string): bigint | undefined {
  return /^[0-9]{1,20}$/.test(text) ? BigInt(text) : undefined;
}

function optionalBigInt(value: unknown): bigint | undefined {
  return typeof value === 'string' ? toBigInt(value) : undefined;
}
