import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceError } from '../../../../src/core/connectors/connector.js';
import { imapConnector } from '../../../../src/core/connectors/imap/imapConnector.js';
import { compileSubject } from '../../../../src/core/identity/compileSubject.js';
import { appendMessages, startDovecot, type DovecotServer } from '../../helpers/dovecot.js';
import { SUBJECT } from './imapFixtures.js';
import { collect, findingsOf, imapConfig, testContext } from './imapTestContext.js';

/**
 * readOriginal on a real Dovecot: the message's raw RFC 822 source, byte for byte, fetched by the
 * UID the search found; nothing for a UID that is gone; a clear failure when the mailbox's
 * UIDVALIDITY is no longer the one the UID belongs to; and the mailbox is only examined (no \Seen).
 */

const raw = (id: string, body: string, to = 'j.weiss@beispiel-gmbh.de'): string =>
  `Message-ID: <${id}>\r\nFrom: "Büro" <buero@firma.example>\r\nTo: ${to}\r\nSubject: =?UTF-8?Q?R=C3=BCckruf?= ${id}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${body}\r\n`;
const first = raw('orig-1@t', 'Guten Tag Herr Weiß, bitte rufen Sie zurück.');
const second = raw('orig-2@t', 'Zweite Nachricht, Archiv.');

let server: DovecotServer;
const secrets = { IMAP_PASSWORD: 'secret' };

beforeAll(async () => {
  server = await startDovecot();
  await appendMessages(server, { INBOX: [first, raw('other@t', 'Nichts über ihn.', 'erika@muster.example')], 'Archiv/2023': [second] });
});

afterAll(async () => {
  await server?.dispose();
});

describe('imap connector: readOriginal', () => {
  it('returns the raw message the search found, byte for byte, for every mailbox', async () => {
    const config = imapConfig(server);
    const found = findingsOf(await collect(imapConnector.search(config, compileSubject(SUBJECT), testContext({ secrets }))));
    const byId = new Map(found.map((f) => [f.locator.messageId, f.locator]));
    expect([...byId.keys()].sort()).toEqual(['orig-1@t', 'orig-2@t']);
    for (const [id, bytes] of [['orig-1@t', first], ['orig-2@t', second]] as const) {
      const original = await imapConnector.readOriginal!(config, byId.get(id)!, testContext({ secrets }));
      expect(original?.filename).toBe(`${id}.eml`);
      expect(original?.bytes.equals(Buffer.from(bytes, 'utf8'))).toBe(true);
    }
  });

  it('reads many originals at once (as the export does), each the right message', async () => {
    const config = imapConfig(server);
    const found = findingsOf(await collect(imapConnector.search(config, compileSubject(SUBJECT), testContext({ secrets }))));
    const wanted = Array.from({ length: 12 }, (_, i) => found[i % found.length]!.locator);
    const originals = await Promise.all(wanted.map((locator) => imapConnector.readOriginal!(config, locator, testContext({ secrets }))));
    originals.forEach((original, i) => expect(original?.bytes.equals(Buffer.from(wanted[i]!.messageId === 'orig-1@t' ? first : second, 'utf8'))).toBe(true));
  });

  it('gives null for a UID that is not (or no longer) in the mailbox, and for a mailbox that is gone', async () => {
    const config = imapConfig(server);
    const found = findingsOf(await collect(imapConnector.search(config, compileSubject(SUBJECT), testContext({ secrets }))));
    const locator = found.find((f) => f.locator.messageId === 'orig-1@t')!.locator;
    expect(await imapConnector.readOriginal!(config, { ...locator, uid: 999_999 }, testContext({ secrets }))).toBeNull();
    expect(await imapConnector.readOriginal!(config, { ...locator, mailbox: 'Gibt-es-nicht' }, testContext({ secrets }))).toBeNull();
    // Same UID, but the message there is not the one found: never ship someone else's message.
    expect(await imapConnector.readOriginal!(config, { ...locator, messageId: 'someone-else@t' }, testContext({ secrets }))).toBeNull();
  });

  it('fails clearly when the mailbox was renumbered (UIDVALIDITY changed) since the search', async () => {
    const config = imapConfig(server);
    const found = findingsOf(await collect(imapConnector.search(config, compileSubject(SUBJECT), testContext({ secrets }))));
    const locator = found.find((f) => f.locator.messageId === 'orig-1@t')!.locator;
    const stale = { ...locator, uidValidity: (locator.uidValidity ?? 0) + 1 };
    const attempt = imapConnector.readOriginal!(config, stale, testContext({ secrets }));
    await expect(attempt).rejects.toBeInstanceOf(SourceError);
    await expect(imapConnector.readOriginal!(config, stale, testContext({ secrets }))).rejects.toThrow(/renumbered by the server since the search \(UIDVALIDITY \d+ → \d+\).*search the case again/);
  });

  it('fails with the reason when the password is wrong, and never names the password', async () => {
    const config = imapConfig(server);
    const attempt = imapConnector.readOriginal!(config, { mailbox: 'INBOX', uid: 1, uidValidity: 1 }, testContext({ secrets: { IMAP_PASSWORD: 'falsch-geheim' } }));
    await expect(attempt).rejects.toThrow(/login as .* was refused/);
    await expect(imapConnector.readOriginal!(config, { mailbox: 'INBOX', uid: 1, uidValidity: 1 }, testContext({ secrets: { IMAP_PASSWORD: 'falsch-geheim' } }))).rejects.not.toThrow(/falsch-geheim/);
    // Reads waiting on the same account fail with the refusal instead of logging in again each.
    const queued = await Promise.allSettled(
      [1, 2, 3].map((uid) => imapConnector.readOriginal!(config, { mailbox: 'INBOX', uid, uidValidity: 1 }, testContext({ secrets: { IMAP_PASSWORD: 'falsch-geheim' } }))),
    );
    expect(queued.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const r of queued) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(SourceError);
      expect(String((r as PromiseRejectedResult).reason)).toMatch(/was refused/);
    }
  });
});
