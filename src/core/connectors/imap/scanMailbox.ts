import type { FetchMessageObject, ImapFlow } from 'imapflow';
import type { Locator } from '../../../shared/findings.js';
import type { SubjectQuery } from '../../domain/subjectQuery.js';
import type { SearchContext, SearchEvent } from '../connector.js';
import { MAX_MESSAGE_BYTES } from '../common/mail/mailLimits.js';
import { mailEvents } from '../common/mail/mailEvents.js';
import { scanMessage } from '../common/mail/scanMessage.js';
import { describeImapError } from './imapErrors.js';
import { assemblePrunedMessage, MissingSectionError, planFetch, restorePrunedSizes, type FetchPlan } from './partPlan.js';
import { compareSnapshot, planScan, type MailboxSnapshot, type ScanPlan, type SyncState } from './syncState.js';
import { uidSet } from './uidSet.js';

/** BODYSTRUCTUREs asked for in one FETCH: about 1 KB each, so one response stays small. */
export const STRUCTURE_BATCH = 250;
/** Content fetched before it is scanned. Bounds memory: only this much mail is held at once. */
export const SEGMENT_BYTES = 8 * 1024 * 1024;
/** Messages fetched per segment: a dropped connection costs at most this many re-fetches. */
export const SEGMENT_MESSAGES = 100;
/**
 * Longest UID set sent in one UID SEARCH. Revisit UIDs can be scattered ("17,404,9051,…"), and
 * servers cap the command line (Dovecot: 64 KB, `imap_max_line_length`); longer sets are split.
 */
export const MAX_SEARCH_SET_CHARS = 8 * 1024;
/**
 * A message of at most this many bytes (RFC822.SIZE) is fetched whole, without asking for its
 * BODYSTRUCTURE first. That answer costs about 300 bytes for ordinary mail (measured against
 * Dovecot), 5–15% of a typical 2–6 KB text message, and plain text mail is most of a mailbox by
 * count. A message this small can hold at most this much in binary parts, so the most the shortcut
 * can waste is bounded too. One `UID SEARCH LARGER` (base IMAP4rev1, RFC 3501 §6.4.4), a few bytes
 * per UID, tells the small from the large.
 */
export const WHOLE_MESSAGE_MAX_BYTES = 8 * 1024;

/**
 * How far the scan of one mailbox got. It outlives a dropped connection: after a reconnect the scan
 * resumes after `lastUid`, and when it cannot, the range after `lastUid` is what was not covered.
 */
export interface MailboxCursor {
  readonly path: string;
  /** Fixed by the first SELECT; a different value after a reconnect makes resuming impossible. */
  uidValidity: bigint | undefined;
  /** Every UID up to this one has been scanned or reported. UIDs ascend (RFC 3501 §2.3.1.1). */
  lastUid: number;
  /** From the latest SELECT: the UID the next new message would get. */
  uidNext: number | undefined;
  /** From the first SELECT, stored as sync state once the mailbox is complete. */
  snapshot: MailboxSnapshot | undefined;
  /** Full scan or only what changed since this subject's last search; fixed by the first SELECT. */
  plan: ScanPlan | undefined;
  /**
   * UIDs whose scan gave an event (finding or warning) in this search: the subject state's
   * `revisit` list, so that the next search rebuilds exactly these and skips the rest.
   */
  readonly revisit: Set<number>;
  /**
   * Messages covered (counted in `scanned`) without fetching them: the subject's stored state says
   * they gave no event last time, and they cannot have changed since (syncState.ts).
   */
  carriedOver: number | undefined;
  scanned: number;
  /** Messages that disappeared between listing and fetching (deleted by someone meanwhile). */
  vanished: number;
  /** The UIDs of the FETCH under way; if the connection dies now, one of them may be the cause. */
  inFlight: { readonly from: number; readonly to: number } | undefined;
  /**
   * Fetch one message per command up to this UID. Set when the connection died twice while
   * fetching the same UIDs: some servers drop the session on a message they cannot read (Dovecot
   * does on a damaged or unreadable message file), and one at a time finds which one it is.
   */
  carefulUntil: number;
}

export function newCursor(path: string): MailboxCursor {
  return { path, uidValidity: undefined, lastUid: 0, uidNext: undefined, snapshot: undefined, plan: undefined, revisit: new Set(), carriedOver: undefined, scanned: 0, vanished: 0, inFlight: undefined, carefulUntil: 0 };
}

/** The mailbox was renumbered (new UIDVALIDITY) between two connections of one search. */
export class UidValidityChangedError extends Error {
  override readonly name = 'UidValidityChangedError';
}

interface PlannedMessage {
  readonly uid: number;
  readonly size: number;
  readonly plan: FetchPlan;
}

/**
 * Scan one mailbox from `cursor.lastUid + 1` on, yielding findings and warnings. Connection errors
 * propagate (the caller reconnects and calls again with the same cursor); the cursor only advances
 * past a message once its events have been handed on, so a resumed scan neither skips nor repeats.
 * With the subject's state from an earlier complete search (and the same UIDVALIDITY), only new
 * mail and the messages that gave events then are fetched; syncState.ts explains why that is
 * complete.
 */
export async function* scanMailbox(
  client: ImapFlow,
  cursor: MailboxCursor,
  subject: SubjectQuery,
  ctx: Pick<SearchContext, 'signal'>,
  sync: SyncState,
  onProgress: () => void,
): AsyncGenerator<SearchEvent> {
  // EXAMINE, not SELECT (RFC 3501 §6.3.2): a search must not change \Recent or anything else.
  const box = await client.mailboxOpen(cursor.path, { readOnly: true });
  if (cursor.uidValidity === undefined) {
    cursor.uidValidity = box.uidValidity;
    // UIDNEXT from before the SEARCH below: a message that arrives meanwhile gets a UID at or
    // above it, so the next search looks at it again rather than never.
    cursor.snapshot = { uidValidity: box.uidValidity, uidNext: box.uidNext, highestModseq: box.highestModseq, messages: box.exists };
    cursor.plan = planScan(sync.readSubjectState(cursor.path), cursor.snapshot);
    if (compareSnapshot(sync.readSnapshot(cursor.path), cursor.snapshot) === 'renumbered') {
      yield {
        kind: 'warning',
        locator: { mailbox: cursor.path, uidValidity: Number(box.uidValidity) },
        message: `mailbox "${cursor.path}" was renumbered by the server since this source was last searched (new UIDVALIDITY ${box.uidValidity}): UIDs in earlier findings no longer point at the same messages. This search covered the mailbox completely.`,
      };
    }
  } else if (cursor.uidValidity !== box.uidValidity) {
    throw new UidValidityChangedError(`the server renumbered the mailbox during the search (UIDVALIDITY ${cursor.uidValidity} → ${box.uidValidity})`);
  }
  cursor.uidNext = box.uidNext;
  const uidValidity = Number(box.uidValidity);
  if (box.exists === 0) return;

  const { uids, small } = await searchRemaining(client, cursor);
  if (cursor.carriedOver === undefined) {
    // Only on the first SEARCH (lastUid is still 0): everything that exists and was not listed
    // is covered by the stored state.
    cursor.carriedOver = cursor.plan?.kind === 'incremental' ? Math.max(0, box.exists - uids.length) : 0;
    cursor.scanned += cursor.carriedOver;
  }

  for (let i = 0; i < uids.length; ) {
    const careful = uids[i]! <= cursor.carefulUntil;
    const batch = uids.slice(i, i + (careful ? 1 : STRUCTURE_BATCH));
    i += batch.length;
    const planned = await inFlight(cursor, batch, () => planBatch(client, batch, small));
    for (const segment of segments(batch, planned, careful ? 1 : SEGMENT_MESSAGES)) {
      const wanted = segment.flatMap((s) => (s.message && s.message.plan.bytes <= MAX_MESSAGE_BYTES ? [s.message] : []));
      const { raws, failed } = await inFlight(cursor, segment.map((s) => s.uid), () => fetchSegment(client, wanted));
      for (const { uid, message } of segment) {
        ctx.signal.throwIfAborted();
        const where: Locator = { mailbox: cursor.path, uid, uidValidity };
        const raw = raws.get(uid);
        const refused = failed.get(uid);
        if (message && message.plan.bytes > MAX_MESSAGE_BYTES) {
          cursor.revisit.add(uid);
          yield { kind: 'warning', locator: where, message: `message of ${message.size} bytes exceeds the ${MAX_MESSAGE_BYTES}-byte limit; not searched`, uncovered: true };
        } else if (refused !== undefined) {
          cursor.revisit.add(uid);
          yield { kind: 'warning', locator: where, message: `the server refused to hand out this message (${refused}); not searched`, uncovered: true };
        } else if (!message || !raw) {
          // Listed by SEARCH but gone by FETCH: deleted meanwhile, so no longer held.
          cursor.vanished++;
        } else {
          for await (const event of scanOne(raw, message.plan, subject, where)) {
            cursor.revisit.add(uid);
            yield event;
          }
          cursor.scanned++;
        }
        cursor.lastUid = uid;
      }
      onProgress();
    }
  }
}

/**
 * The UIDs still to scan, ascending: after `cursor.lastUid`, and under an incremental plan only
 * the revisit UIDs and new mail. UID SEARCH lists only messages that exist, so an expunged revisit
 * UID simply drops out (its finding is gone with it). `small`: those of at most
 * WHOLE_MESSAGE_MAX_BYTES.
 */
async function searchRemaining(client: ImapFlow, cursor: MailboxCursor): Promise<{ uids: number[]; small: Set<number> }> {
  const plan: ScanPlan = cursor.plan ?? { kind: 'full', reason: 'no-state' };
  const after = cursor.lastUid;
  const from = plan.kind === 'incremental' ? Math.max(plan.from, after + 1) : after + 1;
  const sets = [`${from}:*`];
  if (plan.kind === 'incremental') sets.push(...chunkedUidSets(plan.revisit.filter((uid) => uid > after && uid < from), MAX_SEARCH_SET_CHARS));
  const found = new Set<number>();
  const large = new Set<number>();
  for (const set of sets) {
    const uids = await client.search({ uid: set }, { uid: true });
    if (!uids) throw Object.assign(new Error(`UID SEARCH in "${cursor.path}" was refused`), { responseStatus: 'NO' });
    for (const uid of uids) found.add(uid);
    // Refused or failed: every message counts as large and gets a BODYSTRUCTURE (slower, same result).
    const larger = await client.search({ uid: set, larger: WHOLE_MESSAGE_MAX_BYTES }, { uid: true }).catch((err: unknown) => {
      if (!client.usable) throw err;
      return false as const;
    });
    for (const uid of larger || uids) large.add(uid);
  }
  // `n:*` always includes the highest UID, even when it is below n (RFC 3501 §6.4.8): keep only
  // what was asked for.
  const wanted = plan.kind === 'incremental' ? new Set(plan.revisit) : undefined;
  const uids = [...found].filter((uid) => uid > after && (uid >= from || wanted?.has(uid) === true)).sort((a, b) => a - b);
  return { uids, small: new Set(uids.filter((uid) => !large.has(uid))) };
}

/** UID sets of at most about `maxChars` characters each, covering `uids`. */
export function chunkedUidSets(uids: ReadonlyArray<number>, maxChars: number): string[] {
  const sets: string[] = [];
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  let start = 0;
  let length = 0;
  for (let i = 0; i < sorted.length; i++) {
    length += String(sorted[i]).length + 1;
    if (length > maxChars && i > start) {
      sets.push(uidSet(sorted.slice(start, i)));
      start = i;
      length = String(sorted[i]).length + 1;
    }
  }
  if (start < sorted.length) sets.push(uidSet(sorted.slice(start)));
  return sets;
}

/** Run one fetch with `cursor.inFlight` naming its UIDs; on failure it stays set for the caller to read. */
async function inFlight<T>(cursor: MailboxCursor, uids: ReadonlyArray<number>, fetch: () => Promise<T>): Promise<T> {
  cursor.inFlight = { from: uids[0] ?? 0, to: uids[uids.length - 1] ?? 0 };
  const result = await fetch();
  cursor.inFlight = undefined;
  return result;
}

/**
 * A fetch plan for each UID of a batch: BODYSTRUCTURE + RFC822.SIZE for the large ones, "whole"
 * for the small ones (WHOLE_MESSAGE_MAX_BYTES), which need no question to the server.
 */
async function planBatch(client: ImapFlow, batch: ReadonlyArray<number>, small: ReadonlySet<number>): Promise<Map<number, PlannedMessage>> {
  const query = { uid: true, size: true, bodyStructure: true } as const;
  const planned = new Map<number, PlannedMessage>();
  const add = (row: FetchMessageObject): void => {
    const size = row.size ?? 0;
    planned.set(row.uid, { uid: row.uid, size, plan: planFetch(row.bodyStructure, size) });
  };
  const uids: number[] = [];
  for (const uid of batch) {
    if (small.has(uid)) planned.set(uid, { uid, size: WHOLE_MESSAGE_MAX_BYTES, plan: { kind: 'whole', bytes: WHOLE_MESSAGE_MAX_BYTES } });
    else uids.push(uid);
  }
  if (uids.length === 0) return planned;
  try {
    for (const row of await client.fetchAll(uidSet(uids), query, { uid: true })) add(row);
  } catch (err) {
    if (!client.usable) throw err;
    // The server refused the batch (NO), typically over one damaged message: ask one by one, and
    // let a message whose structure cannot be read be fetched whole (or reported) like any other.
    for (const uid of uids) {
      try {
        const row = await client.fetchOne(String(uid), query, { uid: true });
        if (row) add(row);
      } catch (e) {
        if (!client.usable) throw e;
        planned.set(uid, { uid, size: 0, plan: { kind: 'whole', bytes: 0 } });
      }
    }
  }
  return planned;
}

interface SegmentEntry {
  readonly uid: number;
  /** null: the UID had no FETCH answer (deleted since SEARCH). */
  readonly message: PlannedMessage | null;
}

/** Consecutive runs of UIDs whose content fits SEGMENT_BYTES and `maxMessages` (at least one message each). */
function* segments(uids: ReadonlyArray<number>, planned: ReadonlyMap<number, PlannedMessage>, maxMessages: number): Generator<SegmentEntry[]> {
  let current: SegmentEntry[] = [];
  let bytes = 0;
  for (const uid of uids) {
    const message = planned.get(uid) ?? null;
    const size = message && message.plan.bytes <= MAX_MESSAGE_BYTES ? message.plan.bytes : 0;
    if (current.length && (bytes + size > SEGMENT_BYTES || current.length >= maxMessages)) {
      yield current;
      current = [];
      bytes = 0;
    }
    current.push({ uid, message });
    bytes += size;
  }
  if (current.length) yield current;
}

interface SegmentContent {
  readonly raws: Map<number, Buffer>;
  /** UIDs the server refused to hand out, with its reason. */
  readonly failed: Map<number, string>;
}

/**
 * Fetch the content of a segment: messages with the same plan share one FETCH (whole messages as
 * `BODY.PEEK[]`, pruned ones as the same list of sections). PEEK keeps \Seen untouched (RFC 3501
 * §6.4.5): searching must not mark anyone's mail as read.
 */
async function fetchSegment(client: ImapFlow, messages: ReadonlyArray<PlannedMessage>): Promise<SegmentContent> {
  const groups = new Map<string, PlannedMessage[]>();
  for (const m of messages) {
    const key = m.plan.kind === 'whole' ? '' : m.plan.sections.join(' ');
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  const content: SegmentContent = { raws: new Map(), failed: new Map() };
  for (const group of groups.values()) {
    try {
      await fetchGroup(client, group, content.raws);
    } catch (err) {
      if (!client.usable) throw err;
      // A NO for the group (a damaged message file on the server, say) must not cost the others:
      // fetch them one by one, and report only the ones that fail on their own.
      for (const m of group) {
        if (content.raws.has(m.uid)) continue;
        try {
          await fetchGroup(client, [m], content.raws);
        } catch (e) {
          if (!client.usable) throw e;
          content.failed.set(m.uid, describeImapError(e));
        }
      }
    }
  }
  return content;
}

/** One FETCH for messages that share a plan. */
async function fetchGroup(client: ImapFlow, group: ReadonlyArray<PlannedMessage>, raws: Map<number, Buffer>): Promise<void> {
  const byUid = new Map(group.map((m) => [m.uid, m] as const));
  const sample = group[0]?.plan;
  if (!sample) return;
  if (sample.kind === 'whole') {
    for (const row of await client.fetchAll(uidSet([...byUid.keys()]), { uid: true, source: true }, { uid: true })) {
      if (row.source) raws.set(row.uid, row.source);
    }
    return;
  }
  const bodyParts = sample.sections.filter((s) => s !== 'HEADER');
  for (const row of await client.fetchAll(uidSet([...byUid.keys()]), { uid: true, headers: true, bodyParts }, { uid: true })) {
    const plan = byUid.get(row.uid)?.plan;
    if (!plan || plan.kind !== 'pruned') continue;
    try {
      raws.set(row.uid, assemblePrunedMessage(plan, sectionsOf(row)));
    } catch (err) {
      if (!(err instanceof MissingSectionError)) throw err;
      // The server's answer did not fit its own BODYSTRUCTURE: take the whole message instead.
      const whole = await client.fetchOne(String(row.uid), { uid: true, source: true }, { uid: true });
      if (whole && whole.source) raws.set(row.uid, whole.source);
    }
  }
}

function sectionsOf(row: FetchMessageObject): Map<string, Buffer> {
  const sections = new Map<string, Buffer>();
  if (row.headers) sections.set('HEADER', row.headers);
  for (const [key, value] of row.bodyParts ?? []) sections.set(key.toUpperCase(), value);
  return sections;
}

async function* scanOne(raw: Buffer, plan: FetchPlan, subject: SubjectQuery, where: Locator): AsyncGenerator<SearchEvent> {
  let scan;
  try {
    scan = await scanMessage(raw, subject);
  } catch (err) {
    yield { kind: 'warning', locator: where, message: `message could not be searched: ${err instanceof Error ? err.message : String(err)}`, uncovered: true };
    return;
  }
  if (plan.kind === 'pruned' && scan.record.attachments) {
    scan = { ...scan, record: { ...scan.record, attachments: restorePrunedSizes(scan.record.attachments, plan.pruned) } };
  }
  yield* mailEvents(scan, where);
}
