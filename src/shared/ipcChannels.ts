import type { ApiEvent, ApiMethodName, ApiResult } from './api.js';

/** The two IPC channels of the app: calls (renderer -> main, invoke) and events (main -> renderer). */
export const IPC_CALL_CHANNEL = 'auskunft:call';
export const IPC_EVENT_CHANNEL = 'auskunft:event';

/**
 * What the preload puts on `window.auskunft`: one call function for the whole contract and one event
 * subscription, nothing else (docs/STYLE.md §4). The renderer builds its typed client on top of it.
 */
export interface AuskunftBridge {
  call(method: ApiMethodName, input: unknown): Promise<ApiResult<unknown>>;
  /** Returns the function that unsubscribes. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
}
