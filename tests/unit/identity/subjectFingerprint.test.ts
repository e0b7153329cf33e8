import { describe, expect, it } from 'vitest';
import { fingerprintOf, fingerprintSubject } from '../../../src/core/identity/subjectFingerprint.js';
import { compileSubject } from '../../../src/core/identity/compileSubject.js';
import type { Subject } from '../../../src/shared/subject.js';

const subject: Subject = {
  name: 'Jürgen Weiß',
  emails: ['j.weiss@beispiel-gmbh.de', 'jw@privat.example'],
  phones: ['0711 12345678'],
  customerIds: ['K-10442'],
  ips: ['2001:db8::7'],
  otherIds: [{ label: 'TeamViewer-ID', value: '123 456 789' }],
};

describe('fingerprintSubject', () => {
  it('is a SHA-256 that does not contain the identifiers', () => {
    const fp = fingerprintSubject(subject);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(fp).not.toContain('weiss');
  });

  it('is the same for spellings the matcher treats as the same identifiers', () => {
    const fp = fingerprintSubject(subject);
    expect(
      fingerprintSubject({
        ...subject,
        name: '  Jürgen   Weiß ',
        emails: ['JW@Privat.Example', ' J.Weiss@Beispiel-GmbH.de'],
        phones: ['+49 (0)711 / 123 456-78'],
        ips: ['2001:0db8:0000:0000:0000:0000:0000:0007'],
        customerIds: [' K-10442 '],
        otherIds: [{ label: 'Fernwartung', value: '123 456 789' }],
      }),
    ).toBe(fp);
  });

  it('differs when any identifier differs: a phone alone, a name spelling that derives other variants, an id', () => {
    const fp = fingerprintSubject(subject);
    expect(fingerprintSubject({ ...subject, phones: ['0711 12345679'] })).not.toBe(fp);
    expect(fingerprintSubject({ ...subject, phones: [] })).not.toBe(fp);
    expect(fingerprintSubject({ ...subject, name: 'Juergen Weiss' })).not.toBe(fp);
    expect(fingerprintSubject({ ...subject, name: undefined })).not.toBe(fp);
    expect(fingerprintSubject({ ...subject, customerIds: ['K-10443'] })).not.toBe(fp);
    expect(fingerprintSubject({ ...subject, otherIds: [] })).not.toBe(fp);
    expect(fingerprintSubject({ ...subject, ips: ['2001:db8::8'] })).not.toBe(fp);
    expect(fingerprintSubject(subject, { defaultRegion: 'AT' })).not.toBe(fp);
  });
});

describe('compileSubject', () => {
  it('carries the fingerprint of the same subject', () => {
    const query = compileSubject(subject);
    expect(query.fingerprint).toBe(fingerprintSubject(subject));
    expect(fingerprintOf(query)).toBe(query.fingerprint);
  });

  it('rejects an invalid subject before fingerprinting it', () => {
    expect(() => compileSubject({ ...subject, emails: ['kein-at-zeichen'] })).toThrow(/emails\[0\]/);
  });

  it('a query without a fingerprint, or with a malformed one, has none: the connector scans fully', () => {
    expect(fingerprintOf({ ...compileSubject(subject), fingerprint: undefined })).toBeUndefined();
    expect(fingerprintOf({ ...compileSubject(subject), fingerprint: 'j.weiss@beispiel-gmbh.de' } as never)).toBeUndefined();
  });
});
