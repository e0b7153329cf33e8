import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient, type Transport } from './api/apiClient.js';
import { ApiProvider } from './api/ApiContext.js';
import { httpTransport, takeBridgeToken } from './api/httpTransport.js';
import { ipcTransport } from './api/ipcTransport.js';
import { App } from './app/App.js';
import { parseRoute } from './app/router.js';
import { initI18n, savedLang } from './i18n/i18n.js';
import { preloadReviewList } from './screens/review/reviewListPreload.js';
import './styles.css';

/** Electron's preload provides `window.auskunft`; in a browser the HTTP bridge's token is in the URL. */
function chooseTransport(): Transport | null {
  if (window.auskunft) return ipcTransport(window.auskunft);
  const token = takeBridgeToken();
  return token ? httpTransport(token) : null;
}

// The first calls go out before i18next and React start (100–200 ms and more on a cold start), not
// from effects after the first render; opened on a review (a reload, a restored window), its list
// travels alongside app.info.
const transport = chooseTransport();
const api = transport && createApiClient(transport);
const bootInfo = api?.app.info({});
// App reports a failure; until it takes the promise, a rejection is not "unhandled".
bootInfo?.catch(() => undefined);
const route = parseRoute(window.location.hash);
if (api && route.screen === 'case' && route.tab === 'review') preloadReviewList(api, route.caseId, savedLang());
await initI18n();
const root = createRoot(document.getElementById('root')!);
if (!transport || !api) {
  root.render(
    <main className="boot" id="main">
      <h1>Auskunft</h1>
      <p role="alert">Open the URL that `npm run web` printed: it contains the access token.</p>
    </main>,
  );
} else {
  root.render(
    <StrictMode>
      <ApiProvider api={api} transport={transport}>
        <App bootInfo={bootInfo} />
      </ApiProvider>
    </StrictMode>,
  );
}
