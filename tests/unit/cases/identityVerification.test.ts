import { describe, expect, it } from 'vitest';
import { formatIdentityVerification, parseIdentityVerification } from '../../../src/core/cases/identityVerification.js';
import { IdentityVerificationSchema } from '../../../src/shared/api.js';

describe('identity verification', () => {
  it('round-trips through the store column', () => {
    const v = { method: 'callback' as const, note: 'Rückruf unter 0711 12345678 am 3.2.' };
    expect(parseIdentityVerification(formatIdentityVerification(v))).toEqual(v);
  });

  it('reads free text from the CLI as "other"', () => {
    expect(parseIdentityVerification('Personalausweis vorgelegt')).toEqual({ method: 'other', note: 'Personalausweis vorgelegt' });
    expect(parseIdentityVerification(null)).toBeNull();
  });

  it('accepts an ID document only with the doubts written down (Art. 12(6))', () => {
    expect(IdentityVerificationSchema.safeParse({ method: 'idDocument', note: '' }).success).toBe(false);
    expect(IdentityVerificationSchema.safeParse({ method: 'idDocument', note: 'Adresse weicht vom CRM ab' }).success).toBe(true);
    expect(IdentityVerificationSchema.safeParse({ method: 'knownContact' }).success).toBe(true);
  });
});
