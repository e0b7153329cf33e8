import { invalidInputError } from '../shared/invalidInput.js';
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { methodSpec, type ApiResult } from '../shared/api.js';
import { IPC_CALL_CHANNEL } from '../shared/ipcChannels.js';
import { APP_ORIGIN } from './appProtocol.js';

export type CallForwarder = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

/**
 * The only IPC handler (docs/STYLE.md §4, after VS Code's validateIPC): the sender must be the main frame
 * of our window showing our own origin, the method must be in the contract, and the payload must
 * pass its zod schema. Only then is the call forwarded to the engine.
 */
export function registerIpcGateway(window: () => BrowserWindow | undefined, forward: CallForwarder): void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    if (!isTrustedSender(event, window())) return { ok: false, error: { name: 'Forbidden', message: 'call from an untrusted frame' } };
    if (typeof method !== 'string') return { ok: false, error: { name: 'UnknownMethod', message: 'not an API method name' } };
    const spec = methodSpec(method);
    if (!spec) return { ok: false, error: { name: 'UnknownMethod', message: `no API method "${method}"` } };
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return { ok: false, error: invalidInputError(method, parsed.error.issues) };
    return forward(method, parsed.data);
  });
}

function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | undefined): boolean {
  const frame = event.senderFrame;
  if (!window || !frame || event.sender !== window.webContents || frame !== window.webContents.mainFrame) return false;
  try {
    // Node's URL gives every non-special scheme the origin "null", so compare scheme and host.
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}
