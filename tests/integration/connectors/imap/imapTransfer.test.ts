import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imapConnector } from '../../../../src/core/connectors/imap/imapConnector.js';
import { WHOLE_MESSAGE_MAX_BYTES } from '../../../../src/core/connectors/imap/scanMailbox.js';
import { compileSubject } from '../../../../src/core/identity/compileSubject.js';
import { appendMessages, startDovecot, type DovecotServer } from '../../helpers/dovecot.js';
import { SUBJECT } from './imapFixtures.js';
import { collect, foundIds, imapConfig, testContext, uncoveredOf } from './imapTestContext.js';
import { startTcpProxy, type TcpProxy } from './tcpProxy.js';

/**
 * What one search puts on the wire, counted on the socket: a small message comes whole, without a
 * BODYSTRUCTURE question first (that answer would cost more than the message's binary parts could);
 * a large one comes as headers and text parts only.
 */

let server: DovecotServer;
let proxy: TcpProxy;
const secrets = { IMAP_PASSWORD: 'secret' };
const subject = compileSubject(SUBJECT);

const PARAGRAPH = 'Vielen Dank für Ihre Nachricht. Wir melden uns in Kürze mit dem überarbeiteten Angebot und den Lieferterminen für das zweite Quartal. ';
const header = (id: string, extra: string): string =>
  `Message-ID: <${id}>\r\nDate: Mon, 13 Jan 2025 09:00:00 +0100\r\nFrom: Büro <buero@firma.example>\r\nTo: team@firma.example\r\nSubject: ${id}\r\nMIME-Version: 1.0\r\n${extra}\r\n`;

/** About 1.5 KB of plain text: the typical small message. */
function small(id: string, line = ''): Buffer {
  return Buffer.from(`${header(id, 'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n')}\r\n${PARAGRAPH.repeat(10)}\r\n${line}\r\n`);
}

/** Text plus a 200 KB PDF; returns the message and the bytes of its base64 body. */
function large(id: string, line = ''): { raw: Buffer; binaryBytes: number } {
  const base64 = `${randomBytes(200 * 1024).toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n`;
  const raw =
    `${header(id, 'Content-Type: multipart/mixed; boundary="b"\r\n')}\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${PARAGRAPH.repeat(20)}\r\n${line}\r\n` +
    `--b\r\nContent-Type: application/pdf; name="scan.pdf"\r\nContent-Disposition: attachment; filename="scan.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64}--b--\r\n`;
  return { raw: Buffer.from(raw), binaryBytes: Buffer.byteLength(base64) };
}

const smallMail = Array.from({ length: 150 }, (_, i) => small(`small-${i}@t`, i === 7 ? 'Rückruf an j.weiss@beispiel-gmbh.de.' : ''));
const largeMail = Array.from({ length: 10 }, (_, i) => large(`large-${i}@t`, i === 3 ? 'Rückruf unter 0711 12345678.' : ''));

beforeAll(async () => {
  server = await startDovecot();
  await appendMessages(server, { Leer: [], Klein: smallMail, Gross: largeMail.map((m) => m.raw) });
  proxy = await startTcpProxy(server.port);
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await server?.dispose();
});

/** One search of the given mailboxes through the proxy: events, bytes the server sent, commands the client sent. */
async function search(mailboxes: string[]) {
  const bytesBefore = proxy.bytesToClient;
  const textBefore = proxy.clientText.length;
  const events = await collect(imapConnector.search(imapConfig(server, { port: proxy.port, mailboxes }), subject, testContext({ secrets })));
  return { events, bytes: proxy.bytesToClient - bytesBefore, commands: proxy.clientText.slice(textBefore) };
}

describe('imap connector: bytes on the wire', () => {
  it('fetches small messages whole, without asking for their BODYSTRUCTURE', async () => {
    expect(smallMail.every((m) => m.length <= WHOLE_MESSAGE_MAX_BYTES)).toBe(true);
    const session = await search(['Leer']); // login, capabilities, LIST, EXAMINE: the same for every search
    const result = await search(['Klein']);
    expect(foundIds(result.events)).toEqual(['small-7@t']);
    expect(uncoveredOf(result.events)).toEqual([]);
    expect(result.commands).toMatch(/UID SEARCH .*LARGER 8192/);
    expect(result.commands).not.toMatch(/BODYSTRUCTURE/);
    const size = smallMail.reduce((sum, m) => sum + m.length, 0);
    expect(result.bytes - session.bytes).toBeLessThan(size * 1.1);
  });

  it('asks for the structure of large messages and fetches only their headers and text parts', async () => {
    const session = await search(['Leer']);
    const result = await search(['Gross']);
    expect(foundIds(result.events)).toEqual(['large-3@t']);
    expect(result.commands).toMatch(/BODYSTRUCTURE/);
    const size = largeMail.reduce((sum, m) => sum + m.raw.length, 0);
    const textShare = size - largeMail.reduce((sum, m) => sum + m.binaryBytes, 0);
    // BODYSTRUCTURE answers come on top of the text share; the binary bodies never do.
    expect(result.bytes - session.bytes).toBeLessThan(textShare * 1.5);
    expect(result.bytes).toBeLessThan(size / 20);
  });
});
