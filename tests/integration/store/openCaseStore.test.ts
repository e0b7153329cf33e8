import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../src/core/store/createCase.js';
import { CaseStoreError, CaseStoreUnreadableError } from '../../../src/core/store/errors.js';
import { getCase } from '../../../src/core/store/getCase.js';
import { BUSY_TIMEOUT_MS, openCaseStore } from '../../../src/core/store/openCaseStore.js';
import { useTempStoreDir } from './tempStoreDir.js';

const temp = useTempStoreDir();

// Unusual enough that it cannot occur in a file by chance, so finding it means plaintext on disk.
const MARKER = 'marker.7f3a9c@beispiel-gmbh.de';
const subject = { name: 'Jürgen Weiß', emails: [MARKER], phones: [], customerIds: [], ips: [], otherIds: [] };

function bytesOnDisk(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

describe('openCaseStore', () => {
  it('sets WAL, foreign keys, busy timeout and secure delete', () => {
    const db = temp.closeLater(openCaseStore(temp.file()));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
  });

  it.skipIf(process.platform === 'win32')('creates missing folders and a file only the user can read', () => {
    const file = join(temp.dir(), 'nested', 'deeper', 'cases.db');
    temp.closeLater(openCaseStore(file));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(temp.dir(), 'nested')).mode & 0o777).toBe(0o700);
  });

  it('works in memory', () => {
    const db = temp.closeLater(openCaseStore(':memory:'));
    const c = createCase(db, { receivedOn: '2026-01-05', subject });
    expect(getCase(db, c.id)?.subject.emails).toEqual([MARKER]);
  });
});

describe('encryption at rest', () => {
  it('writes plaintext without a key (the control for the next test)', () => {
    const file = temp.file();
    const db = openCaseStore(file);
    createCase(db, { receivedOn: '2026-01-05', subject });
    db.close();
    expect(bytesOnDisk(file).includes(MARKER)).toBe(true);
  });

  it('with a key, keeps personal data out of the file and opens only with that key', () => {
    const file = temp.file();
    const key = "correct horse 'battery' staple";
    const db = openCaseStore(file, { key });
    const { id } = createCase(db, { receivedOn: '2026-01-05', subject });
    // Check while open too: the WAL then holds the newest pages.
    expect(bytesOnDisk(file).includes(MARKER)).toBe(false);
    db.close();

    const bytes = bytesOnDisk(file);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes(MARKER)).toBe(false);
    expect(bytes.includes('Jürgen')).toBe(false);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');

    expect(() => openCaseStore(file)).toThrow(CaseStoreUnreadableError);
    expect(() => openCaseStore(file)).toThrow(/encrypted and needs a key/);
    expect(() => openCaseStore(file, { key: 'wrong' })).toThrow(/wrong key/);

    const reopened = temp.closeLater(openCaseStore(file, { key }));
    expect(getCase(reopened, id)?.subject).toEqual(subject);
  });

  it('refuses a key for an unencrypted file instead of reading it as plaintext', () => {
    const file = temp.file();
    openCaseStore(file).close();
    expect(() => openCaseStore(file, { key: 'k' })).toThrow(CaseStoreUnreadableError);
  });

  it('rejects an empty key, which would silently mean "no encryption"', () => {
    expect(() => openCaseStore(temp.file(), { key: '' })).toThrow(CaseStoreError);
    expect(existsSync(temp.file())).toBe(false);
  });
});
