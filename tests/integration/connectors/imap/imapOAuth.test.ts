import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imapConnector } from '../../../../src/core/connectors/imap/imapConnector.js';
import { imapConfig, testContext } from './imapTestContext.js';

/**
 * The XOAUTH2 path (Gmail, Microsoft 365) against a scripted loopback server, since the test
 * Dovecot has no OAuth 2 backend: the token from the secret reference must arrive in the SASL
 * payload (RFC 7628 framing), and a refused token must fail like a wrong password.
 */

const TOKEN = 'ya29.test-token-0815';
let server: Server;
let port: number;
const payloads: string[] = [];

beforeAll(async () => {
  server = createServer((socket) => {
    socket.write('* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] scripted server ready\r\n');
    let buffer = '';
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      for (let nl = buffer.indexOf('\r\n'); nl >= 0; nl = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const [tag, command, mechanism, payload] = line.split(' ');
        if (!tag || !command) continue;
        switch (command.toUpperCase()) {
          case 'AUTHENTICATE': {
            const decoded = Buffer.from(payload ?? '', 'base64').toString('latin1');
            payloads.push(decoded);
            const ok = mechanism === 'XOAUTH2' && decoded.includes(`auth=Bearer ${TOKEN}`);
            socket.write(ok ? `${tag} OK [CAPABILITY IMAP4rev1] authenticated\r\n` : `${tag} NO [AUTHENTICATIONFAILED] invalid token\r\n`);
            break;
          }
          case 'LIST':
            socket.write(`* LIST () "/" INBOX\r\n${tag} OK LIST done\r\n`);
            break;
          case 'STATUS':
            socket.write(`* STATUS INBOX (MESSAGES 0 UIDNEXT 1 UIDVALIDITY 7)\r\n${tag} OK STATUS done\r\n`);
            break;
          case 'LOGOUT':
            socket.end(`* BYE bye\r\n${tag} OK LOGOUT done\r\n`);
            break;
          default:
            socket.write(`${tag} OK done\r\n`);
        }
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('imap connector: OAuth 2 access token', () => {
  const config = () => imapConfig({ host: '127.0.0.1', port, user: 'office@firma.example' }, { password: undefined, accessToken: { env: 'IMAP_TOKEN' } });

  it('sends the token from the secret reference with AUTHENTICATE XOAUTH2', async () => {
    payloads.length = 0;
    const result = await imapConnector.check(config(), testContext({ secrets: { IMAP_TOKEN: TOKEN } }));
    expect(result).toEqual({ ok: true, message: expect.stringMatching(/logged in to 127\.0\.0\.1:\d+ as office@firma\.example: 1 mailbox/) });
    expect(payloads).toEqual([`user=office@firma.example\x01auth=Bearer ${TOKEN}\x01\x01`]);
  });

  it('a refused token fails like a wrong password, without showing the token', async () => {
    const result = await imapConnector.check(config(), testContext({ secrets: { IMAP_TOKEN: 'expired-token-4711' } }));
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/login as "office@firma\.example" at 127\.0\.0\.1:\d+ was refused/);
    expect(result.message).not.toContain('expired-token-4711');
  });
});
