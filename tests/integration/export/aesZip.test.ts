import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, type FileEntry } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { writeAesZip } from '../../../src/core/export/aesZip.js';
import { tempDir } from '../helpers/runCli.js';

configure({ useWebWorkers: false });

/** @zip.js/zip.js is an independent implementation of WinZip AES: reading with it checks the format. */
async function readZip(file: string, password: string): Promise<Map<string, Buffer>> {
  const entries = (await new ZipReader(new Uint8ArrayReader(readFileSync(file)), { password }).getEntries()) as FileEntry[];
  const out = new Map<string, Buffer>();
  for (const e of entries) {
    expect(e.encrypted, e.filename).toBe(true);
    out.set(e.filename, Buffer.from(await e.getData(new Uint8ArrayWriter())));
  }
  return out;
}

describe('writeAesZip (WinZip AES-256, AE-2)', () => {
  it('round-trips small, empty, incompressible, streamed (> 8 MiB) and non-ASCII entries', async () => {
    const dir = tempDir();
    const files: Record<string, Buffer> = {
      'a.txt': Buffer.from('Grüße an Zoë Ødegård und Дмитрий\n'.repeat(500)),
      'leer.txt': Buffer.alloc(0),
      'bild.jpg': Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)),
      'groß.bin': Buffer.alloc(9 * 1024 * 1024 + 13, 0x41),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const target = join(dir, 'out.zip');
    await writeAesZip(target, Object.keys(files).map((name) => ({ name: `files/0001/${name}`, path: join(dir, name) })), 'ein sehr geheimes Passwort');
    const read = await readZip(target, 'ein sehr geheimes Passwort');
    expect([...read.keys()]).toEqual(Object.keys(files).map((n) => `files/0001/${n}`));
    for (const [name, bytes] of Object.entries(files)) expect(read.get(`files/0001/${name}`)!.equals(bytes), name).toBe(true);
    // The big text compressed well, the JPEG was stored, not deflated again.
    expect(readFileSync(target).length).toBeLessThan(200_000);
  });

  it('lists every entry of a package with more files than one block of the central directory holds', async () => {
    const dir = tempDir();
    // ~107 bytes of central directory per entry: 1,000 entries fill more than one 64 KiB block.
    const names = Array.from({ length: 1000 }, (_, i) => `files/${String(i).padStart(4, '0')}/Nachricht an Jürgen Weiß ${i}.eml`);
    names.forEach((_, i) => writeFileSync(join(dir, `${i}.eml`), `Nachricht ${i}\n`));
    const target = join(dir, 'out.zip');
    await writeAesZip(target, names.map((name, i) => ({ name, path: join(dir, `${i}.eml`) })), 'ein sehr geheimes Passwort');
    const read = await readZip(target, 'ein sehr geheimes Passwort');
    expect([...read.keys()]).toEqual(names);
    expect(names.every((name, i) => read.get(name)!.toString() === `Nachricht ${i}\n`)).toBe(true);
  });

  it('cannot be read with a wrong password, and never reuses a salt', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.txt'), 'same content');
    const target = join(dir, 'out.zip');
    await writeAesZip(target, [{ name: 'x1.txt', path: join(dir, 'x.txt') }, { name: 'x2.txt', path: join(dir, 'x.txt') }], 'richtiges Passwort!');
    await expect(readZip(target, 'falsches Passwort!!')).rejects.toThrow();
    // Same plaintext, different salts and keys: the two ciphertexts differ.
    const zip = readFileSync(target);
    const first = zip.indexOf('x1.txt');
    const second = zip.indexOf('x2.txt');
    const body = (at: number) => zip.subarray(at + 6 + 11, at + 6 + 11 + 16 + 2 + 12).toString('hex');
    expect(body(first)).not.toBe(body(second));
  });

  it('refuses to overwrite an existing file and an empty password', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.txt'), 'x');
    writeFileSync(join(dir, 'out.zip'), 'already here');
    await expect(writeAesZip(join(dir, 'out.zip'), [{ name: 'x.txt', path: join(dir, 'x.txt') }], 'Passwort123456')).rejects.toThrow(/EEXIST/);
    await expect(writeAesZip(join(dir, 'new.zip'), [{ name: 'x.txt', path: join(dir, 'x.txt') }], '')).rejects.toThrow(/empty/);
  });
});
