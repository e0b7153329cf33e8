import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** What `defaultDbPath` looks at; injectable so each OS's answer can be tested on any OS. */
export interface PlatformDirs {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
}

export const DB_FILE_NAME = 'cases.db';

/**
 * Where the case store lives when the user names no file: the per-user data folder of the OS, the
 * same one Electron's `app.getPath('userData')` uses on macOS and Windows.
 */
export function defaultDbPath(dirs: PlatformDirs = { platform: process.platform, env: process.env, homedir: homedir() }): string {
  switch (dirs.platform) {
    case 'win32': {
      // %LOCALAPPDATA%, not the roaming %APPDATA%: case data about a person must not be copied to a
      // profile server at every logoff (Art. 5(1)(f), data minimisation of copies).
      const localAppData = dirs.env['LOCALAPPDATA'] || win32.join(dirs.homedir, 'AppData', 'Local');
      return win32.join(localAppData, 'Auskunft', DB_FILE_NAME);
    }
    case 'darwin':
      return posix.join(dirs.homedir, 'Library', 'Application Support', 'Auskunft', DB_FILE_NAME);
    default: {
      // XDG Base Directory spec: a relative XDG_DATA_HOME is invalid and must be ignored.
      const xdg = dirs.env['XDG_DATA_HOME'];
      const dataHome = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(dirs.homedir, '.local', 'share');
      return posix.join(dataHome, 'auskunft', DB_FILE_NAME);
    }
  }
}
