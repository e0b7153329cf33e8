import { vi } from 'vitest';

/**
 * A stand-in for the parts of Electron the main process uses, recording what main registers. The
 * real binary cannot run here (docs/ARCHITECTURE.md "Environment facts"); these tests check main's decisions.
 */
export interface ElectronStub {
  readonly handlers: Map<string, (...args: unknown[]) => unknown>;
  readonly sessionHandlers: Record<string, unknown>;
  readonly appListeners: Map<string, (...args: unknown[]) => void>;
  protocolHandler?: (request: Request) => Promise<Response>;
}

export const stub: ElectronStub = { handlers: new Map(), sessionHandlers: {}, appListeners: new Map() };

export function electronModule() {
  return {
    ipcMain: { handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => stub.handlers.set(channel, handler)) },
    app: { on: vi.fn((event: string, listener: (...args: unknown[]) => void) => stub.appListeners.set(event, listener)) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: unknown) => (stub.sessionHandlers['permissionRequest'] = h),
        setPermissionCheckHandler: (h: unknown) => (stub.sessionHandlers['permissionCheck'] = h),
        on: (event: string, h: unknown) => (stub.sessionHandlers[event] = h),
        webRequest: {
          onBeforeRequest: (filter: unknown, h: unknown) => {
            stub.sessionHandlers['beforeRequestFilter'] = filter;
            stub.sessionHandlers['beforeRequest'] = h;
          },
          onHeadersReceived: (h: unknown) => (stub.sessionHandlers['headersReceived'] = h),
        },
      },
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => (stub.protocolHandler = handler),
    },
  };
}
