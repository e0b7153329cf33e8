import { createHash } from 'node:crypto';
import type { SourceStateStore } from '../connector.js';

/**
 * What a mailbox looked like when it was last searched completely: UIDVALIDITY, UIDNEXT
 * (RFC 3501 §2.3.1.1) and HIGHESTMODSEQ (RFC 4551 CONDSTORE, where the server has it).
 *
 * Why this holds no more than that: the state belongs to the source, but every search is for a
 * different person. Anything cached to skip messages next time ("these UIDs did not match", a token
 * index) would either be wrong for the next subject or be an index of everyone's data, which
 * Auskunft must not keep (DESIGN.md "Privacy by design"). So correctness never depends on this
 * state: every search reads every message's header and text parts again. The state only lets a run
 * say what changed since the last one: a new UIDVALIDITY means the server renumbered the mailbox,
 * so UIDs in locators of earlier findings no longer point at the same messages.
 */
export interface MailboxSnapshot {
  readonly uidValidity: bigint;
  readonly uidNext: number;
  readonly highestModseq?: bigint;
  readonly messages: number;
}

interface StoredSnapshot {
  readonly uidValidity: string;
  readonly uidNext: number;
  readonly highestModseq?: string;
  readonly messages: number;
}

/**
 * The key for a mailbox. Folder names can be personal ("Kunden/Jürgen Weiß"), so the store sees a
 * hash; the name is known again whenever the server lists it.
 */
function keyOf(mailbox: string): string {
  return `imap.mailbox.${createHash('sha256').update(mailbox.normalize('NFC')).digest('hex').slice(0, 32)}`;
}

export function readSnapshot(store: SourceStateStore | undefined, mailbox: string): MailboxSnapshot | undefined {
  const text = store?.get(keyOf(mailbox));
  if (!text) return undefined;
  try {
    const s = JSON.parse(text) as StoredSnapshot;
    if (typeof s.uidValidity !== 'string' || typeof s.uidNext !== 'number' || typeof s.messages !== 'number') return undefined;
    return { uidValidity: BigInt(s.uidValidity), uidNext: s.uidNext, highestModseq: s.highestModseq ? BigInt(s.highestModseq) : undefined, messages: s.messages };
  } catch {
    return undefined; // unreadable state is no state: it only ever informs, never decides
  }
}

export function writeSnapshot(store: SourceStateStore | undefined, mailbox: string, snapshot: MailboxSnapshot): void {
  if (!store) return;
  const stored: StoredSnapshot = {
    uidValidity: snapshot.uidValidity.toString(),
    uidNext: snapshot.uidNext,
    highestModseq: snapshot.highestModseq?.toString(),
    messages: snapshot.messages,
  };
  store.set(keyOf(mailbox), JSON.stringify(stored));
}

/** How the mailbox compares with the last complete search of this source. */
export type MailboxChange = 'first-search' | 'unchanged' | 'changed' | 'renumbered';

export function compareSnapshot(previous: MailboxSnapshot | undefined, current: MailboxSnapshot): MailboxChange {
  if (!previous) return 'first-search';
  if (previous.uidValidity !== current.uidValidity) return 'renumbered';
  // UIDNEXT moves with every new message and the count with every expunge; where the server has
  // CONDSTORE, HIGHESTMODSEQ also moves with every flag change (RFC 4551 §3.1.1).
  const modseqSame = previous.highestModseq === undefined || current.highestModseq === undefined || previous.highestModseq === current.highestModseq;
  return previous.uidNext === current.uidNext && previous.messages === current.messages && modseqSame ? 'unchanged' : 'changed';
}
