import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BlobReader, configure, ZipReader, type FileEntry } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { writeAesZip } from '../../../src/core/export/aesZip.js';
import { tempDir } from '../helpers/runCli.js';

configure({ useWebWorkers: false });

/** Debian's 7-Zip (p7zip-full), an independent reader: `7z t` decrypts and checks every entry's CRC/HMAC. */
function sevenZipTest(file: string, password: string): { code: number | null; out: string } {
  const run = spawnSync('7z', ['t', `-p${password}`, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

describe('our AES-256 ZIP in other readers', () => {
  it('7-Zip opens and verifies it with the password and rejects a wrong one', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'brief.txt'), 'Grüße an Zoë Ødegård\n'.repeat(2000));
    writeFileSync(join(dir, 'bild.bin'), Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251)));
    const target = join(dir, 'Auskunft.zip');
    await writeAesZip(target, [
      { name: 'Auskunft.txt', path: join(dir, 'brief.txt') },
      { name: 'files/0001/bild.bin', path: join(dir, 'bild.bin') },
    ], 'richtig geheim');
    const ok = sevenZipTest(target, 'richtig geheim');
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain('Everything is Ok');
    expect(ok.out).toMatch(/Files: 2/);
    const list = spawnSync('7z', ['l', '-slt', '-prichtig geheim', target], { encoding: 'utf8' }).stdout;
    expect(list).toMatch(/Method = AES-256/);
    const wrong = sevenZipTest(target, 'falsch');
    expect(wrong.code).not.toBe(0);
    expect(wrong.out).toMatch(/Wrong password/i);
  });

  it('writes Zip64 for a package of more than 65,535 entries, which 7-Zip and zip.js read in full', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    // One small file on disk, entered 65,600 times: the entry count, not the disk, is what is tested.
    writeFileSync(join(dir, 'one.txt'), 'x');
    const count = 65_600;
    const sources = Array.from({ length: count }, (_, i) => ({ name: `files/${String(i).padStart(5, '0')}.txt`, path: join(dir, 'one.txt') }));
    const target = join(dir, 'many.zip');
    await writeAesZip(target, sources, 'pw');
    const bytes = readFileSync(target);
    // The Zip64 end of central directory record and its locator (APPNOTE 4.3.14, 4.3.15).
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBe(true);
    const seven = sevenZipTest(target, 'pw');
    expect(seven.code, seven.out.slice(-2000)).toBe(0);
    expect(seven.out).toMatch(new RegExp(`Files: ${count}`));
    const entries = (await new ZipReader(new BlobReader(new Blob([bytes])), { password: 'pw' }).getEntries()) as FileEntry[];
    expect(entries.length).toBe(count);
    expect(entries.at(-1)!.filename).toBe(`files/${count - 1}.txt`);
  });
});
