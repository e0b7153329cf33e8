import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEvent, ApiMethodName, ApiResult } from '../shared/api.js';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type AuskunftBridge } from '../shared/ipcChannels.js';

/*
 * The whole preload (docs/STYLE.md §4): it exposes the API contract's call and event channels and nothing
 * of ipcRenderer itself. Main validates every method name, payload and sender; this file only
 * refuses what is obviously not a call, so a compromised page gains nothing here it could not send anyway.
 */
const METHOD_NAME = /^[a-z]+\.[a-zA-Z]+$/;

const bridge: AuskunftBridge = {
  call(method: ApiMethodName, input: unknown): Promise<ApiResult<unknown>> {
    if (typeof method !== 'string' || !METHOD_NAME.test(method)) {
      return Promise.resolve({ ok: false, error: { name: 'UnknownMethod', message: 'not an API method name' } });
    }
    return ipcRenderer.invoke(IPC_CALL_CHANNEL, method, input) as Promise<ApiResult<unknown>>;
  },
  onEvent(listener: (event: ApiEvent) => void): () => void {
    const wrapped = (_event: IpcRendererEvent, payload: ApiEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('auskunft', bridge);
