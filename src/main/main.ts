import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { app, dialog, shell, type BrowserWindow } from 'electron';
import type { ApiEvent, ApiResult } from '../shared/api.js';
import { IPC_EVENT_CHANNEL } from '../shared/ipcChannels.js';
import { defaultDbPath } from '../core/store/defaultDbPath.js';
import { installAppMenu } from './appMenu.js';
import { electronSqliteBuild, ENGINE_ENTRY, PRELOAD_FILE, RENDERER_DIR } from './appPaths.js';
import { registerAppScheme, serveRenderer } from './appProtocol.js';
import { caseStoreKey } from './caseStoreKey.js';
import { startEngine, type EngineClient } from './engineClient.js';
import { hardenSessions } from './hardenSessions.js';
import { registerIpcGateway } from './ipcGateway.js';
import { createMainWindow } from './mainWindow.js';
import { SafeStorageKeychain } from './safeStorageKeychain.js';

/*
 * The composition root of the desktop app (docs/STYLE.md §13): it creates the window, gives the engine its
 * ports (keychain, file manager) and forwards validated calls. Everything else lives in src/core.
 */

registerAppScheme();
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

/** The one window and the engine process; replaced when the officer opens another workspace. */
const running: { window?: BrowserWindow; engine?: EngineClient } = {};
/** Response packages go where the officer finds them to send: Documents/Auskunft. */
const exportsDir = () => join(app.getPath('documents'), 'Auskunft');
const settingsFile = () => join(app.getPath('userData'), 'workspace.json');

function lastWorkspace(): string | null {
  const fromArgs = process.argv.find((arg) => arg.startsWith('--workspace='))?.slice('--workspace='.length);
  if (fromArgs) return resolve(fromArgs);
  try {
    return (JSON.parse(readFileSync(settingsFile(), 'utf8')) as { workspace?: string }).workspace ?? null;
  } catch {
    return null;
  }
}

async function startEngineFor(workspacePath: string | null, keychain: SafeStorageKeychain): Promise<EngineClient> {
  const dbFile = defaultDbPath();
  mkdirSync(dirname(dbFile), { recursive: true, mode: 0o700 });
  const sqlite = electronSqliteBuild(process.versions.electron);
  return startEngine(
    ENGINE_ENTRY,
    { dbFile, dbKey: await caseStoreKey(keychain), workspacePath, exportsDir: exportsDir(), version: app.getVersion(), keychainKind: keychain.kind },
    !app.isPackaged && existsSync(sqlite) ? { AUSKUNFT_ELECTRON_SQLITE: sqlite } : {},
    (event: ApiEvent) => running.window?.webContents.send(IPC_EVENT_CHANNEL, event),
    async (name, args) => {
      switch (name) {
        case 'keychain.get':
          return keychain.get(args[0]!) ?? null;
        case 'keychain.set':
          await keychain.set(args[0]!, args[1]!);
          return null;
        case 'keychain.delete':
          await keychain.delete(args[0]!);
          return null;
        case 'openFolder': {
          // The engine names the folder; main still checks it is an export folder before showing it.
          const folder = resolve(args[0]!);
          if (!folder.startsWith(exportsDir() + sep) || !statSync(folder).isDirectory()) throw new Error('not an export folder');
          const failure = await shell.openPath(folder);
          if (failure) throw new Error(failure);
          return null;
        }
      }
    },
  );
}

async function chooseWorkspace(keychain: SafeStorageKeychain): Promise<ApiResult<unknown>> {
  const result = running.window
    ? await dialog.showOpenDialog(running.window, { title: 'auskunft.yaml', properties: ['openFile'], filters: [{ name: 'Auskunft workspace', extensions: ['yaml', 'yml'] }] })
    : { canceled: true, filePaths: [] };
  const chosen = result.filePaths[0];
  if (!result.canceled && chosen) {
    writeFileSync(settingsFile(), JSON.stringify({ workspace: chosen }), { mode: 0o600 });
    running.engine?.stop();
    running.engine = await startEngineFor(chosen, keychain);
  }
  return running.engine!.call('app.info', {});
}

app.on('second-instance', () => {
  if (running.window?.isMinimized()) running.window.restore();
  running.window?.focus();
});
app.on('window-all-closed', () => {
  running.engine?.stop();
  app.quit();
});

await app.whenReady();
hardenSessions();
installAppMenu();
serveRenderer(RENDERER_DIR);
const keychain = new SafeStorageKeychain(join(app.getPath('userData'), 'keychain.json'));
try {
  running.engine = await startEngineFor(lastWorkspace(), keychain);
} catch (err) {
  // The case store cannot be opened (wrong key, a newer schema): say why instead of a silent exit.
  dialog.showErrorBox('Auskunft', err instanceof Error ? err.message : String(err));
  app.exit(1);
}
registerIpcGateway(
  () => running.window,
  (method, input) => (method === 'app.openWorkspace' ? chooseWorkspace(keychain) : running.engine!.call(method, input)),
);
running.window = createMainWindow(PRELOAD_FILE);
