import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronModule, stub } from './electronStub.js';

vi.mock('electron', () => electronModule());

const { registerIpcGateway } = await import('../../../src/main/ipcGateway.js');
const { IPC_CALL_CHANNEL } = await import('../../../src/shared/ipcChannels.js');

const mainFrame = { url: 'app://auskunft/index.html' };
const webContents = { mainFrame };
const window = { webContents } as never;

function invoke(event: unknown, method: unknown, input: unknown) {
  return stub.handlers.get(IPC_CALL_CHANNEL)!(event, method, input) as Promise<unknown>;
}

describe('the IPC gateway', () => {
  const forward = vi.fn(async (method: string, input: unknown) => ({ ok: true as const, value: { method, input } }));
  beforeEach(() => {
    stub.handlers.clear();
    forward.mockClear();
    registerIpcGateway(() => window, forward);
  });

  it('forwards a valid call from our window, with the input as validated', async () => {
    const result = await invoke({ sender: webContents, senderFrame: mainFrame }, 'review.list', { caseId: 'AUS-2026-0001-K7QF', lang: 'de' });
    expect(result).toEqual({ ok: true, value: { method: 'review.list', input: { caseId: 'AUS-2026-0001-K7QF', lang: 'de', offset: 0, limit: null } } });
  });

  it('refuses calls from another frame, another window or another origin', async () => {
    const calls = [
      { sender: webContents, senderFrame: { url: 'app://auskunft/index.html' } }, // a sub-frame (the mail iframe)
      { sender: { mainFrame }, senderFrame: mainFrame }, // another webContents
      { sender: webContents, senderFrame: null },
    ];
    for (const event of calls) expect(await invoke(event, 'cases.list', {})).toMatchObject({ ok: false, error: { name: 'Forbidden' } });
    const foreign = { url: 'https://attacker.example/' };
    const foreignContents = { mainFrame: foreign };
    registerIpcGateway(() => ({ webContents: foreignContents }) as never, forward);
    expect(await invoke({ sender: foreignContents, senderFrame: foreign }, 'cases.list', {})).toMatchObject({ ok: false, error: { name: 'Forbidden' } });
    expect(forward).not.toHaveBeenCalled();
  });

  it('refuses unknown methods and invalid payloads before the engine sees them', async () => {
    const event = { sender: webContents, senderFrame: mainFrame };
    expect(await invoke(event, 'cases.dropAll', {})).toMatchObject({ ok: false, error: { name: 'UnknownMethod' } });
    expect(await invoke(event, 42, {})).toMatchObject({ ok: false, error: { name: 'UnknownMethod' } });
    expect(await invoke(event, 'cases.get', { caseId: '../../etc/passwd' })).toMatchObject({ ok: false, error: { name: 'InvalidInput' } });
    expect(await invoke(event, 'cases.list', { extra: 'field' })).toMatchObject({ ok: false, error: { name: 'InvalidInput' } });
    expect(forward).not.toHaveBeenCalled();
  });
});
