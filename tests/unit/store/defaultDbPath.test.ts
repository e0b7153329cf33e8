import { describe, expect, it } from 'vitest';
import { defaultDbPath } from '../../../src/core/store/defaultDbPath.js';

describe('defaultDbPath', () => {
  it('uses XDG_DATA_HOME on Linux', () => {
    expect(defaultDbPath({ platform: 'linux', env: { XDG_DATA_HOME: '/data/me' }, homedir: '/home/me' })).toBe('/data/me/auskunft/cases.db');
  });

  it('falls back to ~/.local/share on Linux, also when XDG_DATA_HOME is relative or empty', () => {
    const expected = '/home/me/.local/share/auskunft/cases.db';
    expect(defaultDbPath({ platform: 'linux', env: {}, homedir: '/home/me' })).toBe(expected);
    expect(defaultDbPath({ platform: 'linux', env: { XDG_DATA_HOME: 'relative/dir' }, homedir: '/home/me' })).toBe(expected);
    expect(defaultDbPath({ platform: 'freebsd', env: { XDG_DATA_HOME: '' }, homedir: '/home/me' })).toBe(expected);
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDbPath({ platform: 'darwin', env: { XDG_DATA_HOME: '/ignored' }, homedir: '/Users/me' })).toBe(
      '/Users/me/Library/Application Support/Auskunft/cases.db',
    );
  });

  it('uses %LOCALAPPDATA% on Windows (never the roaming profile), with the usual folder when it is unset', () => {
    const env = { APPDATA: 'C:\\Users\\me\\AppData\\Roaming', LOCALAPPDATA: 'D:\\Local' };
    expect(defaultDbPath({ platform: 'win32', env, homedir: 'C:\\Users\\me' })).toBe('D:\\Local\\Auskunft\\cases.db');
    expect(defaultDbPath({ platform: 'win32', env: {}, homedir: 'C:\\Users\\me' })).toBe('C:\\Users\\me\\AppData\\Local\\Auskunft\\cases.db');
  });

  it('answers for the running OS without arguments', () => {
    expect(defaultDbPath()).toMatch(/cases\.db$/);
  });
});
