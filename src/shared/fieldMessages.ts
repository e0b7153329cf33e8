/**
 * One mapping from a validation issue (a field's path and a code) to a message the officer can act
 * on: which field, what is expected, in German or English. zod's own messages ("Invalid input:
 * expected object, received undefined") name neither the field nor what to write; the new-case
 * dialog shows these at each field, the API's InvalidInput error and the CLI's config errors use them
 * too. Plain data and no zod import: the renderer bundle stays small.
 */

export type FieldLang = 'de' | 'en';

/**
 * One problem with one field, as data. `code` is zod's issue code (`invalid_type`, `too_small`,
 * `too_big`, `invalid_format`, `invalid_value`, `unrecognized_keys`, `custom`) or one of the entry
 * checks below; the optional parameters are zod's.
 */
export interface FieldIssue {
  readonly path: (string | number)[];
  readonly code: string;
  /** The original message (zod's or the engine's, English): the fallback, and the reason of `invalid_identifier`. */
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
  readonly format?: string;
  readonly origin?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly keys?: string[];
}

/** Codes of the checks made at case entry, besides zod's. */
export const ENTRY_ISSUE_CODES = {
  /** An identifier the engine cannot normalise (core/identity/compileSubject.ts). */
  invalidIdentifier: 'invalid_identifier',
  /** "Weitere Kennungen" without "Bezeichnung:" in front. */
  missingLabel: 'missing_label',
  /** No identifier at all. */
  emptySubject: 'empty_subject',
  /** A date after today. */
  futureDate: 'future_date',
} as const;

const LABELS: Record<string, Record<FieldLang, string>> = {
  receivedOn: { de: 'Eingang des Antrags', en: 'Request received on' },
  subject: { de: 'Identifikatoren der Person', en: "The person's identifiers" },
  'subject.name': { de: 'Name', en: 'Name' },
  'subject.emails': { de: 'E-Mail-Adressen', en: 'Email addresses' },
  'subject.phones': { de: 'Telefonnummern', en: 'Phone numbers' },
  'subject.customerIds': { de: 'Kundennummern', en: 'Customer numbers' },
  'subject.ips': { de: 'IP-Adressen', en: 'IP addresses' },
  'subject.otherIds': { de: 'Weitere Kennungen', en: 'Other identifiers' },
  'subject.otherIds.label': { de: 'Bezeichnung der Kennung', en: 'Label of the identifier' },
  'subject.otherIds.value': { de: 'Wert der Kennung', en: 'Value of the identifier' },
  identityVerification: { de: 'Prüfung der Identität', en: 'Identity verification' },
  'identityVerification.method': { de: 'Art der Prüfung', en: 'Verification method' },
  'identityVerification.note': { de: 'Notiz zur Prüfung', en: 'Note on the verification' },
};

/** What a field of this zod type holds, for "expected …". */
const EXPECTED: Record<string, Record<FieldLang, string>> = {
  object: { de: 'ein Objekt mit Feldern', en: 'an object with fields' },
  array: { de: 'eine Liste', en: 'a list' },
  string: { de: 'ein Text', en: 'a text' },
  number: { de: 'eine Zahl', en: 'a number' },
  boolean: { de: 'ja oder nein (true/false)', en: 'yes or no (true/false)' },
};

/**
 * The engine's reasons for an identifier it cannot use (core/identity), in German. Matched by their
 * start, so a reason with a number in it still finds its text; unknown reasons are shown as written.
 */
const IDENTIFIER_REASONS_DE: readonly (readonly [RegExp, string])[] = [
  [/^not an email address/, 'keine E-Mail-Adresse (erwartet: name@domain.de)'],
  [/^not an IPv4 or IPv6 address/, 'keine IPv4- oder IPv6-Adresse'],
  [/^no area code or trunk prefix/, 'ohne Vorwahl: nationale Nummer mit führender 0 schreiben, oder mit + und Ländervorwahl'],
  [/^not a complete phone number/, 'keine vollständige Telefonnummer: mit + und Ländervorwahl schreiben'],
  [/^not a valid phone number for its country/, 'keine gültige Telefonnummer (Vorwahl fehlt oder Ziffern falsch?)'],
  [/^too long for a phone number|^longer than the/, 'zu lang für eine Telefonnummer'],
  [/^contains characters that do not belong in a phone number/, 'enthält Zeichen, die nicht in eine Telefonnummer gehören'],
  [/^not a phone number/, 'keine Telefonnummer'],
  [/^too short to match safely/, 'zu kurz, um sicher zu suchen: mindestens 3 Zeichen mit Buchstabe oder Ziffer'],
  [/^a name needs at least one word of letters/, 'ein Name braucht mindestens ein Wort aus Buchstaben'],
];

/** `['subject', 'emails', 1]` → `subject.emails` (indices dropped): the key a form field and LABELS use. */
export function fieldKey(path: readonly (string | number)[]): string {
  return path.filter((p) => typeof p === 'string').join('.');
}

/** The field as the officer reads it: "E-Mail-Adressen, Eintrag 2"; unknown fields as their path (`sources[1].path`). */
export function fieldLabel(path: readonly (string | number)[], lang: FieldLang): string {
  const key = fieldKey(path);
  const label = LABELS[key]?.[lang];
  if (label === undefined) return formatPath(path);
  const index = path.find((p): p is number => typeof p === 'number');
  if (index === undefined) return label;
  return lang === 'de' ? `${label}, Eintrag ${index + 1}` : `${label}, entry ${index + 1}`;
}

/** What is wrong and what is expected, without the field's name (shown next to the field). */
export function issueText(issue: FieldIssue, lang: FieldLang): string {
  const de = lang === 'de';
  const expected = issue.expected ? (EXPECTED[issue.expected]?.[lang] ?? issue.expected) : undefined;
  const key = fieldKey(issue.path);
  switch (issue.code) {
    case ENTRY_ISSUE_CODES.invalidIdentifier: {
      if (!de) return issue.message;
      return IDENTIFIER_REASONS_DE.find(([re]) => re.test(issue.message))?.[1] ?? issue.message;
    }
    case ENTRY_ISSUE_CODES.missingLabel:
      return de ? 'Bezeichnung fehlt: „Bezeichnung: Wert“ schreiben, z. B. „TeamViewer-ID: 123 456 789“.' : 'Label missing: write “label: value”, e.g. “TeamViewer-ID: 123 456 789”.';
    case ENTRY_ISSUE_CODES.emptySubject:
      return de
        ? 'Mindestens einen Identifikator angeben: Name, E-Mail-Adresse, Telefonnummer, Kundennummer, IP-Adresse oder weitere Kennung.'
        : 'Give at least one identifier: name, email address, phone number, customer number, IP address or another identifier.';
    case ENTRY_ISSUE_CODES.futureDate:
      return de ? 'Das Datum darf nicht in der Zukunft liegen.' : 'The date cannot be in the future.';
    case 'invalid_type':
      if (issue.received === 'undefined' || /received undefined/.test(issue.message)) {
        return de ? `Pflichtangabe fehlt${expected ? ` (erwartet: ${expected})` : ''}.` : `Required but missing${expected ? ` (expected ${expected})` : ''}.`;
      }
      return de ? `Falscher Typ${expected ? `: erwartet ${expected}` : ''}.` : `Wrong type${expected ? `: expected ${expected}` : ''}.`;
    case 'invalid_format':
      if (issue.format === 'date') return de ? 'Bitte ein Datum im Format TT.MM.JJJJ eingeben.' : 'Enter a date as YYYY-MM-DD.';
      if (issue.format === 'email') return de ? 'keine E-Mail-Adresse (erwartet: name@domain.de)' : 'not an email address (expected name@domain.tld)';
      return de ? 'Ungültiges Format.' : `Invalid format${issue.format ? ` (expected ${issue.format})` : ''}.`;
    case 'too_small':
      if (key === 'identityVerification.note') return noteText(issue, lang);
      if (issue.origin === 'array') return de ? `Mindestens ${issue.minimum ?? 1} Einträge.` : `At least ${issue.minimum ?? 1} entries.`;
      if (issue.minimum === 1) return de ? 'Darf nicht leer sein.' : 'Must not be empty.';
      return de ? `Zu kurz: mindestens ${issue.minimum} Zeichen.` : `Too short: at least ${issue.minimum} characters.`;
    case 'too_big':
      if (issue.origin === 'array') return de ? `Höchstens ${issue.maximum} Einträge.` : `At most ${issue.maximum} entries.`;
      return de ? `Zu lang: höchstens ${issue.maximum} Zeichen.` : `Too long: at most ${issue.maximum} characters.`;
    case 'invalid_value':
      return de ? 'Kein zulässiger Wert.' : `Not an allowed value${issue.message ? ` (${issue.message})` : ''}.`;
    case 'unrecognized_keys':
      return de ? `Unbekanntes Feld: ${(issue.keys ?? []).join(', ')}.` : `Unknown field: ${(issue.keys ?? []).join(', ')}.`;
    case 'custom':
      if (key === 'subject' || /at least one identifier/.test(issue.message)) return issueText({ ...issue, code: ENTRY_ISSUE_CODES.emptySubject }, lang);
      if (key === 'identityVerification.note') return noteText(issue, lang);
      return issue.message;
    default:
      return issue.message;
  }
}

/** The field and the message in one line: "E-Mail-Adressen, Eintrag 1: keine E-Mail-Adresse …" (the CLI, the API error). */
export function issueLine(issue: FieldIssue, lang: FieldLang): string {
  return `${fieldLabel(issue.path, lang)}: ${issueText(issue, lang)}`;
}

function noteText(issue: FieldIssue, lang: FieldLang): string {
  const idDocument = /ID document|reasonable doubts/.test(issue.message);
  if (lang === 'de') return idDocument ? 'Ein Ausweis ist nur bei begründeten Zweifeln verhältnismäßig: die Zweifel hier festhalten (mindestens 10 Zeichen).' : 'Beschreiben, wie die Identität geprüft wurde.';
  return idDocument ? 'An ID document is only proportionate with reasonable doubts: record them here (at least 10 characters).' : 'Describe how the identity was verified.';
}

function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out || 'input';
}

/** What this file reads of a zod issue; typed loosely so that it needs no zod import. */
export interface ZodIssueLike {
  readonly path: readonly PropertyKey[];
  readonly code: string;
  readonly message: string;
}

/** A zod issue as plain data (the subset the messages use). */
export function fieldIssueFromZod(issue: ZodIssueLike): FieldIssue {
  const zodIssue = issue as ZodIssueLike & Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined);
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const received = /received (\w+)/.exec(zodIssue.message)?.[1];
  const fields = {
    expected: str(zodIssue['expected']),
    received,
    format: str(zodIssue['format']),
    origin: str(zodIssue['origin']),
    minimum: num(zodIssue['minimum']),
    maximum: num(zodIssue['maximum']),
    keys: Array.isArray(zodIssue['keys']) ? (zodIssue['keys'] as unknown[]).map(String) : undefined,
  };
  return {
    path: zodIssue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    code: zodIssue.code,
    message: zodIssue.message,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
  };
}
