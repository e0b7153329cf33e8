import { app, session, type WebContents } from 'electron';
import { APP_CSP } from '../shared/contentSecurityPolicy.js';

/**
 * The Electron security checklist for a tool that holds other people's personal data:
 * - no permission is ever granted (camera, notifications, geolocation …);
 * - no request leaves the machine: http(s) and ws(s) are cancelled for every session, so even a
 *   mail that slipped through sanitizing cannot load a tracking pixel;
 * - the CSP is set on every response as a header as well;
 * - no navigation, no new windows, no <webview>.
 */
export function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (_details, callback) => callback({ cancel: true }));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [APP_CSP] } });
  });
  ses.on('will-download', (event) => event.preventDefault());

  app.on('web-contents-created', (_event, contents) => lockDown(contents));
}

function lockDown(contents: WebContents): void {
  // The app is a single page that routes by hash: any real navigation is not ours.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
