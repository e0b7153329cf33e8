import type { Lang } from './localizedText.js';

interface LegalBasisWording {
  /** The norm as a German letter cites it. */
  readonly de: string;
  /** The norm as an English letter cites it. */
  readonly en: string;
  readonly deLabel: string;
  readonly enLabel: string;
}

/**
 * Every legal basis a register may name, keyed by the short code the register uses.
 *
 * - Art. 6(1)(a)–(f) GDPR: the lawfulness grounds themselves.
 * - Art. 9(2)(a)–(j) GDPR: exceptions to the ban on special categories (Art. 9(1)). They are not a
 *   legal basis on their own, so the loader insists on an Art. 6(1) ground next to them.
 * - Art. 88(1) GDPR with § 26 BDSG: the seed's basis for job applications. Kept because the seed's
 *   privacy policy states it; since CJEU C-34/21 (30 March 2023) German authorities advise relying on
 *   Art. 6(1)(b)/(c) as well, which the example register does.
 *
 * § 105 TKG (cited by the seed for caller-ID) is deliberately absent: it governs what a telephone
 * directory may disclose, not the controller's own processing, whose basis is Art. 6(1)(f).
 */
const wordings = {
  '6(1)(a)': {
    de: 'Art. 6 Abs. 1 lit. a DSGVO', deLabel: 'Einwilligung',
    en: 'Art. 6(1)(a) GDPR', enLabel: 'consent',
  },
  '6(1)(b)': {
    de: 'Art. 6 Abs. 1 lit. b DSGVO', deLabel: 'Vertragserfüllung',
    en: 'Art. 6(1)(b) GDPR', enLabel: 'performance of a contract',
  },
  '6(1)(c)': {
    de: 'Art. 6 Abs. 1 lit. c DSGVO', deLabel: 'rechtliche Verpflichtung',
    en: 'Art. 6(1)(c) GDPR', enLabel: 'legal obligation',
  },
  '6(1)(d)': {
    de: 'Art. 6 Abs. 1 lit. d DSGVO', deLabel: 'Schutz lebenswichtiger Interessen',
    en: 'Art. 6(1)(d) GDPR', enLabel: 'vital interests',
  },
  '6(1)(e)': {
    de: 'Art. 6 Abs. 1 lit. e DSGVO', deLabel: 'Wahrnehmung einer Aufgabe im öffentlichen Interesse',
    en: 'Art. 6(1)(e) GDPR', enLabel: 'task carried out in the public interest',
  },
  '6(1)(f)': {
    de: 'Art. 6 Abs. 1 lit. f DSGVO', deLabel: 'berechtigte Interessen',
    en: 'Art. 6(1)(f) GDPR', enLabel: 'legitimate interests',
  },
  '9(2)(a)': {
    de: 'Art. 9 Abs. 2 lit. a DSGVO', deLabel: 'ausdrückliche Einwilligung',
    en: 'Art. 9(2)(a) GDPR', enLabel: 'explicit consent',
  },
  '9(2)(b)': {
    de: 'Art. 9 Abs. 2 lit. b DSGVO', deLabel: 'Arbeitsrecht und Recht der sozialen Sicherheit',
    en: 'Art. 9(2)(b) GDPR', enLabel: 'employment and social security law',
  },
  '9(2)(c)': {
    de: 'Art. 9 Abs. 2 lit. c DSGVO', deLabel: 'Schutz lebenswichtiger Interessen',
    en: 'Art. 9(2)(c) GDPR', enLabel: 'vital interests',
  },
  '9(2)(d)': {
    de: 'Art. 9 Abs. 2 lit. d DSGVO', deLabel: 'Tätigkeit einer Organisation ohne Gewinnerzielungsabsicht',
    en: 'Art. 9(2)(d) GDPR', enLabel: 'activities of a not-for-profit body',
  },
  '9(2)(e)': {
    de: 'Art. 9 Abs. 2 lit. e DSGVO', deLabel: 'offensichtlich öffentlich gemachte Daten',
    en: 'Art. 9(2)(e) GDPR', enLabel: 'data manifestly made public',
  },
  '9(2)(f)': {
    de: 'Art. 9 Abs. 2 lit. f DSGVO', deLabel: 'Geltendmachung, Ausübung oder Verteidigung von Rechtsansprüchen',
    en: 'Art. 9(2)(f) GDPR', enLabel: 'establishment, exercise or defence of legal claims',
  },
  '9(2)(g)': {
    de: 'Art. 9 Abs. 2 lit. g DSGVO', deLabel: 'erhebliches öffentliches Interesse',
    en: 'Art. 9(2)(g) GDPR', enLabel: 'substantial public interest',
  },
  '9(2)(h)': {
    de: 'Art. 9 Abs. 2 lit. h DSGVO', deLabel: 'Gesundheitsvorsorge und Arbeitsmedizin',
    en: 'Art. 9(2)(h) GDPR', enLabel: 'preventive or occupational medicine',
  },
  '9(2)(i)': {
    de: 'Art. 9 Abs. 2 lit. i DSGVO', deLabel: 'öffentliche Gesundheit',
    en: 'Art. 9(2)(i) GDPR', enLabel: 'public health',
  },
  '9(2)(j)': {
    de: 'Art. 9 Abs. 2 lit. j DSGVO', deLabel: 'Archiv-, Forschungs- und statistische Zwecke',
    en: 'Art. 9(2)(j) GDPR', enLabel: 'archiving, research or statistical purposes',
  },
  '88(1)+§26 BDSG': {
    de: 'Art. 88 Abs. 1 DSGVO i. V. m. § 26 Abs. 1 BDSG', deLabel: 'Beschäftigungsverhältnis einschließlich Bewerbung',
    en: 'Art. 88(1) GDPR in conjunction with Section 26(1) BDSG', enLabel: 'employment, including job applications',
  },
} as const satisfies Record<string, LegalBasisWording>;

export type LegalBasisCode = keyof typeof wordings;

/** Every code a register's `legalBasis` may use, in the order the GDPR lists them. */
export const LEGAL_BASIS_CODES = Object.keys(wordings) as [LegalBasisCode, ...LegalBasisCode[]];

/** True for the Art. 9(2) exceptions, which need an Art. 6(1) ground beside them. */
export function isSpecialCategoryException(code: LegalBasisCode): boolean {
  return code.startsWith('9(2)');
}

/**
 * The legal basis in words for the Art. 15 letter.
 * @example legalBasisText('6(1)(b)', 'de') // 'Art. 6 Abs. 1 lit. b DSGVO – Vertragserfüllung'
 */
export function legalBasisText(code: LegalBasisCode, lang: Lang): string {
  const w: LegalBasisWording = wordings[code];
  return lang === 'de' ? `${w.de} – ${w.deLabel}` : `${w.en} – ${w.enLabel}`;
}
