import { findNumbers } from 'libphonenumber-js/max';
import type { Subject } from '../../shared/subject.js';
import type { SubjectQuery } from '../domain/subjectQuery.js';
import type { ControllerIdentity } from '../identity/controllerIdentity.js';
import { normalizeEmail } from '../identity/normalizeEmail.js';
import { DEFAULT_PHONE_REGION } from '../identity/normalizePhone.js';

/** The kinds of another person's identifier that are looked for. */
export type ThirdPartyType = 'email' | 'phone' | 'customerId';

/** Another person's identifier at `start`..`end` of a text. */
export interface ThirdPartySpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: ThirdPartyType;
}

/**
 * Addresses are looked for with a deliberately simple pattern: a suggestion the officer declines
 * costs a click, a missed one is caught by reading. RFC 5322's full grammar would add nothing here.
 */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/g;

/** Texts longer than this are only searched in their first part: suggestions are a help, not a guarantee. */
export const MAX_SCANNED_CHARS = 1_000_000;

/** libphonenumber reads "2025-01-15" as a number in Germany; a date is not one. */
const DATE_LIKE = /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4})$/;

/** Digits a direct dial adds to a switchboard number. */
const MAX_EXTENSION_DIGITS = 5;

/** What is not a third party: the subject (as the search matches them) and the controller itself. */
export interface ThirdPartyScanner {
  /** Other people's identifiers in a text, in order, not overlapping. */
  scan(text: string): ThirdPartySpan[];
  /** Whether a text holds one of the subject's own identifiers (name excepted). */
  concernsSubject(text: string): boolean;
  /** Whether a whole cell value looks like a customer id (for a column whose header says so). */
  isCustomerIdCell(value: string): boolean;
}

/**
 * A scanner for one case. Customer ids have no common format, so another customer's id is
 * recognised by the shape of the subject's own ("K-10442" → a "K-" and five digits): an export
 * that lists the subject's number lists the others' in the same form.
 */
export function thirdPartyScanner(subject: SubjectQuery, subjectData: Pick<Subject, 'customerIds'>, controller: ControllerIdentity | undefined): ThirdPartyScanner {
  const isSubject = (candidate: string) => subject.scanText(candidate).some((m) => m.type !== 'name');
  const shapes = customerIdShapes(subjectData.customerIds);
  const ownEmail = (found: string) => {
    const email = normalizeEmail(found);
    return email !== null && controller?.guardEmail(email) !== undefined;
  };
  // A direct dial behind the controller's switchboard ("7896848-12") is one of its own lines too.
  const ownPhone = (e164: string | undefined) =>
    e164 !== undefined && controller !== undefined && (controller.guardPhone(e164) !== undefined || [...controller.phones].some((p) => e164.startsWith(p) && e164.length - p.length <= MAX_EXTENSION_DIGITS));

  return {
    scan(full) {
      const text = full.length > MAX_SCANNED_CHARS ? full.slice(0, MAX_SCANNED_CHARS) : full;
      const out: ThirdPartySpan[] = [];
      const free = (start: number, end: number) => !out.some((s) => s.start < end && start < s.end);
      for (const m of text.matchAll(EMAIL)) {
        if (ownEmail(m[0]) || isSubject(m[0])) continue;
        out.push({ start: m.index, end: m.index + m[0].length, text: m[0], type: 'email' });
      }
      if (shapes) {
        for (const m of text.matchAll(shapes)) {
          if (!free(m.index, m.index + m[0].length) || isSubject(m[0])) continue;
          out.push({ start: m.index, end: m.index + m[0].length, text: m[0], type: 'customerId' });
        }
      }
      for (const n of findNumbers(text, { defaultCountry: DEFAULT_PHONE_REGION, v2: true })) {
        const found = text.slice(n.startsAt, n.endsAt);
        if (!free(n.startsAt, n.endsAt) || DATE_LIKE.test(found) || ownPhone(n.number.number) || isSubject(found)) continue;
        out.push({ start: n.startsAt, end: n.endsAt, text: found, type: 'phone' });
      }
      return out.sort((a, b) => a.start - b.start);
    },
    concernsSubject: isSubject,
    isCustomerIdCell(value) {
      const v = value.trim();
      return v.length >= 3 && v.length <= 40 && /\d/.test(v) && !/\s{2,}/.test(v) && !isSubject(v);
    },
  };
}

/**
 * One pattern for ids shaped like the subject's: letters kept (any case), each digit run as digits
 * of the same length, separators as written. Ids without digits have no shape to go by.
 */
function customerIdShapes(ids: readonly string[]): RegExp | null {
  const shapes = new Set<string>();
  for (const raw of ids) {
    const id = raw.trim();
    if (!/\d/.test(id) || id.length < 3) continue;
    const shape = id.replace(/\d+|[^\d]+/g, (part) => (/^\d/.test(part) ? `\\d{${part.length}}` : part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
    shapes.add(shape);
  }
  if (shapes.size === 0) return null;
  // Not inside a longer token: "K-104425" or "XK-10442" are other things.
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...shapes].join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}
