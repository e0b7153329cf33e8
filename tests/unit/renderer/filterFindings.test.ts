import { describe, expect, it } from 'vitest';
import { filterFindings, NO_FILTER, searchIndex } from '../../../src/renderer/screens/review/filterFindings.js';
import { summaryRow } from './findingSummaryRow.js';

const row = summaryRow;

describe('filterFindings', () => {
  const rows = [
    row('a'),
    row('b', { source: 'crm', kind: 'row', title: 'kunden.csv, Zeile 3: Jürgen Weiß', categories: ['contact.phone'] }),
    row('c', { strength: 'weak', decision: 'exclude', activities: ['orders'] }),
    row('d', { title: 'Angebot für Telefonanlage', decision: 'include' }),
  ];
  const index = searchIndex(rows);
  const ids = (f: Partial<typeof NO_FILTER>) => filterFindings(rows, index, { ...NO_FILTER, ...f }).map((r) => r.id);

  it('passes everything without a filter, in list order', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
  });

  it('filters by source, strength, category, activity and decision', () => {
    expect(ids({ source: 'crm' })).toEqual(['b']);
    expect(ids({ strength: 'weak' })).toEqual(['c']);
    expect(ids({ category: 'contact.phone' })).toEqual(['b']);
    expect(ids({ activity: 'orders' })).toEqual(['c']);
    expect(ids({ decision: 'include' })).toEqual(['d']);
    expect(ids({ decision: 'open', source: 'archive' })).toEqual(['a']);
  });

  it('searches every word of the text in title and source, ignoring case', () => {
    expect(ids({ text: 'telefon ANGEBOT' })).toEqual(['d']);
    expect(ids({ text: 'crm weiß' })).toEqual(['b']);
    expect(ids({ text: 'nothing-like-this' })).toEqual([]);
  });

  it('works on 50,000 rows (its speed in Chromium is bench/review-list)', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => row(String(i), { strength: i % 7 === 0 ? 'weak' : 'strong', title: `Nachricht ${i}` }));
    const weak = filterFindings(many, searchIndex(many), { ...NO_FILTER, strength: 'weak', text: 'nachricht' });
    expect(weak).toHaveLength(Math.ceil(50_000 / 7));
  });
});
