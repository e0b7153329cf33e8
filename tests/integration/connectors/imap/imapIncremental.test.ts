import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imapConnector } from '../../../../src/core/connectors/imap/imapConnector.js';
import { compileSubject } from '../../../../src/core/identity/compileSubject.js';
import type { SubjectQuery } from '../../../../src/core/domain/subjectQuery.js';
import { appendMessages, startDovecot, type DovecotServer } from '../../helpers/dovecot.js';
import { ARCHIV_2023, ENTWUERFE, fillers, INBOX, OTHER_SUBJECT, SUBJECT, type Fixture } from './imapFixtures.js';
import { collect, findingsOf, foundIds, imapConfig, memoryState, testContext, uncoveredOf, warningsOf } from './imapTestContext.js';
import { breakMessageFile, maildirOf } from './maildirFiles.js';
import { startTcpProxy, type TcpProxy } from './tcpProxy.js';

/**
 * Re-searching for the same subject with the sync state of an earlier search (syncState.ts):
 * identical results, far fewer bytes on the socket, new mail found, expunged mail gone, and no
 * shortcut for anyone else. Every test seeds its own mailboxes under its own prefix and searches
 * only those, so one test's APPEND or EXPUNGE cannot change another's result.
 *
 * Bytes are counted by a TCP proxy between the connector and Dovecot: what the server really sent.
 */

let server: DovecotServer;
let proxy: TcpProxy;
const secrets = { IMAP_PASSWORD: 'secret' };
const subject = compileSubject(SUBJECT);
const other = compileSubject(OTHER_SUBJECT);

/** Enough everyday mail that the text of the non-matching messages dominates a full scan. */
const FILLERS = 200;

interface Seeded {
  readonly mailboxes: Record<string, Fixture[]>;
  readonly uids: Record<string, number[]>;
  readonly config: ReturnType<typeof imapConfig>;
}

async function seed(prefix: string): Promise<Seeded> {
  const mailboxes: Record<string, Fixture[]> = {
    [`${prefix}/Posteingang`]: [...INBOX.slice(0, 5), ...fillers(FILLERS, `${prefix}-filler`), ...INBOX.slice(5)],
    [`${prefix}/Entwürfe`]: ENTWUERFE,
    [`${prefix}/Archiv/2023`]: ARCHIV_2023,
  };
  const uids = await appendMessages(server, Object.fromEntries(Object.entries(mailboxes).map(([name, list]) => [name, list.map((f) => f.raw)])));
  const config = imapConfig(server, { port: proxy.port, mailboxes: Object.keys(mailboxes) });
  return { mailboxes, uids, config };
}

const expectedIds = (s: Seeded): string[] => Object.values(s.mailboxes).flat().filter((f) => f.concernsSubject).map((f) => f.id).sort();

/** One search through the proxy: its events, the bytes the server sent, and its progress. */
async function search(config: Seeded['config'], query: SubjectQuery, state?: ReturnType<typeof memoryState>) {
  const ctx = testContext({ secrets, state });
  const before = proxy.bytesToClient;
  const events = await collect(imapConnector.search(config, query, ctx));
  return { events, bytes: proxy.bytesToClient - before, progress: ctx.progressLog };
}

async function withClient<T>(run: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({ host: server.host, port: server.port, secure: false, doSTARTTLS: false, auth: { user: server.user, pass: server.password }, logger: false, disableAutoIdle: true });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.logout();
  }
}

beforeAll(async () => {
  server = await startDovecot();
  proxy = await startTcpProxy(server.port);
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await server?.dispose();
});

describe('imap connector: incremental re-search for the same subject', () => {
  it('returns identical findings and warnings while the server sends far fewer bytes', async () => {
    const s = await seed('same');
    const state = memoryState();
    const first = await search(s.config, subject, state);
    const second = await search(s.config, subject, state);

    expect(foundIds(first.events)).toEqual(expectedIds(s));
    expect(uncoveredOf(first.events)).toEqual([]);
    // Everything: ids, locators (mailbox, UID, UIDVALIDITY), matches, titles, dates, records, order.
    expect(second.events).toEqual(first.events);
    // The second search fetched the matching messages again (to rebuild their records), no other.
    expect(second.bytes).toBeLessThan(first.bytes / 4);
    // Progress still covers every message: those carried over from the state count as covered.
    const total = Object.values(s.mailboxes).flat().length;
    expect(second.progress.at(-1)).toMatchObject({ scanned: total, total });
    console.info(`incremental re-search: first ${first.bytes} bytes, second ${second.bytes} bytes (${((100 * second.bytes) / first.bytes).toFixed(1)}%)`);
  });

  it('keeps only hashes and UIDs: no identifier, no mailbox name, no content', async () => {
    const s = await seed('privacy');
    const state = memoryState();
    await search(s.config, subject, state);
    const subjectEntries = [...state.entries].filter(([key]) => key.startsWith('imap.subject.'));
    expect(subjectEntries).toHaveLength(3);
    for (const [key, value] of subjectEntries) {
      expect(key).toBe(`imap.subject.${subject.fingerprint}.${key.slice(-32)}`);
      expect(Object.keys(JSON.parse(value) as object).sort()).toEqual(['highestModseq', 'revisit', 'uidNext', 'uidValidity', 'v']);
    }
    const everything = JSON.stringify([...state.entries]);
    for (const secret of ['weiss', 'Weiß', '12345678', 'K-10442', 'privacy', 'Entw', 'Archiv', 'office']) expect(everything).not.toContain(secret);
  });

  it('finds mail that arrived since, matching or not, without fetching the old mail again', async () => {
    const s = await seed('new');
    const inbox = `new/Posteingang`;
    const state = memoryState();
    const first = await search(s.config, subject, state);
    const arrived = newMail('arrived@t', 'Neue Nachricht von j.weiss@beispiel-gmbh.de.');
    const unrelated = newMail('unrelated@t', 'Nichts Neues.');
    const appended = await withClient(async (client) => {
      const uids: number[] = [];
      for (const raw of [arrived, unrelated]) {
        const res = await client.append(inbox, raw);
        if (!res || !res.uid) throw new Error('APPEND returned no UID');
        uids.push(res.uid);
      }
      return uids;
    });
    const second = await search(s.config, subject, state);
    expect(foundIds(second.events)).toEqual([...expectedIds(s), 'arrived@t'].sort());
    expect(findingsOf(second.events).find((f) => f.locator.messageId === 'arrived@t')?.locator).toMatchObject({ mailbox: inbox, uid: appended[0] });
    expect(second.bytes).toBeLessThan(first.bytes / 4);
    // And the third search knows the new message too: it is one of the messages to revisit.
    const third = await search(s.config, subject, state);
    expect(third.events).toEqual(second.events);
  });

  it('drops the finding of a message expunged since, without a warning', async () => {
    const s = await seed('gone');
    const state = memoryState();
    const first = await search(s.config, subject, state);
    const victim = findingsOf(first.events).find((f) => f.locator.messageId === 'base64-body@t')!;
    await withClient(async (client) => {
      await client.mailboxOpen(victim.locator.mailbox!);
      expect(await client.messageDelete(String(victim.locator.uid), { uid: true })).toBe(true);
    });
    const second = await search(s.config, subject, state);
    expect(foundIds(second.events)).toEqual(expectedIds(s).filter((id) => id !== 'base64-body@t'));
    expect(warningsOf(second.events)).toEqual([]);
    expect(second.events).toEqual(first.events.filter((e) => e !== victim));
  });

  it('gives another subject a complete scan, and a plain query (no fingerprint) too', async () => {
    const s = await seed('other');
    const state = memoryState();
    const mine = await search(s.config, subject, state);
    const theirs = await search(s.config, other, state);
    const theirsWithoutState = await search(s.config, other);
    expect(foundIds(theirs.events)).toEqual(['draft-other@t']);
    expect(theirs.events).toEqual(theirsWithoutState.events);
    // A full scan costs what the first search for the subject cost, give or take the matches' text.
    expect(theirs.bytes).toBeGreaterThan(mine.bytes * 0.8);
    const plain = await search(s.config, { ...compileSubject(SUBJECT), fingerprint: undefined }, state);
    expect(plain.events).toEqual(mine.events);
    expect(plain.bytes).toBeGreaterThan(mine.bytes * 0.8);
  });

  it('scans a renumbered mailbox (new UIDVALIDITY) completely again', async () => {
    const s = await seed('renumbered');
    const state = memoryState();
    const first = await search(s.config, subject, state);
    const drafts = 'renumbered/Entwürfe';
    await withClient((client) => client.mailboxDelete(drafts));
    // Re-created with other mail at the same UIDs: trusting the old state would report UID 1 as
    // the subject's draft, and miss the new one at UID 2.
    const swapped = [ENTWUERFE[1]!, ENTWUERFE[0]!];
    await appendMessages(server, { [drafts]: swapped.map((f) => f.raw) });
    const second = await search(s.config, subject, state);
    expect(foundIds(second.events)).toEqual(foundIds(first.events));
    expect(findingsOf(second.events).find((f) => f.locator.messageId === 'draft@t')?.locator).toMatchObject({ mailbox: drafts, uid: 2 });
    expect(warningsOf(second.events)).toEqual([expect.objectContaining({ message: expect.stringMatching(/renumbered/) })]);
  });

  it('lost or damaged state only costs a full scan', async () => {
    const s = await seed('damaged');
    const state = memoryState();
    const first = await search(s.config, subject, state);
    for (const key of state.entries.keys()) if (key.startsWith('imap.subject.')) state.entries.set(key, '{"v":1,"uidValidity":"x"');
    const second = await search(s.config, subject, state);
    expect(second.events).toEqual(first.events);
    expect(second.bytes).toBeGreaterThan(first.bytes * 0.9);
    // ... and writes good state again.
    const third = await search(s.config, subject, state);
    expect(third.events).toEqual(first.events);
    expect(third.bytes).toBeLessThan(first.bytes / 4);
  });

  it('repeats the warning for a message the server would not hand out, instead of skipping it silently', async () => {
    const s = await seed('unreadable');
    const inbox = 'unreadable/Posteingang';
    const fillerUid = s.uids[inbox]![10]!; // a filler: it gives no finding, only the warning
    await breakMessageFile(maildirOf(server, inbox), fillerUid);
    const config = { ...s.config, reconnect: { attempts: 3, delayMs: 20 } };
    const state = memoryState();
    const first = await search(config, subject, state);
    const second = await search(config, subject, state);
    const unreadable = expect.objectContaining({ locator: expect.objectContaining({ mailbox: inbox, uid: fillerUid }), uncovered: true });
    expect(uncoveredOf(first.events)).toEqual([unreadable]);
    expect(uncoveredOf(second.events)).toEqual([unreadable]);
    expect(foundIds(second.events)).toEqual(expectedIds(s));
  });
});

function newMail(id: string, body: string): Buffer {
  return Buffer.from(`Message-ID: <${id}>\r\nDate: Tue, 14 Jan 2025 09:00:00 +0100\r\nFrom: buero@firma.example\r\nTo: team@firma.example\r\nSubject: ${id}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`);
}
