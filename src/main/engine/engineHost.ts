import { createAppService, dispatchApiCall, type AppService, type Keychain } from '../../core/app/index.js';
import type { EngineToMain, MainToEngine, PortName } from './engineMessages.js';

/**
 * What the engine uses of Electron's `process.parentPort`. Declared here so the engine, which runs
 * the whole core, is compiled without Electron's types (they bring a second @types/node).
 */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: MainToEngine }) => void): unknown;
  postMessage(message: EngineToMain): void;
}

/**
 * The engine process: hosts the application façade (case store, searches, exports) off Electron's
 * main thread. Calls arrive already validated by main and are validated again by dispatchApiCall.
 */
export function runEngineHost(parentPort: ParentPortLike): void {
  let app: AppService | undefined;
  let nextPortSeq = 1;
  const pendingPorts = new Map<number, { resolve: (value: string | null) => void; reject: (error: Error) => void }>();
  const send = (message: EngineToMain) => parentPort.postMessage(message);

  const askMain = (name: PortName, ...args: string[]) =>
    new Promise<string | null>((resolve, reject) => {
      const seq = nextPortSeq++;
      pendingPorts.set(seq, { resolve, reject });
      send({ kind: 'port', seq, name, args });
    });

  parentPort.on('message', (event: { data: MainToEngine }) => {
    const message = event.data;
    switch (message.kind) {
      case 'init': {
        const { init } = message;
        const keychain: Keychain = {
          kind: init.keychainKind,
          get: async (name) => (await askMain('keychain.get', name)) ?? undefined,
          set: async (name, secret) => void (await askMain('keychain.set', name, secret)),
          delete: async (name) => void (await askMain('keychain.delete', name)),
        };
        try {
          app = createAppService({
            dbFile: init.dbFile,
            ...(init.dbKey === undefined ? {} : { dbKey: init.dbKey }),
            workspacePath: init.workspacePath,
            exportsDir: init.exportsDir,
            transport: 'electron',
            version: init.version,
            ports: {
              keychain,
              openFolder: async (path) => void (await askMain('openFolder', path)),
              emit: (apiEvent) => send({ kind: 'event', event: apiEvent }),
              now: () => new Date(),
            },
          });
          send({ kind: 'ready' });
        } catch (err) {
          send({ kind: 'initFailed', error: { name: (err as Error).name ?? 'Error', message: (err as Error).message ?? String(err) } });
        }
        return;
      }
      case 'call': {
        const { seq, method, input } = message;
        if (!app) {
          send({ kind: 'result', seq, result: { ok: false, error: { name: 'EngineNotReady', message: 'the engine is still starting' } } });
          return;
        }
        void dispatchApiCall(app.handlers, method, input).then((result) => send({ kind: 'result', seq, result }));
        return;
      }
      case 'portResult': {
        const pending = pendingPorts.get(message.seq);
        pendingPorts.delete(message.seq);
        if (message.ok) pending?.resolve(message.value ?? null);
        else pending?.reject(new Error(message.error ?? 'the main process refused'));
        return;
      }
    }
  });
}
