import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from './appProtocol.js';

/** The one window: sandboxed, context-isolated, no Node in the page; the preload is its only bridge. */
export function createMainWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1000,
    minHeight: 640,
    show: false,
    title: 'Auskunft',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      // Reviewed for Electronegativity's manual PRELOAD_JS_CHECK: the preload (src/preload/preload.ts)
      // exposes one call function and one event subscription through contextBridge, nothing of
      // ipcRenderer, and main validates every call's sender and payload (ipcGateway.ts).
      preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      // Cache the compiled renderer after its first run. By default Chromium caches a script only once
      // it ran twice within 72 hours, and an officer may open the app less often than that; every
      // start would then compile React and the shell again.
      v8CacheOptions: 'bypassHeatCheck',
      devTools: !process.env['AUSKUNFT_NO_DEVTOOLS'],
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
