import type { AuskunftHandlers, CaseDetail, CaseSummary, IdentityVerification, Lang } from '../../../shared/api.js';
import type { VerificationInput } from '../../cases/caseIdentifiers.js';
import { caseIdentifiers } from '../../cases/caseIdentifiers.js';
import { checkEntry, enterCase, warningsOfCase } from '../../cases/enterCase.js';
import { latestSearchRunWithoutFindings } from '../../store/latestSearchRun.js';
import type { Workspace } from '../../workspace/workspace.js';
import { changeCaseStatus, FINISHED_STATUSES, nextCaseStatuses } from '../../cases/changeCaseStatus.js';
import { caseDeadline, extendDeadline } from '../../cases/extendDeadline.js';
import { CaseNotFoundError, deleteCase, getCase, listCases, parseCaseId, type CaseId, type CaseSummary as StoredCase } from '../../store/index.js';
import { ConflictError, type AppContext } from '../context.js';
import { daysBetween, deadlineWarning } from '../../cases/deadlineStatus.js';
import { extensionReasonText } from '../../cases/extensionReasons.js';
import { draftExtensionNotice } from '../../cases/extensionNotice.js';
import { formatIdentityVerification, parseIdentityVerification } from '../../cases/identityVerification.js';
import { lastSearchSummary } from '../../cases/lastSearchSummary.js';
import { subjectIssues } from '../../identity/subjectIssues.js';
import { forgetFindingSummaries } from '../review/findingSummaries.js';

/** Cases with their deadlines: list, create, extend, change status, delete. */
export function caseService(ctx: AppContext): AuskunftHandlers['cases'] {
  const summary = (c: StoredCase, lang: Lang = 'de'): CaseSummary => {
    const deadline = caseDeadline(ctx.db, c.id);
    const daysLeft = daysBetween(ctx.today(), deadline.effective);
    const finished = FINISHED_STATUSES.includes(c.status);
    const extension =
      deadline.extendedDue && deadline.extensionReason
        ? {
            until: deadline.extendedDue,
            reason: deadline.extensionReason,
            notice: draftExtensionNotice(
              {
                caseId: c.id,
                subjectName: c.subjectName,
                receivedOn: c.receivedOn,
                until: deadline.extendedDue,
                reason: extensionReasonText(deadline.extensionReasonCodes, deadline.extensionReason, lang),
                controllerName: controllerName(ctx, c.workspacePath),
              },
              lang,
            ),
          }
        : null;
    return {
      id: c.id,
      receivedOn: c.receivedOn,
      status: c.status,
      subjectName: c.subjectName,
      dueOn: deadline.due,
      effectiveDueOn: deadline.effective,
      extension,
      daysLeft,
      warning: deadlineWarning(daysLeft, finished),
      sent: c.sent,
      identityCheck: identityCheckOf(ctx, c.id),
    };
  };
  const detail = (id: CaseId, lang?: Lang): CaseDetail => {
    const c = getCase(ctx.db, id);
    if (!c) throw new CaseNotFoundError(id);
    return {
      ...summary(c, lang),
      subject: c.subject,
      identityVerification: parseIdentityVerification(c.identityVerification),
      identifiers: caseIdentifiers(c),
      identifierWarnings: warningsOfCase(ctx.db, workspaceOf(ctx, c.workspacePath)?.controller, c, latestSearchRunWithoutFindings(ctx.db, c.id)?.result.identifierWarnings),
      workspacePath: c.workspacePath,
      lastSearch: lastSearchSummary(ctx.db, id),
      nextStatuses: [...nextCaseStatuses(c.status)],
      closedAt: c.closedAt,
    };
  };
  const emitCases = () => ctx.ports.emit({ type: 'cases' });
  const options = () => ({ now: ctx.ports.now(), ...(ctx.actor ? { actor: ctx.actor } : {}) });

  return {
    list: async () => listCases(ctx.db).map((c) => summary(c)),
    get: async ({ caseId, lang }) => detail(parseCaseId(caseId), lang),
    async checkSubject({ subject, identityVerification }) {
      // Every unusable identifier at its field, and the normal forms and warnings of the rest.
      const { valid, issues } = subjectIssues(subject);
      const empty = !valid.name && !valid.emails.length && !valid.phones.length && !valid.customerIds.length && !valid.ips.length && !valid.otherIds.length;
      if (empty) return { identifiers: [], warnings: [], issues };
      const { normalized, warnings } = checkEntry(ctx.db, ctx.workspace().controller, valid, identityVerification ? verificationInputs(identityVerification) : []);
      return { identifiers: normalized.identifiers.map((i) => ({ type: i.type, value: i.value, written: [...i.written], label: i.label ?? null })), warnings, issues };
    },
    async create({ receivedOn, subject, identityVerification }) {
      if (receivedOn > ctx.today()) throw new ConflictError(`the request cannot arrive in the future (${receivedOn})`);
      const workspace = ctx.workspace();
      // Fails with the identifier that cannot be searched for (a phone number without area code):
      // accepting it would make every later search silently miss data. The subject is stored
      // normalised, duplicates merged; the warnings are in the detail returned.
      const { created } = enterCase(
        ctx.db,
        workspace.controller,
        { receivedOn, subject, identityVerification: formatIdentityVerification(identityVerification), workspacePath: workspace.file, verifications: verificationInputs(identityVerification) },
        options(),
      );
      emitCases();
      return detail(created.id);
    },
    async extend({ caseId, reason, reasonCodes, lang }) {
      const id = parseCaseId(caseId);
      extendDeadline(ctx.db, id, reason, { ...options(), reasonCodes });
      emitCases();
      return detail(id, lang);
    },
    async setStatus({ caseId, status, reason, sent, lang }) {
      const id = parseCaseId(caseId);
      changeCaseStatus(ctx.db, id, status, { ...options(), reason: reason ?? null, sent: sent ?? null });
      emitCases();
      return detail(id, lang);
    },
    async delete({ caseId }) {
      const deleted = deleteCase(ctx.db, parseCaseId(caseId));
      forgetFindingSummaries();
      emitCases();
      return { deleted };
    },
  };
}

/** The dialog's verification: for the identifiers it lists, or (without a list) for all of them. */
function verificationInputs(v: IdentityVerification): VerificationInput[] {
  if (v.identifiers === undefined) return [{ method: v.method, note: v.note }];
  return v.identifiers.map((identifier) => ({ identifier, method: v.method, note: v.note }));
}

/** Verified and all identifiers of a case, the name aside (a name is never verified on its own). */
function identityCheckOf(ctx: AppContext, caseId: CaseId): { verified: number; total: number } {
  return ctx.db
    .prepare<[string], { verified: number; total: number }>(`SELECT count(verification_method) AS verified, count(*) AS total FROM subject_identifiers WHERE case_id = ? AND type <> 'name'`)
    .get(caseId)!;
}

function workspaceOf(ctx: AppContext, workspacePath: string | null): Workspace | undefined {
  try {
    return ctx.workspace(workspacePath ?? ctx.workspacePath);
  } catch {
    return undefined;
  }
}

function controllerName(ctx: AppContext, workspacePath: string | null): string {
  try {
    return ctx.workspace(workspacePath ?? ctx.workspacePath).controller.name;
  } catch {
    return '';
  }
}
