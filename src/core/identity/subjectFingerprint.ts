import { createHash } from 'node:crypto';
import type { Subject } from '../../shared/subject.js';
import type { CountryCode } from 'libphonenumber-js/max';
import type { SubjectQuery } from '../domain/subjectQuery.js';
import { normalizeEmail } from './normalizeEmail.js';
import { normalizeIp } from './normalizeIp.js';
import { DEFAULT_PHONE_REGION, parsePhone } from './normalizePhone.js';

/**
 * Bump whenever a change could make an unchanged message match differently or be read differently:
 * the match model (core/identity), scanMessage, or which parts partPlan fetches. A new revision
 * gives every subject a new fingerprint, so state written by an older Auskunft is never trusted
 * and the next search scans everything again (slower once, never incomplete).
 */
export const MATCHING_REVISION = 1;

/** SHA-256 (hex) of a subject's normalized identifiers: the key of its incremental IMAP state. */
export type SubjectFingerprint = string & { readonly __brand: 'SubjectFingerprint' };

const FINGERPRINT = /^[0-9a-f]{64}$/;

/**
 * The fingerprint of a subject: SHA-256 over exactly what the matcher is built from, never the
 * identifiers themselves (the state store must not become a list of the people who asked).
 *
 * Equal fingerprints must mean equal matching, because a later search skips every old message that
 * did not match under the same fingerprint. So each identifier is reduced only as far as
 * compileSubject reduces it before matching (emails via normalizeEmail, phones to their parsed
 * E.164 form with extension, IPs to canonical form, ids trimmed, the name NFC with whitespace
 * collapsed as NameScanner keeps it), sets are sorted (matching a set does not depend on its
 * order), and the phone region and MATCHING_REVISION are part of the input. Anything looser (say,
 * folding "Jürgen" to "Juergen", which derive different name variants) could skip a message.
 *
 * Throws InvalidIdentifierError like compileSubject: call it on a subject that compiles.
 */
export function fingerprintSubject(subject: Subject, options: { readonly defaultRegion?: CountryCode } = {}): SubjectFingerprint {
  const region = options.defaultRegion ?? DEFAULT_PHONE_REGION;
  const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();
  const canonical = {
    revision: MATCHING_REVISION,
    region,
    name: subject.name === undefined ? null : subject.name.normalize('NFC').trim().replace(/\s+/gu, ' '),
    emails: sorted(subject.emails.map((e) => normalizeEmail(e) ?? `invalid:${e}`)),
    phones: sorted(
      subject.phones.map((p) => {
        const parsed = parsePhone(p, { defaultRegion: region });
        return parsed.ok ? JSON.stringify([parsed.phone.e164, parsed.phone.extension ?? null, parsed.phone.withoutSwitchboardSuffix ?? null]) : `invalid:${p}`;
      }),
    ),
    ips: sorted(subject.ips.map((ip) => normalizeIp(ip)?.canonical ?? `invalid:${ip}`)),
    customerIds: sorted(subject.customerIds.map((id) => id.trim())),
    // The label ("TeamViewer-ID") names an id for the officer; matching uses only the value.
    otherIds: sorted(subject.otherIds.map(({ value }) => value.trim())),
  };
  return createHash('sha256').update(`auskunft-subject:${JSON.stringify(canonical)}`).digest('hex') as SubjectFingerprint;
}

/** The fingerprint a query carries, if any. Anything but a well-formed one counts as none: full scan. */
export function fingerprintOf(query: SubjectQuery): SubjectFingerprint | undefined {
  const value = (query as Partial<Record<'fingerprint', unknown>>).fingerprint;
  return typeof value === 'string' && FINGERPRINT.test(value) ? (value as SubjectFingerprint) : undefined;
}
