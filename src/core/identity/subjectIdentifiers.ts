import type { CountryCode } from 'libphonenumber-js/max';
import type { IdentifierType } from '../../shared/findings.js';
import type { Subject } from '../../shared/subject.js';
import { compileSubject } from './compileSubject.js';
import { normalizeEmail } from './normalizeEmail.js';
import { normalizeIp } from './normalizeIp.js';
import { DEFAULT_PHONE_REGION, parsePhone } from './normalizePhone.js';

/** The kinds of identifier a subject is recorded with (a hashed phone matches the `phone` it came from). */
export type SubjectIdentifierType = Exclude<IdentifierType, 'phoneHash'>;

/** One identifier of the subject in its normal form: the `value` a match of it carries. */
export interface SubjectIdentifier {
  readonly type: SubjectIdentifierType;
  /** Emails lower-cased, phones in E.164, IPv6 canonical (RFC 5952), ids trimmed. */
  readonly value: string;
  /** Every spelling the officer entered that normalised to this value, in order. */
  readonly written: readonly string[];
  readonly label?: string;
}

export interface NormalizedSubject {
  /** The subject as stored: duplicates merged; emails, IPs and ids in normal form, phones as first written. */
  readonly subject: Subject;
  readonly identifiers: readonly SubjectIdentifier[];
  /** Identifiers entered more than once (in different spellings or the same), now one. */
  readonly merged: readonly SubjectIdentifier[];
}

/**
 * Normalise a subject at case entry and merge identifiers that are the same once normalised
 * ("J.Weiss@X.de" and "j.weiss@x.de"). Throws InvalidIdentifierError (via compileSubject) naming the
 * first identifier that cannot be searched for.
 *
 * Phones are stored as written, not as E.164: "07022 7896848-0" marks the switchboard of a line, and
 * its E.164 (+49702278968480) alone would no longer match the line without the "-0".
 */
export function normalizeSubject(subject: Subject, options: { readonly defaultRegion?: CountryCode } = {}): NormalizedSubject {
  const region = options.defaultRegion ?? DEFAULT_PHONE_REGION;
  compileSubject(subject, { defaultRegion: region });
  const byKey = new Map<string, { type: SubjectIdentifierType; value: string; written: string[]; label?: string; stored: string }>();
  const add = (type: SubjectIdentifierType, written: string, value: string, stored: string, label?: string) => {
    const key = identifierKey(type, value);
    const known = byKey.get(key);
    if (known) known.written.push(written);
    else byKey.set(key, { type, value, written: [written], stored, ...(label === undefined ? {} : { label }) });
  };
  if (subject.name !== undefined) add('name', subject.name, subject.name, subject.name);
  for (const e of subject.emails) add('email', e, normalizeEmail(e)!, normalizeEmail(e)!);
  for (const p of subject.phones) add('phone', p, phoneNormalForm(p, region), p.trim());
  for (const c of subject.customerIds) add('customerId', c, c.trim(), c.trim());
  for (const ip of subject.ips) add('ip', ip, normalizeIp(ip)!.canonical, normalizeIp(ip)!.canonical);
  for (const o of subject.otherIds) add('otherId', o.value, o.value.trim(), o.value.trim(), o.label);

  const all = [...byKey.values()];
  const of = (type: SubjectIdentifierType) => all.filter((i) => i.type === type);
  const normalized: Subject = {
    ...(subject.name === undefined ? {} : { name: subject.name }),
    emails: of('email').map((i) => i.stored),
    phones: of('phone').map((i) => i.stored),
    customerIds: of('customerId').map((i) => i.stored),
    ips: of('ip').map((i) => i.stored),
    otherIds: of('otherId').map((i) => ({ label: i.label ?? '', value: i.stored })),
  };
  const identifiers: SubjectIdentifier[] = all.map(({ stored: _stored, ...rest }) => rest);
  return { subject: normalized, identifiers, merged: identifiers.filter((i) => i.written.length > 1) };
}

/** The normal form of one identifier as entered, or undefined when it is none of that type. */
export function normalFormOf(type: SubjectIdentifierType, written: string, region: CountryCode = DEFAULT_PHONE_REGION): string | undefined {
  switch (type) {
    case 'email':
      return normalizeEmail(written) ?? undefined;
    case 'phone':
      return parsePhone(written, { defaultRegion: region }).ok ? phoneNormalForm(written, region) : undefined;
    case 'ip':
      return normalizeIp(written)?.canonical;
    default:
      return written.trim() || undefined;
  }
}

/**
 * The key that ties a match to the subject's identifier: a hashed phone is the phone it was hashed
 * from. Used for verification records, the guard and the open-case check alike.
 */
export function identifierKey(type: IdentifierType, value: string): string {
  return `${type === 'phoneHash' ? 'phone' : type}:${value}`;
}

/** "email j.weiss@beispiel-gmbh.de": how warnings and the CLI name an identifier. */
export function describeIdentifier(i: { readonly type: IdentifierType; readonly value: string }): string {
  return `${i.type} ${i.value}`;
}

function phoneNormalForm(written: string, region: CountryCode): string {
  const parsed = parsePhone(written, { defaultRegion: region });
  if (!parsed.ok) throw new Error(`phone passed compileSubject but not parsePhone: ${parsed.reason}`);
  // The E.164 alone, as phone matches carry it; an extension is kept in the written form.
  return parsed.phone.e164;
}
