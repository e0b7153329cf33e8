import type { Finding, Locator, SearchResult } from '../../shared/findings.js';
import { legalBasisText } from '../register/legalBasis.js';
import { localize, type Lang } from '../register/localizedText.js';
import { SOURCE_DATA_SUBJECT, type Activity, type Register } from '../register/registerSchema.js';
import { packageTexts } from './packageTexts.js';
import type { Controller } from '../workspace/workspace.js';

export const DOSSIER_SCHEMA_VERSION = 1;

/** One register activity with its Art. 15(1)/(2) information and the records that belong to it. */
export interface DossierActivity {
  readonly id: string;
  readonly name: string;
  readonly purposes: string[]; // Art. 15(1)(a)
  readonly categories: { id: string; name: string }[]; // Art. 15(1)(b)
  readonly legalBasis: string[];
  readonly recipients: { name: string; role: string }[]; // Art. 15(1)(c)
  readonly transfers: { country: string; recipient: string; safeguard: string }[]; // Art. 15(2)
  readonly retention: string; // Art. 15(1)(d)
  readonly source: string | null; // Art. 15(1)(g); null: the register does not say (the letter says so)
  readonly automatedDecisions: string | null; // Art. 15(1)(h); null: none
  readonly localCopy: boolean;
  /** For data held by a recipient rather than by us (no local copy): how the person can obtain it. */
  readonly access: string | null;
  readonly records: { id: string; source: string; locator: Locator; title: string; date: string | null; categories: string[] }[];
}

/**
 * A first draft of the answer: strong findings grouped by register activity, each activity with
 * the information Art. 15(1)(a)–(h) and 15(2) require. Weak findings are only counted: they are
 * never part of an answer without a person's decision (docs/ARCHITECTURE.md "match strength").
 */
export interface Dossier {
  readonly schemaVersion: number;
  readonly lang: Lang;
  readonly controller: Controller;
  readonly subjectName: string | null;
  readonly dataFound: boolean;
  /** Activities with records about the person, then the register-only ones (no local copy). */
  readonly activities: DossierActivity[];
  readonly heldForReview: number;
  readonly incompleteSources: { id: string; status: string; error: string | null }[];
}

/** The Art. 15(1)(a)–(h) and 15(2) information of one register activity, in one language. */
export type ActivityInformation = Omit<DossierActivity, 'records'>;

/** Describe one register activity for the person, in `lang`; shared by the dossier and the response package. */
export function describeActivity(activity: Activity, register: Register, lang: Lang): ActivityInformation {
  const categoryName = new Map(register.categories.map((c) => [c.id, localize(c.name, lang)]));
  return {
    id: activity.id,
    name: localize(activity.name, lang),
    purposes: activity.purposes.map((p) => localize(p, lang)),
    categories: activity.categories.map((id) => ({ id, name: categoryName.get(id) ?? id })),
    legalBasis: activity.legalBasis.map((code) => legalBasisText(code, lang)),
    recipients: activity.recipients.map((r) => ({ name: localize(r.name, lang), role: r.role })),
    transfers: activity.transfers.map((t) => ({ country: t.country, recipient: localize(t.recipient, lang), safeguard: localize(t.safeguard, lang) })),
    retention: localize(activity.retention, lang),
    source: activity.source === undefined ? null : activity.source === SOURCE_DATA_SUBJECT ? packageTexts(lang).sourceFromYou : localize(activity.source, lang),
    automatedDecisions: activity.automatedDecisions === false ? null : localize(activity.automatedDecisions, lang),
    localCopy: activity.localCopy,
    access: accessText(activity, lang),
  };
}

/** How the person obtains data that a recipient holds instead of us: the register's text, else one by the recipients' roles. */
function accessText(activity: Activity, lang: Lang): string | null {
  if (activity.access !== undefined) return localize(activity.access, lang);
  if (activity.localCopy) return null;
  const t = packageTexts(lang);
  const named = (role: string) => activity.recipients.filter((r) => r.role === role).map((r) => localize(r.name, lang));
  const controllers = named('controller');
  const processors = named('processor');
  return (
    [processors.length ? t.accessViaUs(processors.join('; '), processors.length) : null, controllers.length ? t.accessFromController(controllers.join('; '), controllers.length) : null]
      .filter(Boolean)
      .join(' ') || null
  );
}

/** Build the dossier of a search result in one language. */
export function buildDossier(result: SearchResult, register: Register, controller: Controller, lang: Lang): Dossier {
  const strong = result.findings.filter((f) => f.strength === 'strong');
  const byActivity = new Map<string, Finding[]>();
  for (const finding of strong) {
    for (const id of finding.activities) byActivity.set(id, [...(byActivity.get(id) ?? []), finding]);
  }
  const describe = (activity: Activity, records: Finding[]): DossierActivity => ({
    ...describeActivity(activity, register, lang),
    records: records.map((f) => ({ id: f.id, source: f.source, locator: f.locator, title: f.title, date: f.date, categories: f.categories })),
  });

  const withData = register.activities.filter((a) => byActivity.has(a.id)).map((a) => describe(a, byActivity.get(a.id)!));
  const registerOnly = register.activities.filter((a) => !a.localCopy).map((a) => describe(a, []));
  return {
    schemaVersion: DOSSIER_SCHEMA_VERSION,
    lang,
    controller,
    subjectName: result.subject.name ?? null,
    dataFound: strong.length > 0,
    activities: [...withData, ...registerOnly],
    heldForReview: result.findings.length - strong.length,
    incompleteSources: result.sources.filter((s) => s.status !== 'ok').map((s) => ({ id: s.id, status: s.status, error: s.error })),
  };
}
