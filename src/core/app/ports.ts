import type { ApiEvent } from '../../shared/api.js';

/**
 * What the engine needs from the platform it runs on (docs/STYLE.md §13). Electron's main process
 * provides the OS keychain (`safeStorage`) and "open folder"; the HTTP bridge provides an in-memory
 * keychain and no folder opening. The engine itself never imports Electron.
 */
export interface AppPorts {
  readonly keychain: Keychain;
  /** Show a folder in the system's file manager; absent where there is no desktop (HTTP bridge). */
  readonly openFolder?: (path: string) => Promise<void>;
  /** Push progress to the UI. */
  readonly emit: (event: ApiEvent) => void;
  /** The clock; injectable so deadline tests do not depend on today. */
  readonly now: () => Date;
}

/**
 * Secrets by name (IMAP passwords). Values never reach the case store, the workspace file, logs or
 * exports: the workspace holds only `{ keychain: NAME }`.
 */
export interface Keychain {
  readonly kind: 'os' | 'memory' | 'unavailable';
  get(name: string): Promise<string | undefined>;
  set(name: string, secret: string): Promise<void>;
  delete(name: string): Promise<void>;
}

/** A keychain that lives only in this process: the HTTP bridge's, and tests'. */
export function memoryKeychain(): Keychain {
  const secrets = new Map<string, string>();
  return {
    kind: 'memory',
    get: async (name) => secrets.get(name),
    set: async (name, secret) => {
      secrets.set(name, secret);
    },
    delete: async (name) => {
      secrets.delete(name);
    },
  };
}
