import { VerificationMethodSchema, type IdentityVerification } from '../../shared/api.js';

// The case store keeps the verification as one text column (migration 001), which the CLI fills with
// free text (`case create --identity`); the app leads it with the method as a stable key, so the
// record stays readable everywhere and parseable here.
const PREFIX = /^([a-zA-Z]+): ?([\s\S]*)$/;

/** The text stored in `cases.identity_verification`. */
export function formatIdentityVerification(v: IdentityVerification): string {
  return `${v.method}: ${v.note}`;
}

/** Read the stored text back; free text written by the CLI becomes method "other". */
export function parseIdentityVerification(text: string | null): IdentityVerification | null {
  if (text === null) return null;
  const m = PREFIX.exec(text);
  const method = VerificationMethodSchema.safeParse(m?.[1]);
  return method.success ? { method: method.data, note: m?.[2] ?? '' } : { method: 'other', note: text };
}
