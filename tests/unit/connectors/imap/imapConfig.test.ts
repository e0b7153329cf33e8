import { describe, expect, it } from 'vitest';
import { effectivePort, effectiveReconnect, effectiveTimeouts, imapConfigSchema } from '../../../../src/core/connectors/imap/imapConfig.js';

const base = { id: 'office', type: 'imap', host: 'imap.example.org', user: 'office', password: { env: 'IMAP_PASSWORD' } };

function firstIssue(input: unknown): { path: PropertyKey[]; message: string } | undefined {
  const result = imapConfigSchema.safeParse(input);
  return result.success ? undefined : { path: result.error.issues[0]!.path, message: result.error.issues[0]!.message };
}

describe('imap config', () => {
  it('defaults to TLS, every mailbox, port 993', () => {
    const config = imapConfigSchema.parse(base);
    expect(config).toMatchObject({ tls: true, allowSelfSigned: false, mailboxes: 'all' });
    expect(effectivePort(config)).toBe(993);
    expect(effectivePort({ tls: 'starttls' })).toBe(143);
    expect(effectivePort({ tls: false, port: 1143 })).toBe(1143);
  });

  it('refuses a literal password and says why', () => {
    expect(firstIssue({ ...base, password: 'hunter2' })).toEqual({
      path: ['password'],
      message: expect.stringMatching(/literal password is not allowed: .*secrets never go into it; write \{ env: VARIABLE \} or \{ keychain: NAME \}/),
    });
    expect(firstIssue({ ...base, password: undefined, accessToken: 'ya29.token' })?.message).toMatch(/literal accessToken is not allowed/);
  });

  it('accepts env and keychain references for the password or an XOAUTH2 token, but exactly one of them', () => {
    expect(imapConfigSchema.parse({ ...base, password: { keychain: 'office-imap' } }).password).toEqual({ keychain: 'office-imap' });
    expect(imapConfigSchema.parse({ ...base, password: undefined, accessToken: { env: 'TOKEN' } }).accessToken).toEqual({ env: 'TOKEN' });
    expect(firstIssue({ ...base, accessToken: { env: 'TOKEN' } })).toEqual({ path: ['accessToken'], message: expect.stringMatching(/either password or accessToken/) });
    expect(firstIssue({ ...base, password: undefined })).toEqual({ path: ['password'], message: expect.stringMatching(/needs password/) });
    expect(firstIssue({ ...base, password: { env: '' } })?.message).toMatch(/must be \{ env: VARIABLE \} or \{ keychain: NAME \}/);
  });

  it('allowSelfSigned is an explicit boolean and meaningless without TLS', () => {
    expect(imapConfigSchema.parse({ ...base, allowSelfSigned: true }).allowSelfSigned).toBe(true);
    expect(firstIssue({ ...base, tls: false, allowSelfSigned: true })?.path).toEqual(['allowSelfSigned']);
    expect(firstIssue({ ...base, allowSelfSigned: 'yes' })?.path).toEqual(['allowSelfSigned']);
  });

  it('rejects unknown fields and empty mailbox lists', () => {
    const unknown = imapConfigSchema.safeParse({ ...base, pasword: { env: 'X' } });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.code).toBe('unrecognized_keys');
    expect(firstIssue({ ...base, mailboxes: [] })?.path).toEqual(['mailboxes']);
    expect(imapConfigSchema.parse({ ...base, mailboxes: ['INBOX', 'Archiv/2023'] }).mailboxes).toEqual(['INBOX', 'Archiv/2023']);
  });

  it('fills timeouts and the reconnect policy with bounded defaults', () => {
    const config = imapConfigSchema.parse({ ...base, timeouts: { socketMs: 5000 }, reconnect: { attempts: 1 } });
    expect(effectiveTimeouts(config)).toEqual({ connectMs: 30_000, greetingMs: 15_000, socketMs: 5000 });
    expect(effectiveReconnect(config)).toEqual({ attempts: 1, delayMs: 1000 });
    expect(firstIssue({ ...base, timeouts: { socketMs: 0 } })?.path).toEqual(['timeouts', 'socketMs']);
  });
});
