import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiEvent } from '../shared/api.js';
import { createAppService, memoryKeychain, type AppService } from '../core/app/index.js';
import { packageVersion } from '../core/packageVersion.js';
import { defaultDbPath } from '../core/store/index.js';
import { serveBridge, type RunningBridge } from './serveBridge.js';

/** The built renderer, beside this file's compiled folder (dist/bridge -> dist/renderer). */
export const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));

export interface WebBridgeOptions {
  readonly workspace: string;
  readonly port?: number;
  /** The case store; default: the per-user store the CLI uses. */
  readonly db?: string;
  /** From `AUSKUNFT_DB_KEY`; without it the store is not encrypted. */
  readonly dbKey?: string;
  readonly exportsDir?: string;
  readonly token?: string;
  readonly rendererDir?: string;
  readonly now?: () => Date;
}

/**
 * Start the engine and the HTTP bridge for one workspace (`npm run web`). Secrets typed into the
 * source forms stay in this process's memory: the bridge has no OS keychain.
 */
export async function startWebBridge(options: WebBridgeOptions): Promise<{ bridge: RunningBridge; app: AppService; close(): Promise<void> }> {
  // Events can only go out once the server listens; the engine is created first, so it holds a slot.
  const out: { bridge?: RunningBridge; queued: ApiEvent[] } = { queued: [] };
  const app = createAppService({
    dbFile: resolve(options.db ?? defaultDbPath()),
    ...(options.dbKey ? { dbKey: options.dbKey } : {}),
    workspacePath: resolve(options.workspace),
    transport: 'http',
    version: packageVersion(),
    ...(options.exportsDir ? { exportsDir: resolve(options.exportsDir) } : {}),
    ports: {
      keychain: memoryKeychain(),
      emit: (event) => (out.bridge ? out.bridge.emit(event) : out.queued.push(event)),
      now: options.now ?? (() => new Date()),
    },
  });
  const bridge = await serveBridge({ handlers: app.handlers, rendererDir: options.rendererDir ?? RENDERER_DIR, port: options.port ?? 0, ...(options.token ? { token: options.token } : {}) });
  out.bridge = bridge;
  for (const event of out.queued.splice(0)) bridge.emit(event);
  return {
    bridge,
    app,
    async close() {
      await bridge.close();
      await app.idle();
      app.close();
    },
  };
}
