import { describe, expect, it } from 'vitest';
import type { SourceStateStore } from '../../../../src/core/connectors/connector.js';
import { chunkedUidSets } from '../../../../src/core/connectors/imap/scanMailbox.js';
import type { SubjectFingerprint } from '../../../../src/core/identity/subjectFingerprint.js';
import { compareSnapshot, MAX_REVISIT_UIDS, planScan, SyncState, type MailboxSnapshot, type SubjectScanState } from '../../../../src/core/connectors/imap/syncState.js';
import { parseUidSet, uidSet } from '../../../../src/core/connectors/imap/uidSet.js';

function store(): SourceStateStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return { entries, get: (k) => entries.get(k), set: (k, v) => void entries.set(k, v) };
}

const ACCOUNT = 'office@127.0.0.1:1143';
const FP = 'a'.repeat(64) as SubjectFingerprint;
const OTHER_FP = 'b'.repeat(64) as SubjectFingerprint;
const snap: MailboxSnapshot = { uidValidity: 1795769710n, uidNext: 42, highestModseq: 7n, messages: 41 };
const state: SubjectScanState = { uidValidity: 1795769710n, uidNext: 42, highestModseq: 7n, revisit: [3, 4, 5, 17] };

describe('SyncState: the mailbox snapshot (for anyone)', () => {
  it('round-trips under a key that reveals neither the mailbox name nor the account', () => {
    const s = store();
    new SyncState(s, ACCOUNT, undefined).writeSnapshot('Kunden/Jürgen Weiß', snap);
    expect([...s.entries.keys()][0]).toMatch(/^imap\.mailbox\.[0-9a-f]{32}$/);
    expect([...s.entries.values()][0]).not.toMatch(/Weiß|Kunden|office|127\.0/);
    expect(new SyncState(s, ACCOUNT, undefined).readSnapshot('Kunden/Jürgen Weiß')).toEqual(snap);
    expect(new SyncState(s, ACCOUNT, undefined).readSnapshot('INBOX')).toBeUndefined();
    // Another server or user never sees this state.
    expect(new SyncState(s, 'office@imap.example:993', undefined).readSnapshot('Kunden/Jürgen Weiß')).toBeUndefined();
    expect(new SyncState(undefined, ACCOUNT, undefined).readSnapshot('INBOX')).toBeUndefined();
  });

  it('treats unreadable state as no state', () => {
    const s = store();
    new SyncState(s, ACCOUNT, undefined).writeSnapshot('INBOX', snap);
    const key = [...s.entries.keys()][0]!;
    for (const bad of ['{not json', JSON.stringify({ uidValidity: 5 }), 'null', JSON.stringify({ ...JSON.parse(s.entries.get(key)!), uidValidity: '-1' })]) {
      s.entries.set(key, bad);
      expect(new SyncState(s, ACCOUNT, undefined).readSnapshot('INBOX')).toBeUndefined();
    }
  });

  it('tells a renumbered mailbox from a changed and an unchanged one', () => {
    expect(compareSnapshot(undefined, snap)).toBe('first-search');
    expect(compareSnapshot(snap, { ...snap })).toBe('unchanged');
    expect(compareSnapshot(snap, { ...snap, uidValidity: 1795769711n })).toBe('renumbered');
    expect(compareSnapshot(snap, { ...snap, uidNext: 43, messages: 42 })).toBe('changed');
    expect(compareSnapshot(snap, { ...snap, highestModseq: 8n })).toBe('changed');
  });
});

describe('SyncState: the subject state', () => {
  it('is kept per subject fingerprint, account and mailbox, and holds UIDs, never identifiers or names', () => {
    const s = store();
    new SyncState(s, ACCOUNT, FP).writeSubjectState('Kunden/Jürgen Weiß', state);
    const [key, value] = [...s.entries][0]!;
    expect(key).toBe(`imap.subject.${FP}.${key.split('.').at(-1)}`);
    expect(key).toMatch(/^imap\.subject\.[0-9a-f]{64}\.[0-9a-f]{32}$/);
    expect(JSON.parse(value)).toEqual({ v: 1, uidValidity: '1795769710', uidNext: 42, highestModseq: '7', revisit: '3:5,17' });
    expect(new SyncState(s, ACCOUNT, FP).readSubjectState('Kunden/Jürgen Weiß')).toEqual(state);
    expect(new SyncState(s, ACCOUNT, OTHER_FP).readSubjectState('Kunden/Jürgen Weiß')).toBeUndefined();
    expect(new SyncState(s, 'other@127.0.0.1:1143', FP).readSubjectState('Kunden/Jürgen Weiß')).toBeUndefined();
    expect(new SyncState(s, ACCOUNT, FP).readSubjectState('INBOX')).toBeUndefined();
  });

  it('is neither read nor written without a fingerprint or a store', () => {
    const s = store();
    const anonymous = new SyncState(s, ACCOUNT, undefined);
    expect(anonymous.incremental).toBe(false);
    anonymous.writeSubjectState('INBOX', state);
    expect(s.entries.size).toBe(0);
    expect(new SyncState(undefined, ACCOUNT, FP).incremental).toBe(false);
    expect(new SyncState(s, ACCOUNT, FP).incremental).toBe(true);
  });

  it('drops UIDs that arrived during the search (the next search finds them as new mail)', () => {
    const s = store();
    new SyncState(s, ACCOUNT, FP).writeSubjectState('INBOX', { ...state, revisit: [3, 41, 42, 50] });
    expect(new SyncState(s, ACCOUNT, FP).readSubjectState('INBOX')?.revisit).toEqual([3, 41]);
  });

  it('rejects a corrupted or implausible entry: no state, so a full scan', () => {
    const s = store();
    const sync = new SyncState(s, ACCOUNT, FP);
    sync.writeSubjectState('INBOX', state);
    const key = [...s.entries.keys()][0]!;
    const good = JSON.parse(s.entries.get(key)!) as Record<string, unknown>;
    for (const bad of [
      '[]',
      JSON.stringify({ ...good, v: 2 }),
      JSON.stringify({ ...good, uidNext: 0 }),
      JSON.stringify({ ...good, uidNext: 1.5 }),
      JSON.stringify({ ...good, revisit: '5:3' }),
      JSON.stringify({ ...good, revisit: '3,3' }),
      JSON.stringify({ ...good, revisit: '3,x' }),
      JSON.stringify({ ...good, revisit: '41:42' }), // a revisit UID at or above UIDNEXT
      JSON.stringify({ ...good, revisit: `1:${MAX_REVISIT_UIDS + 1}`, uidNext: MAX_REVISIT_UIDS + 5 }),
      JSON.stringify({ ...good, uidValidity: 1795769710 }),
    ]) {
      s.entries.set(key, bad);
      expect(sync.readSubjectState('INBOX'), bad).toBeUndefined();
    }
  });

  it('does not store a revisit list above MAX_REVISIT_UIDS (the older state stays, and stays true)', () => {
    const s = store();
    const sync = new SyncState(s, ACCOUNT, FP);
    sync.writeSubjectState('INBOX', state);
    const huge = Array.from({ length: MAX_REVISIT_UIDS + 1 }, (_, i) => i + 1);
    sync.writeSubjectState('INBOX', { ...state, uidNext: MAX_REVISIT_UIDS + 10, revisit: huge });
    expect(sync.readSubjectState('INBOX')).toEqual(state);
  });
});

describe('planScan', () => {
  it('scans everything without state', () => {
    expect(planScan(undefined, snap)).toEqual({ kind: 'full', reason: 'no-state' });
  });

  it('fetches only the revisit UIDs and new mail when UIDVALIDITY is unchanged', () => {
    expect(planScan(state, snap)).toEqual({ kind: 'incremental', revisit: [3, 4, 5, 17], from: 42 });
    expect(planScan(state, { ...snap, uidNext: 50, messages: 45, highestModseq: 12n })).toEqual({ kind: 'incremental', revisit: [3, 4, 5, 17], from: 42 });
    // Flag changes and expunges move HIGHESTMODSEQ; neither can make an old message match.
    expect(planScan(state, { ...snap, messages: 30, highestModseq: 99n }).kind).toBe('incremental');
    // A server without CONDSTORE now, or then, still has UIDs.
    expect(planScan({ ...state, highestModseq: undefined }, snap).kind).toBe('incremental');
    expect(planScan(state, { ...snap, highestModseq: undefined }).kind).toBe('incremental');
  });

  it('scans everything when the server renumbered the mailbox or went back in time', () => {
    expect(planScan(state, { ...snap, uidValidity: 1795769711n })).toEqual({ kind: 'full', reason: 'renumbered' });
    expect(planScan(state, { ...snap, uidNext: 41 })).toEqual({ kind: 'full', reason: 'uidnext-went-back' });
    expect(planScan(state, { ...snap, highestModseq: 6n })).toEqual({ kind: 'full', reason: 'modseq-went-back' });
  });
});

describe('UID sets', () => {
  it('collapse runs into an RFC 3501 sequence set and parse back', () => {
    expect(uidSet([9, 3, 4, 5, 7, 12, 13, 4])).toBe('3:5,7,9,12:13');
    expect(uidSet([1])).toBe('1');
    expect(uidSet([])).toBe('');
    expect(parseUidSet('3:5,7,9,12:13', 100)).toEqual([3, 4, 5, 7, 9, 12, 13]);
    expect(parseUidSet('', 100)).toEqual([]);
    expect(parseUidSet('1:101', 100)).toBeUndefined();
    expect(parseUidSet('0', 100)).toBeUndefined();
    expect(parseUidSet('4294967296', 100)).toBeUndefined();
  });

  it('split into chunks that each stay below the length limit and together cover every UID', () => {
    const uids = Array.from({ length: 3000 }, (_, i) => 1 + i * 7);
    const chunks = chunkedUidSets(uids, 1000);
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(1000);
    expect(chunks.flatMap((c) => parseUidSet(c, 10_000)!)).toEqual(uids);
    expect(chunkedUidSets([], 1000)).toEqual([]);
    expect(chunkedUidSets([5, 6, 7], 1000)).toEqual(['5:7']);
  });
});
