import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { ApiEvent, AuskunftApi } from '../../shared/api.js';
import type { Transport } from './apiClient.js';

interface ApiContextValue {
  readonly api: AuskunftApi;
  readonly transport: Transport;
}

const Context = createContext<ApiContextValue | null>(null);

export function ApiProvider({ api, transport, children }: { api: AuskunftApi; transport: Transport; children: ReactNode }) {
  return <Context.Provider value={{ api, transport }}>{children}</Context.Provider>;
}

/** The typed API client. */
export function useApi(): AuskunftApi {
  const value = useContext(Context);
  if (!value) throw new Error('useApi outside ApiProvider');
  return value.api;
}

/** Subscribe to engine events for the component's lifetime; the latest listener is always called. */
export function useApiEvents(listener: (event: ApiEvent) => void): void {
  const value = useContext(Context);
  if (!value) throw new Error('useApiEvents outside ApiProvider');
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => value.transport.onEvent((event) => latest.current(event)), [value.transport]);
}
