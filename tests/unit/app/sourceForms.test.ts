import { describe, expect, it } from 'vitest';
import { sourceTypeForms } from '../../../src/core/app/sources/sourceForms.js';

describe('sourceTypeForms', () => {
  it('gives every registered source type a form from its own schema, and IMAP a secret field', () => {
    const forms = sourceTypeForms();
    expect(forms.map((f) => f.type)).toEqual(expect.arrayContaining(['mbox', 'eml', 'maildir', 'imap', 'table', 'weblog']));
    const imap = forms.find((f) => f.type === 'imap')!;
    expect(imap.secretField).toBe('password');
    expect(Object.keys(imap.schema['properties'] as object)).toEqual(expect.arrayContaining(['host', 'port', 'tls', 'user', 'mailboxes']));
    expect(forms.find((f) => f.type === 'mbox')!.secretField).toBeNull();
    const database = forms.find((f) => f.type === 'database')!;
    expect(database.secretField).toBe('password');
    expect(Object.keys(database.schema['properties'] as object)).toEqual(expect.arrayContaining(['driver', 'host', 'database', 'user', 'ssl', 'path', 'tables', 'exclude', 'views', 'columns', 'timeout']));
  });
});
