import { describe, expect, it } from 'vitest';
import { recordTexts } from '../../../src/shared/recordFields.js';

describe('recordTexts', () => {
  it('names the texts of each record kind the same way everywhere', () => {
    expect(recordTexts({ kind: 'mail', from: 'a', subject: 'b', text: 'c' }).map((t) => t.field)).toEqual(['from', 'subject', 'text']);
    expect(recordTexts({ kind: 'call', fields: [{ name: 'Rufnummer', value: '0711' }] }).map((t) => t.field)).toEqual(['field:Rufnummer']);
    expect(recordTexts({ kind: 'ticket', title: 'T', fields: [], articles: [{ text: 'x' }, { text: 'y' }] }).map((t) => t.field)).toEqual(['title', 'article:0', 'article:1']);
    expect(recordTexts(undefined)).toEqual([]);
  });
});
