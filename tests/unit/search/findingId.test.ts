import { describe, expect, it } from 'vitest';
import { findingId } from '../../../src/core/search/findingId.js';

describe('findingId', () => {
  it('gives distinct rows of one table distinct ids (a key object once became "[object Object]")', () => {
    const ids = [1, 2, 3].map((id) => findingId('crm', { table: 'public.customers', key: { id } }));
    expect(new Set(ids).size).toBe(3);
    expect(findingId('crm', { table: 'public.customers', key: { id: 1 } })).not.toBe(findingId('crm', { table: 'public.orders', key: { id: 1 } }));
  });

  it('does not depend on the order of the key columns, and keeps a keyed row\'s id when its values (hash) change', () => {
    const a = findingId('crm', { table: 'public.lines', key: { order_id: 7, line: 2 }, hash: 'a'.repeat(64) });
    const b = findingId('crm', { key: { line: 2, order_id: 7 }, table: 'public.lines', hash: 'b'.repeat(64) });
    expect(a).toBe(b);
    expect(a).not.toBe(findingId('crm', { table: 'public.lines', key: { order_id: 7, line: 3 } }));
  });

  it('tells rows without a key apart by place and hash', () => {
    const one = findingId('crm', { table: 'public.log', row: 1, hash: 'a'.repeat(64) });
    expect(one).not.toBe(findingId('crm', { table: 'public.log', row: 2, hash: 'a'.repeat(64) }));
    expect(one).not.toBe(findingId('crm', { table: 'public.log', row: 1, hash: 'b'.repeat(64) }));
  });

  it('keeps the ids of scalar locators as they were', () => {
    // sha256("src\nline=12") cut to 16 hex digits, as before the change: the ids stored in existing cases.
    expect(findingId('src', { line: 12 })).toBe('b048711bd4aaea6e');
    expect(findingId('src', { path: 'a.mbox', offset: 0 })).toBe('c7fb3b948426f08c');
  });
});
