import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEngineHost, type ParentPortLike } from '../../../src/main/engine/engineHost.js';
import type { EngineToMain, MainToEngine } from '../../../src/main/engine/engineMessages.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** The engine process's side of the protocol, driven as Electron's main process would. */
function fakeParentPort() {
  let listener: ((event: { data: MainToEngine }) => void) | undefined;
  const received: EngineToMain[] = [];
  const waiters: Array<() => void> = [];
  const port: ParentPortLike = {
    on: (_event, l) => (listener = l),
    postMessage: (message) => {
      received.push(message);
      waiters.splice(0).forEach((w) => w());
    },
  };
  const next = async (predicate: (m: EngineToMain) => boolean): Promise<EngineToMain> => {
    for (;;) {
      const found = received.find(predicate);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { port, received, send: (message: MainToEngine) => listener!({ data: message }), next };
}

describe('the engine process protocol', () => {
  const dir = mkdtempSync(join(tmpdir(), 'auskunft-engine-'));
  cpSync(join(ROOT, 'assets', 'sample'), join(dir, 'sample'), { recursive: true });
  cpSync(join(ROOT, 'assets', 'register'), join(dir, 'register'), { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts with the key it is sent, answers calls by sequence number, and asks main for keychain entries', async () => {
    const main = fakeParentPort();
    runEngineHost(main.port);
    main.send({ kind: 'call', seq: 1, method: 'cases.list', input: {} });
    expect(await main.next((m) => m.kind === 'result' && m.seq === 1)).toMatchObject({ result: { ok: false, error: { name: 'EngineNotReady' } } });

    main.send({
      kind: 'init',
      init: { dbFile: join(dir, 'data', 'cases.db'), dbKey: 'engine-key', workspacePath: join(dir, 'sample', 'auskunft.yaml'), exportsDir: join(dir, 'exports'), version: 't', keychainKind: 'os' },
    });
    await main.next((m) => m.kind === 'ready');

    main.send({ kind: 'call', seq: 2, method: 'app.info', input: {} });
    main.send({ kind: 'call', seq: 3, method: 'cases.nope', input: {} });
    expect(await main.next((m) => m.kind === 'result' && m.seq === 2)).toMatchObject({ result: { ok: true, value: { transport: 'electron', dbEncrypted: true, keychain: 'os' } } });
    expect(await main.next((m) => m.kind === 'result' && m.seq === 3)).toMatchObject({ result: { ok: false, error: { name: 'UnknownMethod' } } });

    // Saving an IMAP source stores its password through main's keychain port.
    main.send({ kind: 'call', seq: 4, method: 'sources.save', input: { originalId: null, config: { id: 'office', type: 'imap', host: 'h', user: 'u' }, password: 'pw-123' } });
    const ask = (await main.next((m) => m.kind === 'port' && m.name === 'keychain.set')) as Extract<EngineToMain, { kind: 'port' }>;
    expect(ask.args[1]).toBe('pw-123');
    main.send({ kind: 'portResult', seq: ask.seq, ok: true, value: null });
    expect(await main.next((m) => m.kind === 'result' && m.seq === 4)).toMatchObject({ result: { ok: true, value: { id: 'office' } } });

    // Events flow back as they happen.
    main.send({ kind: 'call', seq: 5, method: 'cases.create', input: { receivedOn: '2026-01-05', subject: { emails: ['j.weiss@beispiel-gmbh.de'] }, identityVerification: { method: 'knownContact', note: '' } } });
    expect(await main.next((m) => m.kind === 'event')).toEqual({ kind: 'event', event: { type: 'cases' } });
  });

  it('reports a store it cannot open instead of starting', async () => {
    const main = fakeParentPort();
    runEngineHost(main.port);
    main.send({
      kind: 'init',
      init: { dbFile: join(dir, 'data', 'cases.db'), dbKey: 'wrong-key', workspacePath: null, exportsDir: join(dir, 'exports'), version: 't', keychainKind: 'os' },
    });
    expect(await main.next((m) => m.kind === 'initFailed')).toMatchObject({ error: { name: 'CaseStoreUnreadableError' } });
  });
});
