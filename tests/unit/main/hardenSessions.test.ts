import { describe, expect, it, vi } from 'vitest';
import { electronModule, stub } from './electronStub.js';

vi.mock('electron', () => electronModule());

const { hardenSessions } = await import('../../../src/main/hardenSessions.js');
const { APP_CSP } = await import('../../../src/shared/contentSecurityPolicy.js');

describe('hardenSessions', () => {
  hardenSessions();

  it('grants no permission', () => {
    const granted = vi.fn();
    (stub.sessionHandlers['permissionRequest'] as (w: unknown, p: string, cb: (ok: boolean) => void) => void)(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect((stub.sessionHandlers['permissionCheck'] as () => boolean)()).toBe(false);
  });

  it('cancels every request to the network and sets the CSP on every response', () => {
    expect(stub.sessionHandlers['beforeRequestFilter']).toEqual({ urls: expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']) });
    const decided = vi.fn();
    (stub.sessionHandlers['beforeRequest'] as (d: unknown, cb: (r: unknown) => void) => void)({ url: 'https://tracker.example/p.gif' }, decided);
    expect(decided).toHaveBeenCalledWith({ cancel: true });
    const headers = vi.fn();
    (stub.sessionHandlers['headersReceived'] as (d: unknown, cb: (r: unknown) => void) => void)({ responseHeaders: { 'X-Other': ['1'] } }, headers);
    expect(headers).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [APP_CSP] } });
  });

  it('denies navigation, new windows, webviews and downloads', () => {
    const listeners = new Map<string, (event: { preventDefault: () => void }) => void>();
    let openHandler: (() => unknown) | undefined;
    const contents = {
      on: (name: string, listener: (event: { preventDefault: () => void }) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (h: () => unknown) => (openHandler = h),
    };
    stub.appListeners.get('web-contents-created')!({}, contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)!(event);
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    expect(openHandler!()).toEqual({ action: 'deny' });
    const download = { preventDefault: vi.fn() };
    (stub.sessionHandlers['will-download'] as (e: unknown) => void)(download);
    expect(download.preventDefault).toHaveBeenCalled();
  });
});
