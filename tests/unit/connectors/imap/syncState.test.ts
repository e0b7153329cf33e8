import { describe, expect, it } from 'vitest';
import type { SourceStateStore } from '../../../../src/core/connectors/connector.js';
import { compareSnapshot, readSnapshot, writeSnapshot, type MailboxSnapshot } from '../../../../src/core/connectors/imap/syncState.js';
import { uidSet } from '../../../../src/core/connectors/imap/scanMailbox.js';

function store(): SourceStateStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return { entries, get: (k) => entries.get(k), set: (k, v) => void entries.set(k, v) };
}

const snap: MailboxSnapshot = { uidValidity: 1795769710n, uidNext: 42, highestModseq: 7n, messages: 41 };

describe('sync state', () => {
  it('round-trips a snapshot under a key that does not reveal the mailbox name', () => {
    const s = store();
    writeSnapshot(s, 'Kunden/Jürgen Weiß', snap);
    expect([...s.entries.keys()][0]).toMatch(/^imap\.mailbox\.[0-9a-f]{32}$/);
    expect([...s.entries.values()][0]).not.toMatch(/Weiß|Kunden/);
    expect(readSnapshot(s, 'Kunden/Jürgen Weiß')).toEqual(snap);
    expect(readSnapshot(s, 'INBOX')).toBeUndefined();
    expect(readSnapshot(undefined, 'INBOX')).toBeUndefined();
  });

  it('treats unreadable state as no state', () => {
    const s = store();
    writeSnapshot(s, 'INBOX', snap);
    const key = [...s.entries.keys()][0]!;
    s.entries.set(key, '{not json');
    expect(readSnapshot(s, 'INBOX')).toBeUndefined();
    s.entries.set(key, JSON.stringify({ uidValidity: 5 }));
    expect(readSnapshot(s, 'INBOX')).toBeUndefined();
  });

  it('tells a renumbered mailbox from a changed and an unchanged one', () => {
    expect(compareSnapshot(undefined, snap)).toBe('first-search');
    expect(compareSnapshot(snap, { ...snap })).toBe('unchanged');
    expect(compareSnapshot(snap, { ...snap, uidValidity: 1795769711n })).toBe('renumbered');
    expect(compareSnapshot(snap, { ...snap, uidNext: 43, messages: 42 })).toBe('changed');
    expect(compareSnapshot(snap, { ...snap, highestModseq: 8n })).toBe('changed');
  });
});

describe('uidSet', () => {
  it('collapses runs into an RFC 3501 sequence set', () => {
    expect(uidSet([9, 3, 4, 5, 7, 12, 13])).toBe('3:5,7,9,12:13');
    expect(uidSet([1])).toBe('1');
  });
});
