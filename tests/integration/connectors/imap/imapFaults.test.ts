import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SourceError, type SearchEvent } from '../../../../src/core/connectors/connector.js';
import { imapConnector } from '../../../../src/core/connectors/imap/imapConnector.js';
import { SEGMENT_MESSAGES } from '../../../../src/core/connectors/imap/scanMailbox.js';
import { compileSubject } from '../../../../src/core/identity/compileSubject.js';
import { appendMessages, startDovecot, type DovecotServer } from '../../helpers/dovecot.js';
import { ARCHIV_2023, ENTWUERFE, fillers, INBOX, SUBJECT, type Fixture } from './imapFixtures.js';
import { collect, foundIds, imapConfig, testContext, uncoveredOf } from './imapTestContext.js';
import { startTcpProxy } from './tcpProxy.js';

/**
 * Faults for real: a wrong password, Dovecot stopped in the middle of a search and started again,
 * Dovecot stopped for good, and a certificate that does not verify.
 *
 * INBOX holds three traps, then enough fillers to span several fetch segments, then the other
 * traps: a server stop after the first finding hits the search between two segments of INBOX, with
 * messages of INBOX and two more mailboxes still to go.
 */

const FILLERS = SEGMENT_MESSAGES * 2 + 10;
const inbox: Fixture[] = [...INBOX.slice(0, 3), ...fillers(FILLERS, 'filler'), ...INBOX.slice(3)];
const mailboxes: Record<string, Fixture[]> = { INBOX: inbox, Entwürfe: ENTWUERFE, 'Archiv/2023': ARCHIV_2023 };
const expected = Object.values(mailboxes)
  .flat()
  .filter((f) => f.concernsSubject)
  .map((f) => f.id)
  .sort();

let server: DovecotServer;
let uids: Record<string, number[]>;
const secrets = { IMAP_PASSWORD: 'secret' };
const subject = compileSubject(SUBJECT);

beforeAll(async () => {
  server = await startDovecot();
  uids = await appendMessages(server, Object.fromEntries(Object.entries(mailboxes).map(([name, list]) => [name, list.map((f) => f.raw)])));
}, 120_000);

afterEach(async () => {
  await server.start(); // a test that stopped the server leaves it running for the next
});

afterAll(async () => {
  await server?.dispose();
});

/** Run a search and call `fault` once, right after the first finding has been handed on. */
async function searchWithFault(config: ReturnType<typeof imapConfig>, fault: () => Promise<void>): Promise<SearchEvent[]> {
  const events: SearchEvent[] = [];
  let faulted = false;
  for await (const event of imapConnector.search(config, subject, testContext({ secrets }))) {
    events.push(event);
    if (!faulted && event.kind === 'finding') {
      faulted = true;
      await fault();
    }
  }
  expect(faulted).toBe(true);
  return events;
}

describe('imap connector: faults', () => {
  it('a wrong password fails the source with the reason, and the password appears nowhere', async () => {
    const wrong = { IMAP_PASSWORD: 'not-the-password-4711' };
    const error = await collect(imapConnector.search(imapConfig(server), subject, testContext({ secrets: wrong }))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(/login as "office" at 127\.0\.0\.1:\d+ was refused/);
    expect((error as Error).message).not.toContain('not-the-password-4711');
    const check = await imapConnector.check(imapConfig(server), testContext({ secrets: wrong }));
    expect(check.ok).toBe(false);
    expect(check.message).toMatch(/refused/);
  });

  it('an unreachable server fails the source after bounded retries', async () => {
    await server.stop();
    const started = Date.now();
    const error = await collect(imapConnector.search(imapConfig(server, { reconnect: { attempts: 2, delayMs: 50 } }), subject, testContext({ secrets }))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(/cannot connect to 127\.0\.0\.1:\d+.*gave up after 3 attempts/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('Dovecot stopped mid-search and started again: reconnects, resumes after the last UID, result complete and without repeats', async () => {
    const proxy = await startTcpProxy(server.port);
    try {
      const events = await searchWithFault(imapConfig(server, { port: proxy.port }), () => server.restart());
      expect(uncoveredOf(events)).toEqual([]);
      expect(foundIds(events)).toEqual(expected); // sorted, so a repeated finding would show up here
      expect(proxy.connections).toBeGreaterThanOrEqual(2);
    } finally {
      await proxy.close();
    }
  });

  it('Dovecot stopped for good mid-search: partial, naming exactly the mailboxes and UID ranges not covered', async () => {
    const events = await searchWithFault(imapConfig(server, { reconnect: { attempts: 2, delayMs: 50 } }), () => server.stop());
    const found = foundIds(events);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(expected.length);
    const uncovered = uncoveredOf(events);
    const inboxUids = uids['INBOX']!;
    // INBOX's first segment was fetched before the stop; the rest of INBOX was not.
    const firstMissing = inboxUids[SEGMENT_MESSAGES]!;
    expect(uncovered).toEqual([
      expect.objectContaining({ locator: { mailbox: 'INBOX', uid: firstMissing, uidValidity: expect.any(Number) }, message: expect.stringContaining(`UIDs ${firstMissing}:${inboxUids.at(-1)}`) }),
      expect.objectContaining({ locator: expect.objectContaining({ mailbox: 'Entwürfe', uid: 1 }), message: expect.stringContaining(`UIDs 1:${uids['Entwürfe']!.at(-1)}`) }),
      expect.objectContaining({ locator: expect.objectContaining({ mailbox: 'Archiv/2023', uid: 1 }), message: expect.stringContaining(`UIDs 1:${uids['Archiv/2023']!.at(-1)}`) }),
    ]);
    expect(uncovered[0]!.message).toMatch(/connection was lost and 2 reconnect attempt\(s\) failed/);
  });

  it('a port that accepts but never greets fails within the greeting timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const started = Date.now();
      const config = imapConfig(server, { port, timeouts: { greetingMs: 300 }, reconnect: { attempts: 0 } });
      const error = await collect(imapConnector.search(config, subject, testContext({ secrets }))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SourceError);
      expect((error as Error).message).toMatch(/cannot connect to 127\.0\.0\.1:\d+/);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('cancelling the search closes the connection and stops at once', async () => {
    const controller = new AbortController();
    const ctx = testContext({ secrets, signal: controller.signal });
    const started = Date.now();
    const outcome = (async () => {
      for await (const event of imapConnector.search(imapConfig(server), subject, ctx)) {
        if (event.kind === 'finding') controller.abort(new Error('cancelled by the officer'));
      }
    })();
    await expect(outcome).rejects.toThrow('cancelled by the officer');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  describe('TLS', () => {
    let certDir: string;
    let tls: { key: Buffer; cert: Buffer };

    beforeAll(async () => {
      certDir = await mkdtemp(join(tmpdir(), 'auskunft-cert-'));
      const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']);
      // .ci/run needs the openssl CLI for this (Debian: package openssl, pulled in by ca-certificates).
      if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.error?.message ?? made.stderr?.toString() ?? ''}`);
      tls = { key: await readFile(join(certDir, 'key.pem')), cert: await readFile(join(certDir, 'cert.pem')) };
    });

    afterAll(async () => {
      await rm(certDir, { recursive: true, force: true });
    });

    it('tls: starttls never falls back to cleartext: a server without STARTTLS fails the source', async () => {
      const error = await collect(imapConnector.search(imapConfig(server, { tls: 'starttls' }), subject, testContext({ secrets }))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SourceError);
      expect((error as Error).message).toMatch(/TLS with 127\.0\.0\.1:\d+ failed: .*STARTTLS/);
    });

    it('TLS is on by default, and a self-signed certificate fails the source with a clear message', async () => {
      const proxy = await startTcpProxy(server.port, tls);
      try {
        const config = imapConfig(server, { port: proxy.port, tls: undefined });
        expect(config.tls).toBe(true);
        const error = await collect(imapConnector.search(config, subject, testContext({ secrets }))).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(SourceError);
        expect((error as Error).message).toMatch(/TLS certificate of 127\.0\.0\.1:\d+ was not accepted .*self-signed.*allowSelfSigned: true/);
      } finally {
        await proxy.close();
      }
    });

    it('allowSelfSigned: true is the explicit opt-in that lets the search run over that certificate', async () => {
      const proxy = await startTcpProxy(server.port, tls);
      try {
        const events = await collect(imapConnector.search(imapConfig(server, { port: proxy.port, tls: true, allowSelfSigned: true }), subject, testContext({ secrets })));
        expect(foundIds(events)).toEqual(expected);
      } finally {
        await proxy.close();
      }
    });
  });
});
