import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileWithinLimit } from '../../../src/core/connectors/common/readFileWithinLimit.js';
import { tempDir } from '../helpers/runCli.js';

describe('readFileWithinLimit', () => {
  it('reads a file up to the limit, and refuses a larger one unread, as a gap the officer sees', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ok.eml'), 'x'.repeat(100));
    writeFileSync(join(dir, 'big.eml'), 'x'.repeat(101));
    const ok = await readFileWithinLimit(join(dir, 'ok.eml'), 100, { path: 'mail/ok.eml' }, 'message');
    expect('bytes' in ok && ok.bytes.length).toBe(100);
    const big = await readFileWithinLimit(join(dir, 'big.eml'), 100, { path: 'mail/big.eml' }, 'message');
    expect(big).toEqual({
      warning: { kind: 'warning', locator: { path: 'mail/big.eml' }, message: 'message of 101 bytes exceeds the 100-byte limit; not searched', uncovered: true },
    });
  });

  it('turns an unreadable file into an uncovered warning with its code, not an exception', async () => {
    const gone = await readFileWithinLimit(join(tempDir(), 'gone.pdf'), 100, { path: 'briefe/gone.pdf' });
    expect(gone).toEqual({ warning: { kind: 'warning', locator: { path: 'briefe/gone.pdf' }, message: 'cannot read file: ENOENT', uncovered: true } });
  });
});
