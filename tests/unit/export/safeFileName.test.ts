import { describe, expect, it } from 'vitest';
import { insideFolder, MAX_FILE_NAME_BYTES, safeFileName, uniqueName } from '../../../src/core/export/safeFileName.js';

describe('safeFileName', () => {
  it('never lets a name become a path', () => {
    expect(safeFileName('../../etc/passwd')).toBe('etc_passwd');
    expect(safeFileName('..\\..\\Windows\\System32\\evil.bat')).toBe('Windows_System32_evil.bat');
    expect(safeFileName('/etc/shadow')).toBe('etc_shadow');
    expect(safeFileName('C:\\Users\\x\\a.txt')).toBe('C__Users_x_a.txt');
    expect(safeFileName('..')).toBe('datei');
    expect(safeFileName('...')).toBe('datei');
    expect(safeFileName('')).toBe('datei');
    expect(safeFileName('   ', 'nachricht')).toBe('nachricht');
  });

  it('defuses reserved Windows device names, with or without extension', () => {
    for (const name of ['CON', 'con', 'NUL.txt', 'COM1', 'LPT9.eml', 'PRN', 'AUX.tar.gz', 'COM¹']) {
      expect(safeFileName(name).startsWith('_')).toBe(true);
    }
    expect(safeFileName('CONTRACT.pdf')).toBe('CONTRACT.pdf');
  });

  it('removes control and Windows-forbidden characters, bidi tricks, leading dots and trailing dots and spaces', () => {
    expect(safeFileName('a<b>c:d"e|f?g*h\u0000i\u001fj.txt')).toBe('a_b_c_d_e_f_g_h_i_j.txt');
    expect(safeFileName('rechnung\u202Etxt.exe')).toBe('rechnungtxt.exe');
    expect(safeFileName('.htaccess')).toBe('htaccess');
    expect(safeFileName('name. . ')).toBe('name');
  });

  it('cuts overlong names to a byte budget, keeping the extension and whole characters', () => {
    const long = `${'Ä'.repeat(300)}.eml`;
    const safe = safeFileName(long);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(safe.endsWith('.eml')).toBe(true);
    expect(safe).not.toContain('\ufffd');
    expect(safeFileName('🙂'.repeat(200)).length).toBeGreaterThan(0);
  });

  it('gives each file of a folder its own name, ignoring case like Windows and macOS do', () => {
    const taken = new Set<string>();
    expect(uniqueName('Bericht.pdf', taken)).toBe('Bericht.pdf');
    expect(uniqueName('bericht.pdf', taken)).toBe('bericht-2.pdf');
    expect(uniqueName('BERICHT.pdf', taken)).toBe('BERICHT-3.pdf');
  });

  it('refuses to resolve outside the folder', () => {
    expect(() => insideFolder('/tmp/pkg/files', '..', 'x')).toThrow(/outside/);
    expect(() => insideFolder('/tmp/pkg/files', '/etc/passwd')).toThrow(/outside/);
    expect(insideFolder('/tmp/pkg/files', '0001', 'a.eml')).toBe('/tmp/pkg/files/0001/a.eml');
  });
});
