import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { AppInfo, AuskunftApi } from '../../shared/api.js';
import type { Transport } from '../api/apiClient.js';
import { ApiProvider } from '../api/ApiContext.js';
import { initI18n } from '../i18n/i18n.js';
import { App } from './App.js';

/**
 * Start i18next and React. This is a chunk of its own: main.tsx sends the first calls and asks for
 * the current screen's code before it loads React, i18next and the shell.
 */
export async function startApp(setup: { transport: Transport | null; api: AuskunftApi | null; bootInfo?: Promise<AppInfo>; screenCode?: Promise<unknown> }): Promise<void> {
  // The current screen's chunk was asked for with this one; waiting for it lets React render the
  // screen at once instead of a "loading" fallback first.
  await Promise.all([initI18n(), setup.screenCode]);
  // app.info is usually back by now too: the shell then renders the screen at once, not "loading" first.
  const readyInfo = setup.bootInfo && (await settledValue(setup.bootInfo));
  const root = createRoot(document.getElementById('root')!);
  if (!setup.transport || !setup.api) {
    root.render(
      <main className="boot" id="main">
        <h1>Auskunft</h1>
        <p role="alert">Open the URL that `npm run web` printed: it contains the access token.</p>
      </main>,
    );
    return;
  }
  root.render(
    <StrictMode>
      <ApiProvider api={setup.api} transport={setup.transport}>
        <App bootInfo={setup.bootInfo} readyInfo={readyInfo} />
      </ApiProvider>
    </StrictMode>,
  );
}

/** A promise's value if it has settled with one by the next microtask turns, without waiting for it. */
function settledValue<T>(promise: Promise<T>): Promise<T | undefined> {
  return Promise.race([promise.catch(() => undefined), new Promise<undefined>((resolve) => setTimeout(resolve, 0))]);
}
