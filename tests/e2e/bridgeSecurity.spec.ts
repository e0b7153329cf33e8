import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { expect, test } from './fixtures/auskunftTest.js';

interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A request with full control over Host and Origin (fetch does not let a caller set Host). */
function raw(port: number, path: string, headers: Record<string, string>, method = 'POST', body = '{}', host = '127.0.0.1'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, method, headers: method === 'POST' ? { 'Content-Type': 'application/json', ...headers } : headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    if (method === 'POST') req.end(body);
    else req.end();
  });
}

test.describe('the HTTP bridge lets only its own page in', () => {
  test('API calls need the token in the Authorization header', async ({ app }) => {
    const port = Number(new URL(app.bridge.origin).port);
    const auth = { Authorization: `Bearer ${app.bridge.token}` };
    expect((await raw(port, '/api/call/cases.list', auth)).status).toBe(200);
    expect((await raw(port, '/api/call/cases.list', {})).status).toBe(401);
    expect((await raw(port, '/api/call/cases.list', { Authorization: 'Bearer wrong-token' })).status).toBe(401);
    expect((await raw(port, '/api/call/cases.list', { Authorization: `Bearer ${app.bridge.token}x` })).status).toBe(401);
    // The token in the URL or the page cookie is not enough for the API: another site can make a
    // browser send a cookie, but not an Authorization header.
    expect((await raw(port, `/api/call/cases.list?token=${app.bridge.token}`, {})).status).toBe(401);
    expect((await raw(port, '/api/call/cases.list', { Cookie: `auskunft_token=${app.bridge.token}` })).status).toBe(401);
    expect((await raw(port, '/api/events', {}, 'GET')).status).toBe(401);
    // Unknown methods and invalid payloads never reach a handler.
    expect(JSON.parse((await raw(port, '/api/call/cases.dropAll', auth)).body)).toMatchObject({ ok: false, error: { name: 'UnknownMethod' } });
    expect(JSON.parse((await raw(port, '/api/call/cases.get', auth, 'POST', '{"caseId":"../../etc"}')).body)).toMatchObject({ ok: false, error: { name: 'InvalidInput' } });
    expect((await raw(port, '/api/call/cases.list', { ...auth, 'Content-Type': 'text/plain' })).status).toBe(415);
  });

  test('a foreign Host or Origin is refused even with the right token', async ({ app }) => {
    const port = Number(new URL(app.bridge.origin).port);
    const auth = { Authorization: `Bearer ${app.bridge.token}` };
    // DNS rebinding: the attacker's name resolves to 127.0.0.1, the browser sends the attacker's Host.
    expect((await raw(port, '/api/call/cases.list', { ...auth, Host: `attacker.example:${port}` })).status).toBe(421);
    expect((await raw(port, '/api/call/cases.list', { ...auth, Host: `127.0.0.1:${port + 1}` })).status).toBe(421);
    expect((await raw(port, `/?token=${app.bridge.token}`, { Host: `attacker.example:${port}` }, 'GET')).status).toBe(421);
    expect((await raw(port, '/api/call/cases.list', { ...auth, Origin: 'https://attacker.example' })).status).toBe(403);
    expect((await raw(port, '/api/call/cases.list', { ...auth, Origin: 'null' })).status).toBe(403);
    expect((await raw(port, '/api/call/cases.list', { ...auth, Origin: `http://127.0.0.1:${port + 1}` })).status).toBe(403);
    expect((await raw(port, '/api/call/cases.list', { ...auth, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await raw(port, '/api/call/cases.list', { ...auth, Origin: app.bridge.origin })).status).toBe(200);
    expect((await raw(port, '/api/call/cases.list', { ...auth, Host: `localhost:${port}`, Origin: `http://localhost:${port}` })).status).toBe(200);
  });

  test('the page needs the token; it sets a strict cookie and a CSP', async ({ app }) => {
    const port = Number(new URL(app.bridge.origin).port);
    const without = await raw(port, '/', {}, 'GET');
    expect(without.status).toBe(401);
    expect(without.body).not.toContain('<div id="root">');
    expect((await raw(port, '/?token=wrong', {}, 'GET')).status).toBe(401);
    expect((await raw(port, '/assets/', {}, 'GET')).status).toBe(401);

    const page = await raw(port, `/?token=${app.bridge.token}`, {}, 'GET');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(String(page.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['cache-control']).toBe('no-store');

    // Nothing outside the renderer folder is served, however the path is spelled.
    const cookie = { Cookie: `auskunft_token=${app.bridge.token}` };
    for (const path of ['/../../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/assets/../../../package.json']) {
      expect((await raw(port, path, cookie, 'GET')).status, path).toBe(404);
    }
  });

  test('it listens on 127.0.0.1 only', async ({ app }) => {
    const port = Number(new URL(app.bridge.origin).port);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    test.skip(!external, 'no non-loopback interface on this machine');
    await expect(raw(port, '/api/call/cases.list', { Authorization: `Bearer ${app.bridge.token}` }, 'POST', '{}', external!.address)).rejects.toThrow(/ECONNREFUSED/);
  });

  test('another site open in the browser cannot call the API', async ({ app, page }) => {
    // The attacker's page, on another origin of the same machine.
    const evil = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>evil</title><p>evil</p>');
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    const evilOrigin = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
    try {
      // The officer has the app open, so the browser holds the bridge's cookie.
      await app.open(page);
      await page.goto(`${evilOrigin}/`);
      const results = await page.evaluate(async (target) => {
        const attempts: string[] = [];
        const body = JSON.stringify({ receivedOn: '2026-01-01', subject: { name: 'Eve' }, identityVerification: { method: 'other', note: 'csrf' } });
        for (const init of [
          { method: 'POST', body, credentials: 'include' as const, headers: { 'Content-Type': 'application/json' } },
          { method: 'POST', body, credentials: 'include' as const, mode: 'no-cors' as const, headers: { 'Content-Type': 'text/plain' } },
        ]) {
          try {
            const r = await fetch(`${target}/api/call/cases.create`, init);
            attempts.push(`status ${r.status}`);
          } catch (err) {
            attempts.push(`blocked: ${(err as Error).name}`);
          }
        }
        return attempts;
      }, app.bridge.origin);
      expect(results[0]).toMatch(/blocked/);
      expect(await app.call('cases.list', {})).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => evil.close(() => resolve()));
    }
  });
});
