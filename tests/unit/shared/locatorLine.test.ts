import { describe, expect, it } from 'vitest';
import { locatorLine } from '../../../src/shared/locatorLine.js';

describe('locatorLine', () => {
  it('writes a file locator as its fields in order', () => {
    expect(locatorLine({ path: 'mail/archive.mbox', offset: 0 })).toBe('path: mail/archive.mbox, offset: 0');
  });

  it('writes a database key as column=value pairs, not as [object Object]', () => {
    expect(locatorLine({ table: 'public.customers', key: { id: 42 } })).toBe('table: public.customers, key: (id=42)');
    expect(locatorLine({ table: 'orders', key: { region: 3, nr: 'A-7' }, hash: 'ab12' })).toBe('table: orders, key: (region=3, nr=A-7), hash: ab12');
  });
});
