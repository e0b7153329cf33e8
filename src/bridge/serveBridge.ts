import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiEvent, AuskunftHandlers } from '../shared/api.js';
import { APP_CSP } from '../shared/contentSecurityPolicy.js';
import { dispatchApiCall } from '../core/app/index.js';
import { checkAccess, newBridgeToken, TOKEN_COOKIE } from './bridgeAccess.js';
import { loadRendererAssets, rendererFile } from './staticFiles.js';

/**
 * Largest request body: a bulk decision over 200,000 finding ids is about 15 MB of JSON; anything
 * bigger is not a call the UI makes.
 */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** Sent on every response: no caching of personal data, no framing, no sniffing, no referrer. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': APP_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

export interface BridgeOptions {
  readonly handlers: AuskunftHandlers;
  /** The built renderer (vite's output folder). */
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Fixed token for tests; a random one otherwise. */
  readonly token?: string;
}

export interface RunningBridge {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Push an engine event to every open page. */
  emit(event: ApiEvent): void;
  close(): Promise<void>;
}

/**
 * The HTTP bridge (docs/ARCHITECTURE.md "Architecture"): the same renderer and the same API contract as the
 * Electron app, on 127.0.0.1 only, behind a per-start token. Calls: `POST /api/call/<service.method>`
 * with a JSON body; events: `GET /api/events` as server-sent events.
 */
export async function serveBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.token ?? newBridgeToken();
  const listeners = new Set<ServerResponse>();
  let port = options.port;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { name: 'BridgeError', message: err instanceof Error ? err.message : String(err) } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const api = url.pathname.startsWith('/api/');
    const access = checkAccess(req, { token, port }, api ? 'api' : 'page');
    if (!access.ok) {
      send(res, access.status, { ok: false, error: { name: 'Forbidden', message: access.reason } });
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (url.pathname.startsWith('/api/call/') && req.method === 'POST') {
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        send(res, 415, { ok: false, error: { name: 'UnsupportedMediaType', message: 'send application/json' } });
        return;
      }
      const body = await readBody(req);
      if (body === undefined) {
        send(res, 413, { ok: false, error: { name: 'TooLarge', message: `request body over ${MAX_BODY_BYTES} bytes` } });
        return;
      }
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        send(res, 400, { ok: false, error: { name: 'InvalidInput', message: 'the body is not JSON' } });
        return;
      }
      send(res, 200, await dispatchApiCall(options.handlers, decodeURIComponent(url.pathname.slice('/api/call/'.length)), input));
      return;
    }
    if (req.method !== 'GET' || api) {
      send(res, 404, { ok: false, error: { name: 'NotFound', message: `${req.method} ${url.pathname}` } });
      return;
    }
    const file = await rendererFile(options.rendererDir, url.pathname);
    if (!file) {
      send(res, 404, { ok: false, error: { name: 'NotFound', message: url.pathname } });
      return;
    }
    const headers: Record<string, string> = { ...SECURITY_HEADERS, 'Content-Type': file.type };
    // Built assets carry a content hash in their name and no personal data: the browser may keep
    // them (and its compiled code for them), which makes every later page load fast.
    if (url.pathname.startsWith('/assets/')) headers['Cache-Control'] = 'private, max-age=31536000, immutable';
    // Opening the printed URL hands the token to the page's own asset requests through a cookie
    // that no other site can send (SameSite=Strict) and no script can read (HttpOnly).
    if (url.searchParams.has('token')) headers['Set-Cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    res.writeHead(200, headers);
    res.end(file.body);
  }

  // An export renders PDFs and can keep this process busy for seconds; with Node's default 5 s
  // keep-alive, idle sockets would be closed the moment it finishes, under a request the page just
  // sent on them (ECONNRESET). Only the page and the tests connect, so long keep-alive costs nothing.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  await loadRendererAssets(options.rendererDir);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  // SSE comments keep idle connections open through anything that times them out.
  const keepAlive = setInterval(() => {
    for (const res of listeners) res.write(': keep-alive\n\n');
  }, 15_000);
  keepAlive.unref();

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    emit(event) {
      const data = `data: ${JSON.stringify(event)}\n\n`;
      for (const res of listeners) res.write(data);
    },
    close: async () => {
      clearInterval(keepAlive);
      for (const res of listeners) res.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
