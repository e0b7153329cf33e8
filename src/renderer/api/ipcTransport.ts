import type { AuskunftBridge } from '../../shared/ipcChannels.js';
import type { Transport } from './apiClient.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser (HTTP bridge). */
    readonly auskunft?: AuskunftBridge;
  }
}

/** Calls through the preload's bridge. */
export function ipcTransport(bridge: AuskunftBridge): Transport {
  return { kind: 'electron', call: (method, input) => bridge.call(method, input), onEvent: (listener) => bridge.onEvent(listener) };
}
