import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FoundRecord, SearchEvent } from '../../../../src/core/connectors/connector.js';
import { imapConnector } from '../../../../src/core/connectors/imap/imapConnector.js';
import { mboxConnector } from '../../../../src/core/connectors/mbox/mboxConnector.js';
import { loadConnector } from '../../../../src/core/connectors/registry.js';
import { compileSubject } from '../../../../src/core/identity/compileSubject.js';
import { appendMessages, startDovecot, type DovecotServer } from '../../helpers/dovecot.js';
import { BIG_BINARY_BYTES, MAILBOXES, OTHER_SUBJECT, SUBJECT, type Fixture } from './imapFixtures.js';
import { collect, findingsOf, foundIds, imapConfig, memoryState, testContext, uncoveredOf, warningsOf } from './imapTestContext.js';
import { startTcpProxy, type TcpProxy } from './tcpProxy.js';

/** Searches against a real Dovecot holding INBOX, "Entwürfe" (modified UTF-7 on the wire) and "Archiv/2023". */

let server: DovecotServer;
let proxy: TcpProxy;
let uids: Record<string, number[]>;
const secrets = { IMAP_PASSWORD: 'secret' };
const subject = compileSubject(SUBJECT);

const allFixtures = (): Array<Fixture & { mailbox: string }> => Object.entries(MAILBOXES).flatMap(([mailbox, list]) => list.map((f) => ({ ...f, mailbox })));
const expectedIds = (): string[] => allFixtures().filter((f) => f.concernsSubject).map((f) => f.id).sort();

beforeAll(async () => {
  server = await startDovecot();
  uids = await appendMessages(server, Object.fromEntries(Object.entries(MAILBOXES).map(([name, list]) => [name, list.map((f) => f.raw)])));
  proxy = await startTcpProxy(server.port);
});

afterAll(async () => {
  await proxy?.close();
  await server?.dispose();
});

describe('imap connector: search', () => {
  it('is registered under type "imap"', async () => {
    expect(await loadConnector('imap')).toBe(imapConnector);
  });

  it('finds every message that concerns the subject, in every selectable mailbox, and nothing else', async () => {
    const events = await collect(imapConnector.search(imapConfig(server), subject, testContext({ secrets })));
    expect(uncoveredOf(events)).toEqual([]);
    expect(foundIds(events)).toEqual(expectedIds());
  });

  it('has the same recall as the mbox connector on the same messages: same ids, matches, titles and dates', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'auskunft-imap-mbox-'));
    try {
      const mbox = allFixtures()
        .map((f) => Buffer.concat([Buffer.from('From MAILER-DAEMON Mon Jan 13 09:00:00 2025\n'), f.raw, Buffer.from('\n')]))
        .reduce((a, b) => Buffer.concat([a, b]));
      await writeFile(join(dir, 'all.mbox'), mbox);
      const mboxConfig = mboxConnector.configSchema.parse({ id: 'archive', type: 'mbox', path: 'all.mbox' });
      const fromMbox = await collect(mboxConnector.search(mboxConfig, subject, { ...testContext(), resolvePath: (p) => join(dir, p) }));
      const fromImap = await collect(imapConnector.search(imapConfig(server), subject, testContext({ secrets })));
      expect(comparable(fromImap)).toEqual(comparable(fromMbox));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('locates each finding by messageId, decoded mailbox name, UID and UIDVALIDITY', async () => {
    const events = await collect(imapConnector.search(imapConfig(server), subject, testContext({ secrets })));
    const draft = findingsOf(events).find((f) => f.locator.messageId === 'draft@t');
    expect(draft?.locator).toEqual({ messageId: 'draft@t', mailbox: 'Entwürfe', uid: uids['Entwürfe']![0], uidValidity: expect.any(Number) });
    const archived = findingsOf(events).find((f) => f.locator.messageId === 'rfc2047-subject@t');
    expect(archived?.locator).toMatchObject({ mailbox: 'Archiv/2023', uid: uids['Archiv/2023']![0] });
    // One finding per message: no message is reported twice.
    const keys = findingsOf(events).map((f) => `${f.locator.mailbox}/${f.locator.uid}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('never downloads the binary attachment: bytes on the socket stay far below the message size', async () => {
    const before = proxy.bytesToClient;
    const events = await collect(imapConnector.search(imapConfig(server, { port: proxy.port }), subject, testContext({ secrets })));
    const received = proxy.bytesToClient - before;
    // The text part of that message is searched all the same.
    expect(foundIds(events)).toContain('big-binary@t');
    const big = findingsOf(events).find((f) => f.locator.messageId === 'big-binary@t');
    // The attachment is listed in the record with its (estimated) size, although it was not fetched.
    expect(big?.record?.kind === 'mail' && big.record.attachments?.find((a) => a.filename === 'vertrag.pdf')?.size).toBeGreaterThan(BIG_BINARY_BYTES * 0.95);
    expect(received).toBeLessThan(BIG_BINARY_BYTES / 10);
  });

  it('reports progress per mailbox with a total known up front', async () => {
    const ctx = testContext({ secrets });
    await collect(imapConnector.search(imapConfig(server), subject, ctx));
    const total = allFixtures().length;
    expect(new Set(ctx.progressLog.map((p) => p.detail).filter(Boolean))).toEqual(new Set(['INBOX', 'Entwürfe', 'Archiv/2023']));
    expect(ctx.progressLog.every((p) => p.total === total)).toBe(true);
    expect(ctx.progressLog.at(-1)).toMatchObject({ scanned: total, total });
  });

  it('searches only the configured mailboxes and reports a configured one that does not exist', async () => {
    const events = await collect(imapConnector.search(imapConfig(server, { mailboxes: ['Entwürfe', 'Gibt/Es/Nicht'] }), subject, testContext({ secrets })));
    expect(foundIds(events)).toEqual(['draft@t']);
    expect(uncoveredOf(events)).toEqual([expect.objectContaining({ locator: { mailbox: 'Gibt/Es/Nicht' }, message: expect.stringContaining('does not exist') })]);
  });

  it('check() logs in and lists the mailboxes', async () => {
    const result = await imapConnector.check(imapConfig(server), testContext({ secrets }));
    expect(result).toEqual({ ok: true, message: expect.stringMatching(/3 mailbox\(es\), 17 message\(s\)/) });
  });
});

describe('imap connector: sync state', () => {
  it('stores only mailbox positions and the subject\'s matched UIDs, under hashed keys', async () => {
    const state = memoryState();
    await collect(imapConnector.search(imapConfig(server), subject, testContext({ secrets, state })));
    const keys = [...state.entries.keys()];
    expect(keys.filter((k) => /^imap\.mailbox\.[0-9a-f]{32}$/.test(k))).toHaveLength(3);
    // Per subject: keyed by the fingerprint (never an identifier), holding UIDs and positions only.
    expect(keys.filter((k) => /^imap\.subject\.[0-9a-f]{64}\.[0-9a-f]{32}$/.test(k))).toHaveLength(3);
    expect(keys).toHaveLength(6);
    for (const [key, value] of state.entries) {
      const fields = key.startsWith('imap.mailbox.') ? ['highestModseq', 'messages', 'uidNext', 'uidValidity'] : ['highestModseq', 'revisit', 'uidNext', 'uidValidity', 'v'];
      expect(Object.keys(JSON.parse(value) as object).sort()).toEqual(expect.arrayContaining(fields.filter((f) => f !== 'highestModseq')));
      expect(value).not.toMatch(/weiss|@|\+49/i);
    }
    // A second search over the unchanged mailboxes, for another person, is still complete.
    const events = await collect(imapConnector.search(imapConfig(server), compileSubject(OTHER_SUBJECT), testContext({ secrets, state })));
    expect(foundIds(events)).toEqual(['draft-other@t']);
    expect(warningsOf(events)).toEqual([]);
  });

  it('detects a changed UIDVALIDITY against the stored state and still searches the mailbox completely', async () => {
    const state = memoryState();
    await collect(imapConnector.search(imapConfig(server), subject, testContext({ secrets, state })));
    await recreateMailbox(server, 'Entwürfe', MAILBOXES['Entwürfe']!);
    const events = await collect(imapConnector.search(imapConfig(server), subject, testContext({ secrets, state })));
    const renumbered = warningsOf(events).filter((w) => /renumbered/.test(w.message));
    expect(renumbered).toEqual([expect.objectContaining({ locator: expect.objectContaining({ mailbox: 'Entwürfe' }) })]);
    expect(renumbered[0]?.uncovered).toBeUndefined();
    expect(foundIds(events)).toEqual(expectedIds());
  });
});

/** Per messageId: sorted matches, title, date. Locators differ by design (path/offset vs mailbox/uid). */
function comparable(events: ReadonlyArray<SearchEvent>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of findingsOf(events) as FoundRecord[]) {
    out[f.locator.messageId ?? '?'] = { matches: [...f.matches].map((m) => JSON.stringify(m)).sort(), title: f.title, date: f.date };
  }
  return out;
}

/** Delete and re-create a mailbox with the same messages: the server gives it a new UIDVALIDITY. */
async function recreateMailbox(s: DovecotServer, name: string, fixtures: ReadonlyArray<Fixture>): Promise<void> {
  const client = new ImapFlow({ host: s.host, port: s.port, secure: false, doSTARTTLS: false, auth: { user: s.user, pass: s.password }, logger: false, disableAutoIdle: true });
  await client.connect();
  try {
    await client.mailboxDelete(name);
  } finally {
    await client.logout();
  }
  await appendMessages(s, { [name]: fixtures.map((f) => f.raw) });
}
