import type { CountryCode } from 'libphonenumber-js/max';
import type { Match } from '../../shared/findings.js';
import type { Subject } from '../../shared/subject.js';
import type { OcrScan, PhoneHashAlgorithm, SubjectQuery } from '../domain/subjectQuery.js';
import { anyHint } from './anyHint.js';
import { DigitIdScanner, type DigitId } from './digitIdScanner.js';
import { DURCHWAHL_MARKER, chunksOf, digitSequenceHint, forEachDigitRun, type DigitChunk } from './digitRuns.js';
import { EmailScanner } from './emailScanner.js';
import { InvalidIdentifierError } from './invalidIdentifierError.js';
import { IpScanner } from './ipScanner.js';
import { literalHint } from './literalHint.js';
import { MatchCollector } from './matchCollector.js';
import { NameScanner } from './nameScanner.js';
import { OcrNoiseScanner, repairDigits } from './ocrNoiseScanner.js';
import { nameTokens } from './nameVariants.js';
import { normalizeEmail } from './normalizeEmail.js';
import { expandedIpv6, normalizeIp, type NormalizedIp } from './normalizeIp.js';
import { DEFAULT_PHONE_REGION, lineNumbersOf, parsePhone, type NormalizedPhone } from './normalizePhone.js';
import { PhoneHashIndex, describeHashedForm } from './phoneHash.js';
import { PhoneScanner } from './phoneScanner.js';
import { ScannedText } from './scannedText.js';
import { TokenIdScanner, type TokenId } from './tokenIdScanner.js';
import { fingerprintSubject, type SubjectFingerprint } from './subjectFingerprint.js';

export { InvalidIdentifierError } from './invalidIdentifierError.js';
export { strengthOf } from './strengthOf.js';

/*
 * Design note: why scanText is fast when nothing matches.
 *
 * scanText runs over every decoded body, header and attachment of every message in a mailbox, and
 * nearly all of them are about someone else. Each identifier therefore gets a prefilter that is one
 * linear regex pass or string search over the text as it is, and the expensive work (lower-casing,
 * libphonenumber, ipaddr.js, tokenizing) only runs where the prefilter hit:
 * - Emails, token ids and names: one case-insensitive literal regex (V8 searches literals several
 *   times faster than it lower-cases). On a hit the text is lower-cased once, shared by all
 *   scanners, and searched with `indexOf`; token boundaries are checked at those hits only.
 * - Name: a spelling of the surname and one of the first name must both occur; tokens are then
 *   read only around the surname's occurrences.
 * - Phones and digit-only ids: one regex looks for the last six digits of a subject number (or the
 *   id's digits) with up to four separators between digits ("34 56-78"); a Durchwahl marker also
 *   triggers, as the number's last digits then follow a word. Only then are digit runs listed; a
 *   run whose digits lack a key is skipped, the rest are cut into chunks, and libphonenumber sees
 *   only windows that contain a key, with results cached and the scan ending once every subject
 *   number was found.
 * - IPv4: a literal regex, then `indexOf` for the boundaries. IPv6 tokens are parsed only if the text
 *   holds the longest group of a subject IPv6 address, or `:ffff:` when the subject has IPv4.
 * All these prefilters are also joined into one regex (anyHint) that scanText tries first: a text it
 * does not match is done after one pass, without a single allocation. That is what makes a 1M-row
 * CRM export, thirteen short cells a row, cheap (bench/table-scan).
 * No regex can backtrack catastrophically: each is a literal alternation, a loop over disjoint
 * character classes, or runs on input of bounded length (tests/unit/identity/scanSafety.test.ts).
 */

/** Minimum length of a customer or other id: shorter ones ("7", "42") occur as whole tokens everywhere. */
const MIN_ID_LENGTH = 3;
/** A digit-only id this long is matched in any grouping; shorter ones only as written. */
const MIN_GROUPED_ID_DIGITS = 6;
const DIGIT_ID = /^[0-9][0-9\s\-./]*$/u;
/** Superset of DURCHWAHL_MARKER under the `iu` flags of anyHint (its lookarounds would not be). */
const DURCHWAHL_HINT = literalHint(['durchw', 'dw']);

export interface CompileSubjectOptions {
  /** Region of phone numbers written without country code. Default: DE. */
  readonly defaultRegion?: CountryCode;
}

export interface PhoneFieldOptions {
  /** The column stores international numbers without "+" or "00" (Asterisk CDR `dst`). */
  readonly assumeInternationalWithoutPlus?: boolean;
}

/** The subject compiled for matching, with what connectors of structured phone columns need besides. */
export interface CompiledSubject extends SubjectQuery {
  /**
   * Match a value from a column known to hold one phone number (call lists, CRM "Telefon"). With
   * `assumeInternationalWithoutPlus`, "4970227896848" is read as +4970227896848. A value that is
   * not a single number ("Tel. 0711 …, mobil 0176 …") is scanned as text instead.
   */
  matchPhoneField(value: string, field?: string, options?: PhoneFieldOptions): Match[];
  readonly fingerprint: SubjectFingerprint;
}

/**
 * Compile a subject for matching; throws InvalidIdentifierError naming the first identifier that
 * cannot be normalized, since searching without it would silently miss data.
 *
 * @example
 * const query = compileSubject({ name: 'Jürgen Weiß', emails: ['j.weiss@x.de'], phones: ['07022 7896848-0'],
 *   customerIds: [], ips: [], otherIds: [] });
 * query.scanText('Anruf von 07022 / 7896848, Weiss, Juergen', 'body');
 * // → [{ type: 'phone', value: '+4970227896848', field: 'body', found: '07022 / 7896848' },
 * //    { type: 'name', value: 'Jürgen Weiß', field: 'body', found: 'Weiss, Juergen' }]
 */
export function compileSubject(subject: Subject, options: CompileSubjectOptions = {}): CompiledSubject {
  const region = options.defaultRegion ?? DEFAULT_PHONE_REGION;
  const emails = subject.emails.map((value, i) => normalizeEmail(value) ?? invalid(`emails[${i}]`, 'not an email address (expected name@domain.tld)'));
  const phones = subject.phones.map((value, i): NormalizedPhone => {
    const parsed = parsePhone(value, { defaultRegion: region });
    return parsed.ok ? parsed.phone : invalid(`phones[${i}]`, parsed.reason);
  });
  const ips = subject.ips.map((value, i): NormalizedIp => normalizeIp(value) ?? invalid(`ips[${i}]`, 'not an IPv4 or IPv6 address'));
  const tokenIds: TokenId[] = subject.customerIds.map((value, i) => ({ type: 'customerId', value: checkedId(value, `customerIds[${i}]`) }));
  const digitIds: DigitId[] = [];
  subject.otherIds.forEach(({ value }, i) => {
    const id = checkedId(value, `otherIds[${i}].value`);
    const digits = id.replace(/[^0-9]/g, '');
    if (DIGIT_ID.test(id) && digits.length >= MIN_GROUPED_ID_DIGITS) digitIds.push({ value: id, digits });
    else tokenIds.push({ type: 'otherId', value: id });
  });
  let name: NameScanner | undefined;
  if (subject.name !== undefined) {
    if (nameTokens(subject.name).length === 0) invalid('name', 'a name needs at least one word of letters');
    name = new NameScanner(subject.name);
  }

  const emailScanner = new EmailScanner([...new Set(emails)]);
  const phoneScanner = new PhoneScanner(phones, region);
  const tokenIdScanner = new TokenIdScanner(tokenIds);
  const digitIdScanner = new DigitIdScanner(digitIds);
  const ipScanner = new IpScanner(ips);
  const ocrNoise = new OcrNoiseScanner(tokenIds, [...new Set(emails)]);
  const phoneHashes = new PhoneHashIndex([...new Set(phones.flatMap(lineNumbersOf))]);
  const minRunDigits = Math.min(phoneScanner.active ? phoneScanner.minDigits : Infinity, digitIdScanner.active ? digitIdScanner.minDigits : Infinity);
  const digitRunHint = digitSequenceHint([...phoneScanner.keys, ...digitIdScanner.keys]);

  // Matches wherever at least one scanner below could find something (see the design note).
  const prefilter = anyHint([
    emailScanner.hint,
    digitRunHint,
    digitRunHint && phoneScanner.active ? DURCHWAHL_HINT : undefined,
    tokenIdScanner.hint,
    ...(ipScanner.active ? ipScanner.hints : []),
    name?.hint,
  ]);
  // The prefilter has no anchors, lookarounds, wildcards or negated classes, so whatever it matches
  // in a part of a text it matches in the whole. Only a doubled quote in a raw CSV line differs from
  // the cell's text, and that only matters if an identifier holds a quote (then the source does).
  const quoteInHint = prefilter !== null && prefilter.source.includes('"');
  const mayConcern = (text: string): boolean =>
    prefilter !== null && (prefilter.test(text) || (quoteInHint && text.includes('""') && prefilter.test(text.replaceAll('""', '"'))));

  // Tighter than mayConcern for a text read as a whole: the gates scanInto itself applies, with the
  // Durchwahl marker's lookarounds instead of the bare "dw" that mayConcern's union must use (it
  // would hit "Handwerk", "DavidWalker" and base64 text, and so most of a mailbox).
  const wholeTextHint = anyHint([emailScanner.hint, digitRunHint, tokenIdScanner.hint, ...(ipScanner.active ? ipScanner.hints : []), name?.hint]);
  const durchwahlGate = digitRunHint !== undefined && phoneScanner.active;
  const mayMatch = (text: string): boolean => (wholeTextHint !== null && wholeTextHint.test(text)) || (durchwahlGate && DURCHWAHL_MARKER.test(text));

  function scanInto(text: string, out: MatchCollector): void {
    const scanned = new ScannedText(text);
    emailScanner.scan(scanned, out);
    if (digitRunHint && (digitRunHint.test(text) || (phoneScanner.active && DURCHWAHL_MARKER.test(text)))) {
      forEachDigitRun(text, minRunDigits, (run) => {
        let chunks: DigitChunk[] | undefined;
        const chunksOfRun = (): DigitChunk[] => (chunks ??= chunksOf(text, run));
        phoneScanner.scanRun(text, run, chunksOfRun, out);
        digitIdScanner.scanRun(text, run, chunksOfRun, out);
      });
    }
    tokenIdScanner.scan(scanned, out);
    if (ipScanner.active) ipScanner.scan(scanned, out);
    name?.scan(scanned, out);
  }

  function scanText(text: string, field?: string): Match[] {
    if (!text || prefilter === null || !prefilter.test(text)) return [];
    const out = new MatchCollector(field);
    scanInto(text, out);
    return out.matches();
  }

  const searchTerms = [
    ...emails,
    ...tokenIds.map((id) => id.value),
    ...digitIds.flatMap((id) => [id.value, id.digits]),
    ...ips.flatMap((ip) => (ip.kind === 'ipv6' ? [ip.canonical, expandedIpv6(ip.canonical)] : [ip.canonical])),
    ...(name?.searchTerms ?? []),
  ];

  return {
    searchTerms: Object.freeze([...new Set(searchTerms)]),
    fingerprint: fingerprintSubject(subject, { defaultRegion: region }),

    mayConcern,

    mayMatch,

    scanText,

    scanOcrText(text: string, field?: string): OcrScan {
      const exact = scanText(text, field);
      const known = new Set(exact.map((m) => `${m.type}\0${m.value}`));
      const tolerant: OcrScan['tolerant'] = [];
      const add = (type: Match['type'], value: string, start: number, end: number) => {
        const key = `${type}\0${value}`;
        if (type === 'name' || known.has(key)) return;
        known.add(key);
        const match: Match & { start: number; end: number } = { type, value, found: text.slice(start, end), start, end };
        if (field !== undefined) match.field = field;
        tolerant.push(match);
      };
      // Digits OCR read as letters ("0l51"): the exact scanners on the repaired text, same positions.
      const repaired = repairDigits(text);
      if (repaired !== text) {
        for (const m of scanText(repaired)) {
          const at = m.found === undefined ? repaired.toLowerCase().indexOf(m.value.toLowerCase()) : repaired.indexOf(m.found);
          if (at !== -1) add(m.type, m.value, at, at + (m.found ?? m.value).length);
        }
      }
      for (const m of ocrNoise.scan(text)) add(m.type, m.value, m.start, m.end);
      return { exact, tolerant };
    },

    matchPhoneHash(hash: string, algorithm: PhoneHashAlgorithm, field?: string): Match[] {
      const hit = phoneHashes.lookup(hash, algorithm);
      if (!hit) return [];
      const out = new MatchCollector(field);
      out.add('phoneHash', hit.e164, describeHashedForm(algorithm, hit.form));
      return out.matches();
    },

    matchPhoneField(value: string, field?: string, fieldOptions: PhoneFieldOptions = {}): Match[] {
      const out = new MatchCollector(field);
      const parsed = parsePhone(value, { defaultRegion: region, ...fieldOptions });
      if (parsed.ok) phoneScanner.matchNumber(parsed.phone, value.trim(), out);
      else if (value && prefilter !== null && prefilter.test(value)) scanInto(value, out);
      return out.matches();
    },
  };
}

function invalid(field: string, reason: string): never {
  throw new InvalidIdentifierError(field, reason);
}

function checkedId(value: string, field: string): string {
  const id = value.trim();
  if (id.length < MIN_ID_LENGTH || !/[\p{L}\p{N}]/u.test(id)) {
    invalid(field, `too short to match safely: an id needs at least ${MIN_ID_LENGTH} characters with a letter or digit`);
  }
  return id;
}
