import { describe, expect, it } from 'vitest';
import { openCaseStore } from '../../../src/core/store/openCaseStore.js';
import { sourceStateStore } from '../../../src/core/store/sourceStateStore.js';
import { useTempStoreDir } from './tempStoreDir.js';

const temp = useTempStoreDir();

describe('sourceStateStore', () => {
  it('keeps values per source and across re-opening the store', () => {
    const file = temp.file();
    const db = openCaseStore(file);
    const office = sourceStateStore(db, 'office');
    expect(office.get('INBOX:uidvalidity')).toBeUndefined();
    office.set('INBOX:uidvalidity', '1700000000');
    office.set('INBOX:uidnext', '17');
    office.set('INBOX:uidnext', '42');
    sourceStateStore(db, 'other').set('INBOX:uidnext', '5');
    db.close();

    const reopened = temp.closeLater(openCaseStore(file));
    const again = sourceStateStore(reopened, 'office');
    expect(again.get('INBOX:uidvalidity')).toBe('1700000000');
    expect(again.get('INBOX:uidnext')).toBe('42');
    expect(sourceStateStore(reopened, 'other').get('INBOX:uidnext')).toBe('5');
  });
});
