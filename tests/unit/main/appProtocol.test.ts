import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { electronModule, stub } from './electronStub.js';

vi.mock('electron', () => electronModule());

const { serveRenderer, APP_ORIGIN } = await import('../../../src/main/appProtocol.js');

describe('the app:// protocol', () => {
  const dir = mkdtempSync(join(tmpdir(), 'auskunft-renderer-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dir, 'secret.txt'), 'not a served type');
  // A lazily loaded chunk of the code-split renderer (vite.config.ts), as `import()` asks for it.
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'ReviewScreen-AbCd1234.js'), 'export const x = 1;');
  serveRenderer(dir);
  const get = (url: string) => stub.protocolHandler!(new Request(url));

  it('serves the built renderer with the CSP', async () => {
    const response = await get(`${APP_ORIGIN}/index.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(await response.text()).toContain('id="root"');
  });

  it('serves the lazily loaded chunks as JavaScript, with the CSP', async () => {
    const response = await get(`${APP_ORIGIN}/assets/ReviewScreen-AbCd1234.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('serves nothing outside the folder, of another type, or for another host', async () => {
    for (const url of [`${APP_ORIGIN}/../package.json`, `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`, `${APP_ORIGIN}/..%2F..%2Fetc%2Fpasswd`, `${APP_ORIGIN}/secret.txt`, 'app://other/index.html']) {
      expect((await get(url)).status, url).toBe(404);
    }
  });
});
