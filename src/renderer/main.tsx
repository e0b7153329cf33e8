import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient, type Transport } from './api/apiClient.js';
import { ApiProvider } from './api/ApiContext.js';
import { httpTransport, takeBridgeToken } from './api/httpTransport.js';
import { ipcTransport } from './api/ipcTransport.js';
import { App } from './app/App.js';
import { initI18n } from './i18n/i18n.js';
import './styles.css';

/** Electron's preload provides `window.auskunft`; in a browser the HTTP bridge's token is in the URL. */
function chooseTransport(): Transport | null {
  if (window.auskunft) return ipcTransport(window.auskunft);
  const token = takeBridgeToken();
  return token ? httpTransport(token) : null;
}

await initI18n();
const root = createRoot(document.getElementById('root')!);
const transport = chooseTransport();
if (!transport) {
  root.render(
    <main className="boot" id="main">
      <h1>Auskunft</h1>
      <p role="alert">Open the URL that `npm run web` printed: it contains the access token.</p>
    </main>,
  );
} else {
  root.render(
    <StrictMode>
      <ApiProvider api={createApiClient(transport)} transport={transport}>
        <App />
      </ApiProvider>
    </StrictMode>,
  );
}
