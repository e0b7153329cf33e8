import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { APP_CSP } from '../shared/contentSecurityPolicy.js';
import { STATIC_CONTENT_TYPES } from '../shared/staticContentTypes.js';

/** The renderer is served as `app://auskunft/…`: a secure, standard origin of its own instead of file://. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://auskunft`;

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  // codeCache: V8 keeps the compiled renderer bundle between starts, as it does for https pages.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** Serve the built renderer folder, with the CSP on every response; nothing outside the folder. */
export function serveRenderer(rendererDir: string): void {
  const root = resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'auskunft') return new Response('not found', { status: 404 });
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname).replace(/^\/+/, '');
    const file = resolve(root, relative);
    const type = STATIC_CONTENT_TYPES[extname(file)];
    if (!file.startsWith(root + sep) || !type) return new Response('not found', { status: 404 });
    try {
      return new Response(await readFile(file), {
        headers: { 'Content-Type': type, 'Content-Security-Policy': APP_CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}
