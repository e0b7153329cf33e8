import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SyncFileSink } from '../../../src/core/export/syncFileSink.js';
import { tempDir } from '../helpers/runCli.js';

/** The PDF's file sink on real files: every byte in order, whatever the chunk sizes; a full disk is an error, not a short file. */
describe('SyncFileSink', () => {
  it('writes tiny, medium and larger-than-buffer chunks in order, with mode 0600', () => {
    const file = join(tempDir(), 'out.pdf');
    const sink = new SyncFileSink(file);
    const chunks: Buffer[] = [];
    for (let i = 0; i < 20_000; i++) chunks.push(Buffer.from(`${i} 0 obj\n`));
    chunks.push(Buffer.alloc(700 * 1024, 7), Buffer.from('endobj\n'), Buffer.alloc(256 * 1024, 9), Buffer.from('%%EOF\n'));
    for (const c of chunks) sink.write(c);
    sink.close();
    expect(readFileSync(file).equals(Buffer.concat(chunks))).toBe(true);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps a write error and throws it at the next check and at close', () => {
    if (!existsSync('/dev/full')) return; // Linux: every write fails with ENOSPC
    const sink = new SyncFileSink('/dev/full');
    sink.write(Buffer.alloc(300 * 1024, 1));
    expect(() => sink.check()).toThrow(/ENOSPC/);
    sink.write(Buffer.from('more'));
    expect(() => sink.close()).toThrow(/ENOSPC/);
  });
});
