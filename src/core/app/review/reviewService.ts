import type { AuskunftHandlers, FindingDetail, FindingSummary, Lang, RecordKind } from '../../../shared/api.js';
import { resolve } from 'node:path';
import type { Finding } from '../../../shared/findings.js';
import { recordTexts } from '../../../shared/recordFields.js';
import { compileControllerIdentity } from '../../identity/controllerIdentity.js';
import { compileSubject } from '../../identity/compileSubject.js';
import { localize } from '../../register/index.js';
import { addRedaction } from '../../review/addRedaction.js';
import { readAuditLog } from '../../review/auditLog.js';
import { decideFindings } from '../../review/decideFindings.js';
import { findingActivityOverrides, setFindingActivities } from '../../review/findingActivities.js';
import { loadReview } from '../../review/loadReview.js';
import { compileRedactions } from '../../review/redactText.js';
import { removeRedaction } from '../../review/removeRedaction.js';
import { copiesOf, withCopies } from '../../review/duplicateCopies.js';
import { redactionsFor, type CaseReview } from '../../review/reviewTypes.js';
import { CaseNotFoundError, getCase, parseCaseId, type CaseId, type CaseRecord } from '../../store/index.js';
import { ConflictError, NotFoundError, type AppContext } from '../context.js';
import { findingCount, findingOfCase, findingSummaries } from './findingSummaries.js';
import { lastSearchSummary } from '../../cases/lastSearchSummary.js';
import { hasLocalOriginal, mailHtml } from './mailOriginal.js';
import { redactionMarks } from './redactionMarks.js';
import { scanPage } from './scanPage.js';
import { decisionOf, REVIEW_STATE, uiState } from './reviewDecisions.js';
import { findingThirdParty, type FindingThirdParty } from '../../thirdParty/findingThirdParty.js';
import { thirdPartyScanner } from '../../thirdParty/thirdPartyScan.js';
import type { Workspace } from '../../workspace/workspace.js';
import { keychainSecrets } from '../sources/secretResolver.js';
import { CACHED_THIRD_PARTY, thirdPartyCache } from './thirdPartyCache.js';
import { thirdPartySuggestions } from './thirdPartyData.js';

/** Reading a message back to look into its attachments gives up after this long. */
const READ_ATTACHMENTS_TIMEOUT_MS = 20_000;

/**
 * Review through core/review: the list, one finding's detail, decisions and redactions. Each call is
 * one transaction with its entry in the case's audit log, so every decision is saved at once.
 */
export function reviewService(ctx: AppContext): AuskunftHandlers['review'] {
  const caseOf = (caseId: string): CaseRecord => {
    const id = parseCaseId(caseId);
    const stored = getCase(ctx.db, id);
    if (!stored) throw new CaseNotFoundError(id);
    return stored;
  };
  const findingOf = (id: CaseId, findingId: string) => {
    const found = findingOfCase(ctx.db, id, findingId);
    if (!found) throw new NotFoundError(`no finding ${findingId} in the latest search of case ${id}`);
    return found;
  };
  const copiesOfFinding = (id: CaseId, findingId: string, review: CaseReview): Pick<FindingDetail, 'copies'> => {
    const others = copiesOf(ctx.db, id, [findingId]).get(findingId);
    if (!others) return {};
    return {
      copies: others.map((copyId) => {
        const copy = findingOf(id, copyId);
        return { id: copyId, source: copy.source, locator: copy.locator, decision: decisionOf(review, copyId).state };
      }),
    };
  };
  const options = () => ({ now: ctx.ports.now(), ...(ctx.actor ? { actor: ctx.actor } : {}) });

  const workspaceOf = (stored: CaseRecord): Workspace | null => {
    try {
      return ctx.workspace(stored.workspacePath ?? ctx.workspacePath);
    } catch {
      // The workspace may have changed since the search; the stored record is still shown.
      return null;
    }
  };
  /**
   * Other people's data in the finding and its attachments (read back from the source). The last few
   * are kept: moving through the list with j/k and back, or redacting, must not re-read an IMAP message
   * each time. A run's findings never change, so a finding id names the same record for a case.
   */
  const thirdPartyOf = (stored: CaseRecord, finding: Finding): Promise<FindingThirdParty> => {
    const key = `${stored.id}\u0000${finding.id}`;
    const kept = thirdPartyCache.get(key);
    if (kept) return kept;
    const read = readThirdParty(stored, finding);
    thirdPartyCache.set(key, read);
    // A failed read is not kept: the next look tries again.
    read.catch(() => thirdPartyCache.delete(key));
    while (thirdPartyCache.size > CACHED_THIRD_PARTY) thirdPartyCache.delete(thirdPartyCache.keys().next().value!);
    return read;
  };
  const readThirdParty = (stored: CaseRecord, finding: Finding): Promise<FindingThirdParty> => {
    const workspace = workspaceOf(stored);
    const scanner = thirdPartyScanner(compileSubject(stored.subject), stored.subject, workspace ? compileControllerIdentity(workspace.controller) : undefined);
    const access = workspace && {
      sources: new Map(workspace.sources.map((s) => [s.config.id, s])),
      context: (sourceId: string) => ({
        signal: AbortSignal.timeout(READ_ATTACHMENTS_TIMEOUT_MS),
        sourceId,
        resolvePath: (path: string) => resolve(workspace.dir, path),
        resolveSecret: keychainSecrets(ctx.ports.keychain),
      }),
    };
    return findingThirdParty(finding, scanner, access);
  };

  const detail = async (stored: CaseRecord, findingId: string, lang: Lang): Promise<FindingDetail> => {
    const found = findingOf(stored.id, findingId);
    const chosen = findingActivityOverrides(ctx.db, stored.id).get(findingId);
    const finding = chosen ? { ...found, activities: chosen } : found;
    const review = loadReview(ctx.db, stored.id);
    const workspace = workspaceOf(stored);
    const original = workspace ? hasLocalOriginal(finding, workspace) : false;
    const third = await thirdPartyOf(stored, finding);
    const attachmentTexts = third.attachments.map((a) => ({ field: a.field, text: a.text }));
    return {
      finding,
      kind: (finding.record?.kind ?? 'unknown') as RecordKind,
      decision: decisionOf(review, findingId),
      marks: redactionMarks(finding.record, redactionsFor(review, findingId), attachmentTexts),
      suggestions: thirdPartySuggestions(third.hits, lang),
      attachments: third.attachments.map((a) => ({ field: a.field, name: a.name, format: a.format, text: a.text })),
      thirdParty: { flagged: third.hits.length > 0, unchecked: third.unchecked },
      original,
      activitiesOverridden: chosen !== undefined,
      ...copiesOfFinding(stored.id, findingId, review),
    };
  };

  return {
    async list({ caseId, lang, offset, limit }) {
      const stored = caseOf(caseId);
      const review = loadReview(ctx.db, stored.id);
      const caseWide = review.redactions.filter((r) => r.findingId === null).length;
      const perFinding = new Map<string, number>();
      for (const r of review.redactions) if (r.findingId !== null) perFinding.set(r.findingId, (perFinding.get(r.findingId) ?? 0) + 1);
      const overrides = findingActivityOverrides(ctx.db, stored.id);
      const stateOf = (id: string) => review.decisions.get(id)?.state ?? 'pending';
      const rows: FindingSummary[] = findingSummaries(ctx.db, stored.id, { offset, limit }).map((row) => {
        // A group's entry carries the redactions put on any of its copies: they all go into its item.
        const redactions = [row.id, ...(row.copies ?? [])].reduce((n, id) => n + (perFinding.get(id) ?? 0), caseWide);
        const summary: FindingSummary = { ...row, activities: overrides.get(row.id) ?? row.activities, decision: uiState(stateOf(row.id), redactions), redactions };
        if (row.copies) {
          const states = new Set([row.id, ...row.copies].map(stateOf));
          if (states.has('included') && states.has('excluded')) summary.duplicateConflict = true;
        }
        return summary;
      });
      const names = registerNames(ctx, stored.workspacePath, lang);
      return {
        caseId: stored.id,
        searchedAt: lastSearchSummary(ctx.db, stored.id)?.finishedAt ?? null,
        total: findingCount(ctx.db, stored.id),
        offset,
        rows,
        categories: [...names.categories].map(([id, name]) => ({ id, name })),
        activities: [...names.activities].map(([id, name]) => ({ id, name })),
      };
    },

    detail: async ({ caseId, findingId, lang }) => detail(caseOf(caseId), findingId, lang),

    async mailHtml({ caseId, findingId }) {
      const stored = caseOf(caseId);
      return { html: await mailHtml(findingOf(stored.id, findingId), ctx.workspace(stored.workspacePath ?? ctx.workspacePath), ctx.ports.keychain) };
    },

    async scanPage({ caseId, findingId, page }) {
      const stored = caseOf(caseId);
      return scanPage(findingOf(stored.id, findingId), ctx.workspace(stored.workspacePath ?? ctx.workspacePath), ctx.ports.keychain, page);
    },

    async decide({ caseId, findingIds, decision, reason }) {
      const stored = caseOf(caseId);
      decideFindings(ctx.db, stored.id, findingIds, { state: REVIEW_STATE[decision], reason }, options());
      const review = loadReview(ctx.db, stored.id);
      // The decision applied to every copy of the same data too: the UI updates them all.
      return withCopies(ctx.db, stored.id, findingIds).map((id) => decisionOf(review, id));
    },

    async redact({ caseId, findingId, redactions, lang }) {
      const stored = caseOf(caseId);
      const finding = findingOf(stored.id, findingId);
      const hasAttachments = finding.record?.kind === 'mail' && (finding.record.attachments?.length ?? 0) > 0;
      const attachments = hasAttachments ? (await thirdPartyOf(stored, finding)).attachments.map((a) => a.text) : [];
      const texts = [finding.title, ...recordTexts(finding.record).map((t) => t.text), ...attachments];
      for (const r of redactions) {
        // A stale or hostile UI must not add text that this record does not contain: a redaction
        // removes it from the copy and the log keeps its hash, which would then be meaningless.
        if (!r.caseWide && !texts.some((t) => compileRedactions([{ text: r.text }], '').matches(t))) {
          throw new ConflictError(`finding ${findingId} does not contain "${r.text}"`);
        }
      }
      const review = loadReview(ctx.db, stored.id);
      ctx.db
        .transaction(() => {
          for (const r of redactions) addRedaction(ctx.db, stored.id, r.caseWide ? null : findingId, r.text, r.reason, options());
          // Redacting a finding means it goes into the answer; a decision already taken stands.
          if (!review.decisions.has(findingId)) decideFindings(ctx.db, stored.id, [findingId], { state: 'included', reason: null }, options());
        })
        .immediate();
      return detail(stored, findingId, lang);
    },

    async unredact({ caseId, findingId, redactionId, reason, lang }) {
      const stored = caseOf(caseId);
      findingOf(stored.id, findingId);
      const review = loadReview(ctx.db, stored.id);
      const redaction = review.redactions.find((r) => String(r.id) === redactionId);
      // Only a redaction this finding shows: its own or a case-wide one; a stale screen gets a conflict.
      if (!redaction || (redaction.findingId !== null && redaction.findingId !== findingId)) {
        throw new ConflictError(`finding ${findingId} has no redaction ${redactionId}`);
      }
      removeRedaction(ctx.db, stored.id, redaction.id, { ...options(), reason, findingId: redaction.findingId });
      return detail(stored, findingId, lang);
    },

    async setActivities({ caseId, findingId, activities, lang }) {
      const stored = caseOf(caseId);
      findingOf(stored.id, findingId);
      const register = ctx.workspace(stored.workspacePath ?? ctx.workspacePath).register;
      setFindingActivities(ctx.db, stored.id, findingId, activities, register, options());
      return detail(stored, findingId, lang);
    },

    async audit({ caseId }) {
      return readAuditLog(ctx.db, caseOf(caseId).id).map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, detail: { ...e.detail } }));
    },
  };
}

/** Localized names of the register's categories and activities, for filters and charts. */
export function registerNames(
  ctx: AppContext,
  workspacePath: string | null,
  lang: Lang,
): { categories: Map<string, string>; activities: Map<string, string>; sources: Map<string, string> } {
  try {
    const { register, sources } = ctx.workspace(workspacePath ?? ctx.workspacePath);
    return {
      categories: new Map(register.categories.map((c) => [c.id, localize(c.name, lang)])),
      activities: new Map(register.activities.map((a) => [a.id, localize(a.name, lang)])),
      // The workspace's `label:` of a source, where it gives one ("Archiv Vertrieb").
      sources: new Map(sources.flatMap((s) => (s.config.label ? [[s.config.id, s.config.label] as const] : []))),
    };
  } catch {
    return { categories: new Map(), activities: new Map(), sources: new Map() };
  }
}
