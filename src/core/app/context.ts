import type { WritableDb } from '../store/index.js';
import { loadWorkspace } from '../workspace/loadWorkspace.js';
import type { Workspace } from '../workspace/workspace.js';
import { localDate } from '../cases/deadlineStatus.js';
import type { AppPorts } from './ports.js';

/** What every service of the façade shares: one store connection, the workspace, the platform ports. */
export interface AppContext {
  readonly db: WritableDb;
  readonly dbEncrypted: boolean;
  readonly ports: AppPorts;
  readonly transport: 'electron' | 'http';
  readonly version: string;
  /** Where response packages are written, one folder per export. */
  readonly exportsDir: string;
  /** Non-personal app settings (retention), next to the store. */
  readonly settingsFile: string;
  /** The workspace file the app works with; null until one is chosen. */
  readonly workspacePath: string | null;
  /** The audit log's actor: who sits at the keyboard (core/review/auditLog.ts uses the OS account). */
  readonly actor: string | undefined;
  /** The loaded workspace; throws a ConfigError naming file, line and field when it is unusable. */
  workspace(path?: string | null): Workspace;
  /** Forget the loaded workspace after its file was edited. */
  reloadWorkspace(): void;
  today(): string;
}

export type AppContextOptions = Omit<AppContext, 'workspace' | 'reloadWorkspace' | 'today'>;

export function createAppContext(options: AppContextOptions): AppContext {
  const loaded = new Map<string, Workspace>();
  return {
    ...options,
    workspace(path = options.workspacePath) {
      if (!path) throw new NoWorkspaceError();
      let workspace = loaded.get(path);
      if (!workspace) {
        workspace = loadWorkspace(path);
        loaded.set(path, workspace);
      }
      return workspace;
    },
    reloadWorkspace() {
      loaded.clear();
    },
    today: () => localDate(options.ports.now()),
  };
}

/** The app was started without a workspace file. */
export class NoWorkspaceError extends Error {
  override readonly name = 'NoWorkspaceError';
  constructor() {
    super('no workspace is open: start Auskunft with a workspace file (auskunft.yaml)');
  }
}

/** A call names something that does not exist (a finding, a search, an export). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** A call is well-formed but not allowed now (a second search of the same case while one runs). */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}
