import type { ApiEvent, ApiResult } from '../../shared/api.js';

const EVENT_TYPES = new Set<string>(['search', 'export', 'cases']);
import type { Transport } from './apiClient.js';

const TOKEN_KEY = 'auskunft.token';

/**
 * The per-start token the bridge printed in the URL. It is moved to sessionStorage and removed from
 * the address bar, so it does not end up in screenshots, history or a copied link.
 */
export function takeBridgeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Calls as `POST /api/call/<method>`, events as server-sent events read with fetch (EventSource cannot send the token header). */
export function httpTransport(token: string): Transport {
  const headers = { Authorization: `Bearer ${token}` };
  const listeners = new Set<(event: ApiEvent) => void>();
  let streaming = false;

  async function stream(): Promise<void> {
    for (let delay = 500; listeners.size > 0; delay = Math.min(delay * 2, 10_000)) {
      try {
        const response = await fetch('/api/events', { headers });
        if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
        delay = 500;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block
              .split('\n')
              .filter((line) => line.startsWith('data: '))
              .map((line) => line.slice(6))
              .join('\n');
            if (!data) continue;
            // The stream is our own bridge's, behind the token; the type tag is all a listener relies on.
            const event = JSON.parse(data) as ApiEvent;
            if (EVENT_TYPES.has(event?.type)) for (const listener of listeners) listener(event);
          }
        }
      } catch {
        // The bridge restarted or the connection dropped: try again with backoff.
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    streaming = false;
  }

  return {
    kind: 'http',
    async call(method, input): Promise<ApiResult<unknown>> {
      try {
        const response = await fetch(`/api/call/${method}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(input ?? {}) });
        return (await response.json()) as ApiResult<unknown>;
      } catch (err) {
        return { ok: false, error: { name: 'NetworkError', message: err instanceof Error ? err.message : String(err) } };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!streaming) {
        streaming = true;
        void stream();
      }
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
