import type { Finding, IdentifierWarning, Locator, SearchResult } from '../../shared/findings.js';
import type { CaseIdentifier } from '../cases/caseIdentifiers.js';
import type { ResponseDeadline } from '../cases/deadline.js';
import type { AuditEntry } from '../review/auditLog.js';
import { textFingerprint } from '../review/auditLog.js';
import type { DuplicateConflict } from '../review/duplicateGroups.js';
import { stateOf, type CaseReview } from '../review/reviewTypes.js';
import type { AuditVerification } from '../review/verifyAuditLog.js';
import type { CaseId } from '../store/ids.js';
import type { SearchRunRecord } from '../store/searchRunRecord.js';
import { identifierKey } from '../identity/subjectIdentifiers.js';
import type { Register } from '../register/registerSchema.js';
import type { StreamedPackage } from './responsePackage.js';
import type { RetentionWarning } from './retentionWarnings.js';

export const INTERNAL_REPORT_JSON = 'Bericht-intern.json';
export const INTERNAL_REPORT_PDF = 'Bericht-intern.pdf';
export const INTERNAL_REPORT_SCHEMA_VERSION = 1;

/** Warnings per source quoted in the report; the full list stays in the case store. */
const MAX_WARNINGS_PER_SOURCE = 100;
/** Audit entries quoted in full: the first and the most recent ones, the count of the rest. */
export const AUDIT_EXCERPT_HEAD = 100;
export const AUDIT_EXCERPT_TAIL = 900;

/**
 * The officer's accountability record for one answer (Art. 5(2) GDPR), never sent to the person:
 * what was searched and how completely, what was found, included and excluded and why, which weak
 * findings are still held for review, what was redacted (reason and fingerprint, never the text),
 * which files were withheld, the audit log with its head hash, and the hashes that tie the report
 * to exactly the package that was produced.
 */
export interface InternalReport {
  readonly schemaVersion: number;
  readonly notForTheDataSubject: true;
  readonly generatedAt: string;
  readonly case: { readonly reference: CaseId; readonly receivedOn: string; readonly deadline: ResponseDeadline; readonly subjectName: string | null };
  readonly searchRun: { readonly id: string; readonly startedAt: string; readonly finishedAt: string | null; readonly status: string; readonly workspace: string };
  /** The subject's identifiers in normal form, each with how, when and by whom it was verified (null: unverified). */
  readonly identifiers: readonly CaseIdentifier[];
  /** The guard's warnings of the run (controller's own, over-broad identifiers). */
  readonly identifierWarnings: readonly IdentifierWarning[];
  readonly sources: {
    readonly id: string;
    readonly type: string;
    readonly status: string;
    readonly scanned: number;
    readonly error: string | null;
    readonly warnings: number;
    readonly uncovered: number;
    readonly warningExcerpt: { readonly locator: Locator; readonly message: string; readonly uncovered: boolean }[];
  }[];
  readonly counts: {
    readonly found: number;
    readonly strong: number;
    readonly weak: number;
    readonly included: number;
    readonly excluded: number;
    readonly pending: number;
    readonly pendingWeak: number;
    readonly pendingStrong: number;
  };
  /**
   * Copies of the same data found in several places (search/duplicateKey.ts): how many were merged
   * into another item, and the groups held back because their copies were decided differently.
   */
  readonly duplicates: { readonly merged: number; readonly conflicts: { readonly findings: string[]; readonly states: string[] }[] };
  readonly exclusions: { readonly finding: string; readonly source: string; readonly title: string; readonly reason: string | null; readonly decidedAt: string | null }[];
  readonly heldForReview: {
    readonly finding: string;
    readonly source: string;
    readonly strength: string;
    readonly title: string;
    readonly locator: Locator;
    readonly matchedBy: string[];
    /** Why matches of it count as weak (controller-address, over-broad …), if any. */
    readonly guarded: string[];
    /** Strong, but no verified identifier matched it: `run` did not include it. */
    readonly unverifiedOnly: boolean;
    /** Why it waits, when something recorded it (a third party's data, an unreadable attachment). */
    readonly reason: string | null;
  }[];
  readonly redactions: { readonly id: number; readonly finding: string | null; readonly reason: string; readonly length: number; readonly textSha256: string }[];
  readonly files: {
    readonly shipped: number;
    readonly withheld: { readonly item: number; readonly name: string; readonly reason: string }[];
    readonly originalsUnavailable: { readonly item: number; readonly finding: string }[];
  };
  readonly package: {
    readonly lang: string;
    readonly items: number;
    readonly pdf: { readonly file: string; readonly pages: number };
    readonly manifestSha256: string;
    readonly zip: { readonly file: string; readonly sha256: string } | null;
  };
  /** Records kept longer than their activity's retention period allows (Art. 5(1)(e)): delete after answering. */
  readonly retentionWarnings: RetentionWarning[];
  /** What the letter had to leave open: activities without a stated origin (Art. 15(1)(g)), to complete in the register. */
  readonly registerGaps: { readonly activity: string; readonly missing: 'source' }[];
  /** Activities with a local copy that no source covered: confirmed by hand as empty, or named in the letter as not searched. */
  readonly coverage: { readonly notSearched: string[]; readonly confirmedNoData: string[] };
  /** Findings whose activities the officer chose in review instead of the source's mapping. */
  readonly activityOverrides: number;
  readonly audit: {
    readonly entries: number;
    readonly head: string;
    readonly chainIntact: boolean;
    readonly problems: string[];
    readonly omitted: number;
    readonly excerpt: Omit<AuditEntry, 'detailJson'>[];
  };
}

export interface InternalReportInput {
  readonly pkg: Omit<StreamedPackage, 'items'>;
  readonly run: SearchRunRecord & { readonly result: Omit<SearchResult, 'findings'> };
  /**
   * The run's findings: the included ones only counted by strength (they are the package), the others
   * in full, in the order of the run, with their decisions in `review`.
   */
  readonly findings: { readonly included: { readonly strong: number; readonly weak: number }; readonly others: readonly Finding[] };
  readonly review: CaseReview;
  readonly duplicates?: { readonly merged: number; readonly conflicts: readonly DuplicateConflict[] };
  readonly deadline: ResponseDeadline;
  readonly subjectName: string | null;
  readonly identifiers: readonly CaseIdentifier[];
  readonly audit: AuditVerification;
  /** The log's first AUDIT_EXCERPT_HEAD and last AUDIT_EXCERPT_TAIL entries, and how many it has (auditLogExcerpt). */
  readonly auditExcerpt: { readonly total: number; readonly head: readonly AuditEntry[]; readonly tail: readonly AuditEntry[] };
  readonly originalsUnavailable: readonly { item: number; finding: string }[];
  readonly retentionWarnings: readonly RetentionWarning[];
  readonly register: Register;
  readonly activityOverrides: number;
  readonly pdf: { readonly file: string; readonly pages: number };
  readonly manifestSha256: string;
  readonly zip: { readonly file: string; readonly sha256: string } | null;
  readonly now: Date;
}

export function buildInternalReport(input: InternalReportInput): InternalReport {
  const { pkg, run, review } = input;
  const findings = input.findings.others;
  const included = input.findings.included;
  const state = (f: Finding) => stateOf(review, f.id);
  const pending = findings.filter((f) => state(f) === 'pending');
  const { total, head, tail } = input.auditExcerpt;
  const verified = new Set(input.identifiers.filter((i) => i.verification !== null).map((i) => identifierKey(i.type, i.value)));
  const excerpt = [...head, ...tail];
  const omitted = Math.max(0, total - excerpt.length);
  return {
    schemaVersion: INTERNAL_REPORT_SCHEMA_VERSION,
    notForTheDataSubject: true,
    generatedAt: input.now.toISOString(),
    case: { reference: pkg.case.reference, receivedOn: pkg.case.receivedOn, deadline: input.deadline, subjectName: input.subjectName },
    searchRun: { id: run.id, startedAt: run.startedAt, finishedAt: run.finishedAt, status: run.status, workspace: run.workspacePath },
    identifiers: input.identifiers,
    identifierWarnings: run.result.identifierWarnings ?? [],
    sources: run.result.sources.map((s) => ({
      id: s.id,
      type: s.type,
      status: s.status,
      scanned: s.scanned,
      error: s.error,
      warnings: s.warnings.length,
      uncovered: s.warnings.filter((w) => w.uncovered).length,
      warningExcerpt: s.warnings.slice(0, MAX_WARNINGS_PER_SOURCE).map((w) => ({ locator: w.locator, message: w.message, uncovered: w.uncovered ?? false })),
    })),
    counts: {
      found: included.strong + included.weak + findings.length,
      strong: included.strong + findings.filter((f) => f.strength === 'strong').length,
      weak: included.weak + findings.filter((f) => f.strength === 'weak').length,
      included: included.strong + included.weak + findings.filter((f) => state(f) === 'included').length,
      excluded: findings.filter((f) => state(f) === 'excluded').length,
      pending: pending.length,
      pendingWeak: pending.filter((f) => f.strength === 'weak').length,
      pendingStrong: pending.filter((f) => f.strength === 'strong').length,
    },
    duplicates: { merged: input.duplicates?.merged ?? 0, conflicts: (input.duplicates?.conflicts ?? []).map((c) => ({ findings: [...c.findings], states: [...c.states] })) },
    exclusions: findings
      .filter((f) => state(f) === 'excluded')
      .map((f) => ({ finding: f.id, source: f.source, title: f.title, reason: review.decisions.get(f.id)?.reason ?? null, decidedAt: review.decisions.get(f.id)?.decidedAt ?? null })),
    heldForReview: pending.map((f) => ({
      finding: f.id,
      source: f.source,
      strength: f.strength,
      title: f.title,
      locator: f.locator,
      matchedBy: [...new Set(f.matches.map((m) => m.type))],
      guarded: [...new Set(f.matches.flatMap((m) => (m.guard ? [m.guard] : [])))],
      unverifiedOnly: f.strength === 'strong' && !f.matches.some((m) => m.type !== 'name' && m.guard === undefined && verified.has(identifierKey(m.type, m.value))),
      reason: review.decisions.get(f.id)?.reason ?? null,
    })),
    redactions: review.redactions.map((r) => ({ id: r.id, finding: r.findingId, reason: r.reason, length: r.text.length, textSha256: textFingerprint(r.text) })),
    files: {
      shipped: [...pkg.itemFiles.values()].reduce((n, i) => n + i.files.length, 0),
      withheld: pkg.slots.flatMap((s) => (pkg.itemFiles.get(s.no)?.withheld ?? []).map((w) => ({ item: s.no, name: w.name, reason: w.reason }))),
      originalsUnavailable: [...input.originalsUnavailable],
    },
    package: { lang: pkg.lang, items: pkg.slots.length, pdf: input.pdf, manifestSha256: input.manifestSha256, zip: input.zip },
    retentionWarnings: [...input.retentionWarnings],
    registerGaps: pkg.activities.filter((a) => input.register.activities.find((r) => r.id === a.id)?.source === undefined).map((a) => ({ activity: a.id, missing: 'source' as const })),
    coverage: { notSearched: pkg.limits.notSearched.map((a) => a.id), confirmedNoData: pkg.limits.confirmedNoData.map((a) => a.id) },
    activityOverrides: input.activityOverrides,
    audit: {
      entries: total,
      head: input.audit.head,
      chainIntact: input.audit.problems.length === 0,
      problems: input.audit.problems.map((p) => p.message),
      omitted,
      excerpt: excerpt.map(({ detailJson: _detailJson, ...rest }) => rest),
    },
  };
}
