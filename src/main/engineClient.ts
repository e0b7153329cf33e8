import { utilityProcess, type UtilityProcess } from 'electron';
import type { ApiEvent, ApiResult } from '../shared/api.js';
import type { EngineInit, EngineToMain, MainToEngine, PortName } from './engine/engineMessages.js';

/** Main's side of a port request: the keychain and the file manager, which only main can reach. */
export type PortHandler = (name: PortName, args: readonly string[]) => Promise<string | null>;

export interface EngineClient {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
  stop(): void;
}

/**
 * Start the engine in a utilityProcess and talk to it with sequence-numbered messages. A crashed
 * engine fails every pending call with a readable error instead of leaving the UI waiting.
 */
export async function startEngine(entry: string, init: EngineInit, env: Record<string, string>, onEvent: (event: ApiEvent) => void, ports: PortHandler): Promise<EngineClient> {
  const child: UtilityProcess = utilityProcess.fork(entry, [], { serviceName: 'Auskunft engine', stdio: 'inherit', env: { ...env } });
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  let nextSeq = 1;
  let exited: { name: string; message: string } | null = null;
  const send = (message: MainToEngine) => child.postMessage(message);

  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: EngineToMain) => {
      switch (message.kind) {
        case 'ready':
          resolve();
          return;
        case 'initFailed':
          reject(Object.assign(new Error(message.error.message), { name: message.error.name }));
          return;
        case 'result':
          pending.get(message.seq)?.(message.result);
          pending.delete(message.seq);
          return;
        case 'event':
          onEvent(message.event);
          return;
        case 'port':
          ports(message.name, message.args).then(
            (value) => send({ kind: 'portResult', seq: message.seq, ok: true, value }),
            (err: unknown) => send({ kind: 'portResult', seq: message.seq, ok: false, error: err instanceof Error ? err.message : String(err) }),
          );
          return;
      }
    });
    child.once('exit', (code) => {
      const error = { name: 'EngineExited', message: `the engine process stopped (exit code ${code}); restart Auskunft` };
      exited = error;
      for (const settle of pending.values()) settle({ ok: false, error });
      pending.clear();
      reject(new Error(error.message));
    });
  });
  send({ kind: 'init', init });
  await ready;

  return {
    call(method, input) {
      if (exited) return Promise.resolve({ ok: false, error: exited });
      const seq = nextSeq++;
      return new Promise((resolve) => {
        pending.set(seq, resolve);
        send({ kind: 'call', seq, method, input });
      });
    },
    stop() {
      child.kill();
    },
  };
}
