import { describe, expect, it } from 'vitest';
import { classifyImapError, describeImapError, isCertificateError } from '../../../../src/core/connectors/imap/imapErrors.js';

const err = (fields: Record<string, unknown>): Error => Object.assign(new Error(String(fields.message ?? 'failed')), fields);

describe('classifyImapError', () => {
  it('never retries refused credentials or certificates', () => {
    expect(classifyImapError(err({ authenticationFailed: true }), false)).toBe('auth');
    expect(classifyImapError(err({ serverResponseCode: 'AUTHENTICATIONFAILED' }), true)).toBe('auth');
    expect(classifyImapError(err({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), false)).toBe('tls');
    expect(classifyImapError(err({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }), false)).toBe('tls');
    expect(classifyImapError(err({ tlsFailed: true }), false)).toBe('tls');
  });

  it('retries what the transport did, whatever the client state says', () => {
    for (const code of ['NoConnection', 'ECONNRESET', 'ECONNREFUSED', 'ETIMEOUT', 'GREETING_TIMEOUT', 'CONNECT_TIMEOUT']) {
      expect(classifyImapError(err({ code }), true)).toBe('connection');
    }
  });

  it('treats an unknown error as a command failure only while the session is still usable', () => {
    expect(classifyImapError(err({ responseStatus: 'NO' }), true)).toBe('command');
    expect(classifyImapError(new Error('something'), false)).toBe('connection');
  });
});

describe('describeImapError', () => {
  it('prefers the server text and adds the code, never the executed command', () => {
    const e = err({ message: 'Command failed', responseText: 'Mailbox does not exist', code: 'NotFound', executedCommand: 'A1 LOGIN office hunter2' });
    expect(describeImapError(e)).toBe('Mailbox does not exist (NotFound)');
    expect(describeImapError(e)).not.toContain('hunter2');
    expect(isCertificateError(err({ code: 'CERT_HAS_EXPIRED' }))).toBe(true);
  });
});
