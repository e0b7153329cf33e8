import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imapConnector } from '../../../../src/core/connectors/imap/imapConnector.js';
import { compileSubject } from '../../../../src/core/identity/compileSubject.js';
import { appendMessages, startDovecot, type DovecotServer } from '../../helpers/dovecot.js';
import { SUBJECT } from './imapFixtures.js';
import { breakMessageFile, maildirOf } from './maildirFiles.js';
import { collect, foundIds, imapConfig, testContext, uncoveredOf } from './imapTestContext.js';

/**
 * A message the server cannot read: Dovecot, unable to open its file, ends the whole session on
 * FETCH. The scan must find that one message (going one at a time after two drops at the same
 * point), report it by UID, and still search everything around it and the other mailboxes.
 */

const message = (id: string, body: string): string => `Message-ID: <${id}>\r\nFrom: buero@firma.example\r\nSubject: ${id}\r\nContent-Type: text/plain\r\n\r\n${body}\r\n`;
const inbox = Array.from({ length: 12 }, (_, i) => message(`m${i + 1}@t`, i % 2 === 0 ? 'Bitte j.weiss@beispiel-gmbh.de anrufen.' : 'Nichts.'));

let server: DovecotServer;
let uids: Record<string, number[]>;

beforeAll(async () => {
  server = await startDovecot();
  uids = await appendMessages(server, { INBOX: inbox, 'Archiv/2023': [message('archived@t', 'Kontakt: j.weiss@beispiel-gmbh.de')] });
  // m5 (a target) becomes unreadable for Dovecot's mail user.
  await breakMessageFile(maildirOf(server), uids['INBOX']![4]!);
});

afterAll(async () => {
  await server?.dispose();
});

describe('imap connector: a message the server cannot read', () => {
  it('is reported by its UID, and everything else is still searched', async () => {
    const config = imapConfig(server, { reconnect: { attempts: 3, delayMs: 20 } });
    const events = await collect(imapConnector.search(config, compileSubject(SUBJECT), testContext({ secrets: { IMAP_PASSWORD: 'secret' } })));
    expect(foundIds(events)).toEqual(['archived@t', 'm1@t', 'm11@t', 'm3@t', 'm7@t', 'm9@t'].sort());
    expect(uncoveredOf(events)).toEqual([
      { kind: 'warning', locator: { mailbox: 'INBOX', uid: uids['INBOX']![4], uidValidity: expect.any(Number) }, message: expect.stringMatching(/closed the connection each time this message was fetched/), uncovered: true },
    ]);
  });
});
