import { describe, expect, it } from 'vitest';
import { configValue, formFields, formValue } from '../../../src/renderer/screens/sources/schemaFields.js';

/** The IMAP connector's config schema as core/app sends it (z.toJSONSchema, io: input), abridged. */
const IMAP_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' },
    type: { type: 'string', const: 'imap' },
    activities: { type: 'array', items: { type: 'string', minLength: 1 } },
    host: { type: 'string', minLength: 1 },
    port: { type: 'integer', minimum: 1, maximum: 65535 },
    tls: { default: true, anyOf: [{ type: 'boolean' }, { type: 'string', const: 'starttls' }] },
    allowSelfSigned: { default: false, type: 'boolean' },
    user: { type: 'string', minLength: 1 },
    password: {},
    accessToken: {},
    mailboxes: { default: 'all', anyOf: [{ type: 'string', const: 'all' }, { minItems: 1, type: 'array', items: { type: 'string', minLength: 1 } }] },
    timeouts: { type: 'object', properties: { connectMs: { type: 'integer' } }, additionalProperties: false },
  },
  required: ['id', 'type', 'host', 'user'],
  additionalProperties: false,
};

describe('source forms from connector schemas', () => {
  it('maps IMAP options to inputs: text, number, select for tls, list for mailboxes, JSON for nested ones', () => {
    const schema = IMAP_SCHEMA;
    const fields = Object.fromEntries(formFields(schema, 'password').map((f) => [f.name, f]));
    expect(fields['password']).toBeUndefined();
    expect(fields['id']!.required).toBe(true);
    expect(fields['host']!.field.kind).toBe('text');
    expect(fields['port']!.field).toMatchObject({ kind: 'number', min: 1, max: 65535 });
    expect(fields['tls']!.field).toEqual({ kind: 'select', options: [true, false, 'starttls'] });
    expect(fields['mailboxes']!.field).toEqual({ kind: 'list', keyword: 'all' });
    expect(fields['timeouts']!.field.kind).toBe('json');
    expect(fields['allowSelfSigned']!.field.kind).toBe('checkbox');
    expect(fields['type']).toBeUndefined();
    expect(fields['activities']).toBeUndefined();
  });

  it('turns form text into config values and back', () => {
    expect(configValue({ kind: 'number' }, '993')).toBe(993);
    expect(configValue({ kind: 'select', options: [true, false, 'starttls'] }, 'false')).toBe(false);
    expect(configValue({ kind: 'select', options: [true, false, 'starttls'] }, 'starttls')).toBe('starttls');
    expect(configValue({ kind: 'list', keyword: 'all' }, 'all')).toBe('all');
    expect(configValue({ kind: 'list', keyword: 'all' }, 'INBOX, Archiv ')).toEqual(['INBOX', 'Archiv']);
    expect(configValue({ kind: 'json' }, '{"E-Mail":"email"}')).toEqual({ 'E-Mail': 'email' });
    expect(configValue({ kind: 'text' }, '  ')).toBeUndefined();
    expect(formValue({ kind: 'list' }, ['INBOX', 'Archiv'])).toBe('INBOX, Archiv');
    expect(formValue({ kind: 'checkbox' }, undefined)).toBe(false);
  });
});
