import { describe, expect, it } from 'vitest';
import { flattenFields, valueAt } from '../../../../src/core/connectors/tickets/ticket.js';

describe('flattenFields', () => {
  it('names every non-empty scalar by its path and joins scalar lists', () => {
    const fields = flattenFields(
      { title: 'A', note: ' ', owner_id: 3, internal: false, tags: ['dsgvo', 'rückruf'], ids: [], customer: { email: 'a@x.de', org: null }, custom_fields: [{ id: 1, value: '0711' }] },
      '',
      (path) => path === 'customer.org',
    );
    expect(fields).toEqual([
      { name: 'title', value: 'A', scan: true },
      { name: 'owner_id', value: '3', scan: true },
      { name: 'internal', value: 'false', scan: false },
      { name: 'tags', value: 'dsgvo, rückruf', scan: true },
      { name: 'customer.email', value: 'a@x.de', scan: true },
      { name: 'custom_fields[0].id', value: '1', scan: true },
      { name: 'custom_fields[0].value', value: '0711', scan: true },
    ]);
  });

  it('leaves out skipped paths', () => {
    expect(flattenFields({ body: 'x', to: 'y' }, '', (p) => p === 'body').map((f) => f.name)).toEqual(['to']);
  });
});

describe('valueAt', () => {
  it('follows dot paths through objects and list indexes', () => {
    const record = { a: { b: [{ c: 'x' }] } };
    expect(valueAt(record, 'a.b.0.c')).toBe('x');
    expect(valueAt(record, 'a.missing.c')).toBeUndefined();
    expect(valueAt(record, 'a.b.c')).toBeUndefined();
  });
});
