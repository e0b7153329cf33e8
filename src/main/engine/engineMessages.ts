import type { ApiEvent, ApiResult } from '../../shared/api.js';

/**
 * The messages between Electron's main process and the engine process (a `utilityProcess`), tagged
 * with sequence ids like Signal's SQL worker (docs/STYLE.md §5). The engine owns the case store and runs
 * searches and exports; main owns the window, the OS keychain and the file manager, and the engine
 * asks for those through `port` requests.
 */
export interface EngineInit {
  readonly dbFile: string;
  /** The case store key, sent as a message: never on the command line or in the environment. */
  readonly dbKey: string | undefined;
  readonly workspacePath: string | null;
  readonly exportsDir: string;
  readonly version: string;
  readonly keychainKind: 'os' | 'unavailable';
}

export type PortName = 'keychain.get' | 'keychain.set' | 'keychain.delete' | 'openFolder';

export type MainToEngine =
  | { readonly kind: 'init'; readonly init: EngineInit }
  | { readonly kind: 'call'; readonly seq: number; readonly method: string; readonly input: unknown }
  | { readonly kind: 'portResult'; readonly seq: number; readonly ok: boolean; readonly value?: string | null; readonly error?: string };

export type EngineToMain =
  | { readonly kind: 'ready' }
  | { readonly kind: 'initFailed'; readonly error: { readonly name: string; readonly message: string } }
  | { readonly kind: 'result'; readonly seq: number; readonly result: ApiResult<unknown> }
  | { readonly kind: 'event'; readonly event: ApiEvent }
  | { readonly kind: 'port'; readonly seq: number; readonly name: PortName; readonly args: readonly string[] };
