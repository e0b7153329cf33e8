import { describe, expect, it } from 'vitest';
import { describeLocator } from '../../../src/core/export/letterPdf.js';

describe('describeLocator: database rows', () => {
  it('names the table and the key, in German and English', () => {
    expect(describeLocator({ table: 'public.customers', key: { id: 42 }, hash: 'a'.repeat(64) }, 'de')).toBe('Tabelle public.customers, Schlüssel id=42');
    expect(describeLocator({ table: 'public.customers', key: { id: 42 } }, 'en')).toBe('table public.customers, key id=42');
    expect(describeLocator({ table: 'public.lines', key: { order_id: 7, line: 2 } }, 'de')).toBe('Tabelle public.lines, Schlüssel order_id=7, line=2');
  });

  it('names a row without a key by its place, not its hash', () => {
    expect(describeLocator({ table: 'events', row: 3, hash: 'b'.repeat(64) }, 'de')).toBe('Tabelle events, Zeile 3');
    expect(describeLocator({ table: 'events', row: 3 }, 'en')).toBe('table events, row 3');
  });
});
