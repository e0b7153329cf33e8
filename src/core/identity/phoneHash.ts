import { createHash } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PhoneHashAlgorithm } from '../domain/subjectQuery.js';

const DIGEST: Readonly<Record<PhoneHashAlgorithm, 'sha256' | 'sha1' | 'md5'>> = {
  'sha256-e164': 'sha256',
  'sha1-e164': 'sha1',
  'md5-e164': 'md5',
};

/** One string that was hashed, and the subject's number it stands for. */
export interface HashedPhoneForm {
  /** The subject's number in E.164: the match value. */
  readonly e164: string;
  /** The exact string that was hashed, e.g. "004970227896848". */
  readonly form: string;
}

/**
 * Every string a caller-ID cache may have hashed for one number. The column is called "E.164" but
 * systems hash what their PBX hands them: `+4970227896848`, `4970227896848`, `070227896848`,
 * `004970227896848`, or the bare national number `70227896848` when the PBX strips the trunk 0.
 */
export function phoneHashForms(e164: string): string[] {
  const number = parsePhoneNumberFromString(e164);
  const forms = [e164, e164.slice(1), `00${e164.slice(1)}`];
  if (number) forms.push(number.formatNational().replace(/[^0-9]/g, ''), number.nationalNumber);
  return [...new Set(forms)];
}

/** The lower-case hex digest of `input` under a caller-ID cache's algorithm. */
export function phoneHashHex(algorithm: PhoneHashAlgorithm, input: string): string {
  return createHash(DIGEST[algorithm]).update(input, 'utf8').digest('hex');
}

/**
 * Looks up hashed phone numbers against every form of the subject's numbers. Digests are computed
 * once per algorithm, on first use: a cache column has one algorithm and thousands of rows.
 */
export class PhoneHashIndex {
  private readonly byAlgorithm = new Map<PhoneHashAlgorithm, ReadonlyMap<string, HashedPhoneForm>>();

  constructor(private readonly numbers: ReadonlyArray<string>) {}

  /** The subject's number and form whose digest is `hash` (hex, any case), if any. */
  lookup(hash: string, algorithm: PhoneHashAlgorithm): HashedPhoneForm | undefined {
    let index = this.byAlgorithm.get(algorithm);
    if (!index) {
      const built = new Map<string, HashedPhoneForm>();
      for (const e164 of this.numbers) {
        for (const form of phoneHashForms(e164)) {
          const digest = phoneHashHex(algorithm, form);
          if (!built.has(digest)) built.set(digest, { e164, form });
        }
      }
      index = built;
      this.byAlgorithm.set(algorithm, index);
    }
    return index.get(hash.trim().toLowerCase());
  }
}

/** How a hash match is shown in `found`: the algorithm and the form that was hashed, e.g. "sha256(+4970227896848)". */
export function describeHashedForm(algorithm: PhoneHashAlgorithm, form: string): string {
  return `${DIGEST[algorithm]}(${form})`;
}
