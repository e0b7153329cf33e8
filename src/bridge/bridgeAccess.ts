import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The cookie that lets the page load its own scripts and styles after the token URL was opened. */
export const TOKEN_COOKIE = 'auskunft_token';

/** 32 random bytes: the bridge serves personal data, so the token is as strong as a key. */
export function newBridgeToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface AccessRules {
  readonly token: string;
  readonly port: number;
}

export type AccessDecision = { readonly ok: true } | { readonly ok: false; readonly status: 401 | 403 | 421; readonly reason: string };

/**
 * Who may talk to the bridge. The threats are other web pages in the officer's browser (CSRF, DNS
 * rebinding) and other local users or processes (they can reach 127.0.0.1 but do not know the token):
 * - Host must be this server by IP or `localhost`: a rebinding attacker's page sends its own name.
 * - Origin, when sent, must be this server: browsers send it on every cross-origin and POST request.
 * - Sec-Fetch-Site must not be `cross-site`.
 * - The token: the API only takes it from the `Authorization` header, which another origin cannot
 *   set without a CORS preflight we never answer; page and assets also take it from the URL or the
 *   SameSite=Strict cookie set when the token URL was opened.
 */
export function checkAccess(req: IncomingMessage, rules: AccessRules, kind: 'api' | 'page'): AccessDecision {
  const allowedHosts = new Set([`127.0.0.1:${rules.port}`, `localhost:${rules.port}`]);
  const host = req.headers.host ?? '';
  if (!allowedHosts.has(host.toLowerCase())) return { ok: false, status: 421, reason: 'unknown Host' };
  const origin = req.headers.origin;
  const allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));
  if (origin !== undefined && !allowedOrigins.has(origin.toLowerCase())) return { ok: false, status: 403, reason: 'foreign Origin' };
  if (req.headers['sec-fetch-site'] === 'cross-site') return { ok: false, status: 403, reason: 'cross-site request' };

  const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (kind === 'api') return tokenMatches(bearer, rules.token) ? { ok: true } : { ok: false, status: 401, reason: 'missing or wrong token' };
  const fromUrl = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('token') ?? undefined;
  const fromCookie = cookie(req, TOKEN_COOKIE);
  return [bearer, fromUrl, fromCookie].some((t) => tokenMatches(t, rules.token)) ? { ok: true } : { ok: false, status: 401, reason: 'missing or wrong token' };
}

function tokenMatches(candidate: string | undefined, token: string): boolean {
  if (candidate === undefined) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
