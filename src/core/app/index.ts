import { dirname, join } from 'node:path';
import type { AuskunftHandlers } from '../../shared/api.js';
import { openCaseStore } from '../store/index.js';
import { caseService } from './cases/caseService.js';
import { localDate } from '../cases/deadlineStatus.js';
import { purgeExpiredCases } from './cases/retention.js';
import { ConflictError, createAppContext, type AppContext } from './context.js';
import { exportService } from './exports/exportService.js';
import { overviewService } from './overview/overviewService.js';
import type { AppPorts } from './ports.js';
import { registerService } from './register/registerService.js';
import { reviewService } from './review/reviewService.js';
import { searchService } from './search/searchService.js';
import { sourceService } from './sources/sourceService.js';
import { readSettings, settingsService } from './settings/settingsService.js';

export { dispatchApiCall } from './dispatchApiCall.js';
export { memoryKeychain, type AppPorts, type Keychain } from './ports.js';

export interface AppServiceOptions {
  /** The case store file; `:memory:` for tests. */
  readonly dbFile: string;
  /** Encrypts the store at rest; from the OS keychain in the app, `AUSKUNFT_DB_KEY` on the command line. */
  readonly dbKey?: string;
  readonly workspacePath: string | null;
  readonly transport: 'electron' | 'http';
  readonly version: string;
  readonly ports: AppPorts;
  /** Where response packages go; default: `exports/` beside the store. */
  readonly exportsDir?: string;
  /** Who the audit log names; default: the OS account (core/review/auditLog.ts). */
  readonly actor?: string;
}

/** The engine as the UI sees it: every handler of the API contract, plus lifecycle. */
export interface AppService {
  readonly handlers: AuskunftHandlers;
  /** Resolves when no search or export is running. */
  idle(): Promise<void>;
  close(): void;
}

/**
 * The application façade over core: one object implementing every method of `src/shared/api.ts`.
 * Both transports (Electron IPC through the engine process, and the HTTP bridge) serve it, so the
 * UI behaves the same in the app and in the browser tests.
 *
 * @example
 *   const app = createAppService({ dbFile, dbKey, workspacePath: 'auskunft.yaml', transport: 'http', version, ports });
 *   const result = await dispatchApiCall(app.handlers, 'cases.list', {});
 */
export function createAppService(options: AppServiceOptions): AppService {
  const db = openCaseStore(options.dbFile, options.dbKey === undefined ? {} : { key: options.dbKey });
  const home = options.dbFile === ':memory:' ? process.cwd() : dirname(options.dbFile);
  const ctx: AppContext = createAppContext({
    db,
    dbEncrypted: options.dbKey !== undefined,
    ports: options.ports,
    actor: options.actor,
    transport: options.transport,
    version: options.version,
    exportsDir: options.exportsDir ?? join(home, 'exports'),
    settingsFile: join(home, 'settings.json'),
    workspacePath: options.workspacePath,
  });
  const accountabilityFile = join(home, 'accountability.jsonl');
  const purge = (months: number | null) => {
    if (months !== null) purgeExpiredCases(ctx, months, accountabilityFile);
  };
  purge(readSettings(ctx.settingsFile).retentionMonths);
  // Load the workspace while the window opens rather than in the first call: every first screen needs
  // it (the controller, the register's names), and reading and validating the register costs 100 ms
  // and more on a cold start. An unusable workspace is reported by app.info, not here.
  const warmUp = setImmediate(() => {
    try {
      ctx.workspace();
    } catch {
      // app.info reports it.
    }
  });

  const search = searchService(ctx);
  const exports = exportService(ctx);
  const handlers: AuskunftHandlers = {
    app: {
      async info() {
        let controllerName: string | null = null;
        let workspaceError: string | null = null;
        try {
          controllerName = ctx.workspace().controller.name;
        } catch (err) {
          workspaceError = err instanceof Error ? err.message : String(err);
        }
        return {
          version: ctx.version,
          transport: ctx.transport,
          workspacePath: ctx.workspacePath,
          controllerName,
          workspaceError,
          dbEncrypted: ctx.dbEncrypted,
          keychain: ctx.ports.keychain.kind,
          today: localDate(ctx.ports.now()),
        };
      },
      async openWorkspace() {
        // Only the desktop shell has a file dialog; its main process answers this call itself.
        throw new ConflictError('choose the workspace when starting Auskunft (npm run web -- --workspace FILE)');
      },
    },
    cases: caseService(ctx),
    sources: sourceService(ctx),
    search,
    review: reviewService(ctx),
    overview: overviewService(ctx),
    register: registerService(ctx),
    exports,
    settings: settingsService(ctx, async (settings) => purge(settings.retentionMonths)),
  };
  return {
    handlers,
    idle: async () => {
      await Promise.all([search.idle(), exports.idle()]);
    },
    close: () => {
      clearImmediate(warmUp);
      db.close();
    },
  };
}
