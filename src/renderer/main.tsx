import { createApiClient, type Transport } from './api/apiClient.js';
import { httpTransport, takeBridgeToken } from './api/httpTransport.js';
import { ipcTransport } from './api/ipcTransport.js';
import { parseRoute } from './app/routes.js';
import { loadRouteCode } from './app/screenModules.js';
import { savedLang } from './i18n/lang.js';
import { preloadReviewList } from './screens/review/reviewListPreload.js';
import './styles.css';

/*
 * The boot module: a few KB without React. It sends the first calls and asks for the current screen's
 * code before React, i18next and the shell (a chunk of their own, startApp) are loaded, parsed and
 * started, so data, screen code and framework travel at the same time instead of one after another.
 */

/** Electron's preload provides `window.auskunft`; in a browser the HTTP bridge's token is in the URL. */
function chooseTransport(): Transport | null {
  if (window.auskunft) return ipcTransport(window.auskunft);
  const token = takeBridgeToken();
  return token ? httpTransport(token) : null;
}

const transport = chooseTransport();
const api = transport && createApiClient(transport);
const route = parseRoute(window.location.hash);
// The screen's code first: the engine may take a while over the first calls (a cold database), and
// the HTTP bridge serves files and calls on one thread.
const screenCode = api ? loadRouteCode(route) : undefined;
const bootInfo = api?.app.info({});
// App reports a failure; until it takes the promise, a rejection is not "unhandled".
bootInfo?.catch(() => undefined);
// Opened on a review (a reload, a restored window), its list travels alongside app.info.
if (api && route.screen === 'case' && route.tab === 'review') preloadReviewList(api, route.caseId, savedLang());
// No top-level await here: the chunks loaded here import this module's exports (the route loaders),
// and a module that awaits its own importers would never finish evaluating.
void import('./app/startApp.js').then(({ startApp }) => startApp({ transport, api, bootInfo, screenCode }));
