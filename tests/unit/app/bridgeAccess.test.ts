import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkAccess } from '../../../src/bridge/bridgeAccess.js';

const TOKEN = 'a'.repeat(43);
const rules = { token: TOKEN, port: 4321 };
const req = (headers: Record<string, string>, url = '/'): IncomingMessage => ({ headers, url }) as unknown as IncomingMessage;

describe('checkAccess', () => {
  const host = { host: '127.0.0.1:4321' };
  it('lets the page in with the token in the URL or the cookie, the API only with the header', () => {
    expect(checkAccess(req(host, `/?token=${TOKEN}`), rules, 'page').ok).toBe(true);
    expect(checkAccess(req({ ...host, cookie: `x=1; auskunft_token=${TOKEN}` }, '/assets/a.js'), rules, 'page').ok).toBe(true);
    expect(checkAccess(req({ ...host, authorization: `Bearer ${TOKEN}` }, '/api/call/cases.list'), rules, 'api').ok).toBe(true);
    expect(checkAccess(req({ ...host, cookie: `auskunft_token=${TOKEN}` }, '/api/call/cases.list'), rules, 'api')).toMatchObject({ ok: false, status: 401 });
    expect(checkAccess(req(host, `/api/call/cases.list?token=${TOKEN}`), rules, 'api')).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses other hosts, origins and cross-site requests', () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    expect(checkAccess(req({ host: 'evil.example:4321', ...auth }), rules, 'api')).toMatchObject({ ok: false, status: 421 });
    expect(checkAccess(req({ ...auth }), rules, 'api')).toMatchObject({ ok: false, status: 421 });
    expect(checkAccess(req({ ...host, origin: 'http://evil.example', ...auth }), rules, 'api')).toMatchObject({ ok: false, status: 403 });
    expect(checkAccess(req({ ...host, origin: 'https://127.0.0.1:4321', ...auth }), rules, 'api')).toMatchObject({ ok: false, status: 403 });
    expect(checkAccess(req({ ...host, 'sec-fetch-site': 'cross-site', ...auth }), rules, 'api')).toMatchObject({ ok: false, status: 403 });
    expect(checkAccess(req({ host: 'localhost:4321', origin: 'http://localhost:4321', ...auth }), rules, 'api').ok).toBe(true);
  });
});
