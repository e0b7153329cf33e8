import { randomUUID } from 'node:crypto';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { AuskunftHandlers, ExportStatus } from '../../../shared/api.js';
import { confirmNoData, noDataConfirmations } from '../../cases/noDataConfirmations.js';
import { unsearchedActivities } from '../../export/coverage.js';
import { exportCasePackage } from '../../export/exportCasePackage.js';
import { localize } from '../../register/localizedText.js';
import { latestSearchRunWithoutFindings } from '../../store/latestSearchRun.js';
import type { CaseId } from '../../store/ids.js';
import { loadReview } from '../../review/loadReview.js';
import { CaseNotFoundError, getCase, latestRunId, parseCaseId } from '../../store/index.js';
import { ConflictError, NotFoundError, type AppContext } from '../context.js';
import { findingSummaries } from '../review/findingSummaries.js';
import { decisionOf } from '../review/reviewDecisions.js';

/** The steps core/export reports, in order, for the progress bar. */
const STEPS = ['files', 'pdf', 'json', 'manifest', 'zip', 'report', 'publish'] as const;

/** The response package through core/export: what goes in, writing it with progress, and showing the folder. */
export function exportService(ctx: AppContext): AuskunftHandlers['exports'] & { readonly idle: () => Promise<void> } {
  const exports = new Map<string, ExportStatus>();
  const pending = new Set<Promise<void>>();

  const preview = (caseId: string) => {
    const id = parseCaseId(caseId);
    if (!getCase(ctx.db, id)) throw new CaseNotFoundError(id);
    const review = loadReview(ctx.db, id);
    const counts = { include: 0, redact: 0, exclude: 0, open: 0 };
    let undecidedStrong = 0;
    for (const row of findingSummaries(ctx.db, id)) {
      const state = decisionOf(review, row.id).state;
      counts[state]++;
      if (state === 'open' && row.strength === 'strong') undecidedStrong++;
    }
    const blockers = latestRunId(ctx.db, id) === undefined ? (['noSearch'] as const) : [];
    return { caseId: id, included: counts.include, redacted: counts.redact, excluded: counts.exclude, undecided: counts.open, undecidedStrong, blockers: [...blockers], unsearched: unsearched(id) };
  };
  /** The activities no searched source covers, from the latest run and its workspace, with the officer's confirmations. */
  const unsearched = (id: CaseId) => {
    const run = latestSearchRunWithoutFindings(ctx.db, id);
    if (!run) return [];
    const workspace = ctx.workspace(run.workspacePath);
    const confirmed = noDataConfirmations(ctx.db, id);
    return unsearchedActivities(workspace.register, workspace.sources.map((s) => s.config), run.result.sources).map((a) => ({
      id: a.id,
      name: localize(a.name, 'de'),
      confirmed: confirmed.has(a.id),
    }));
  };

  return {
    preview: async ({ caseId }) => preview(caseId),

    async confirmNoData({ caseId, activityIds }) {
      const id = parseCaseId(caseId);
      const run = latestSearchRunWithoutFindings(ctx.db, id);
      if (!run) throw new ConflictError('search first: the case has no search results yet');
      confirmNoData(ctx.db, id, activityIds, ctx.workspace(run.workspacePath).register, { now: ctx.ports.now(), ...(ctx.actor ? { actor: ctx.actor } : {}) });
      return preview(caseId);
    },

    async start({ caseId, lang, password, acceptUndecided }) {
      const check = preview(caseId);
      if (check.blockers.length) throw new ConflictError('search first: the case has no search results yet');
      // Undecided findings are not part of the answer; the officer must say they know.
      if (check.undecided > 0 && !acceptUndecided) throw new ConflictError(`${check.undecided} findings are undecided and would be left out: decide them, or confirm`);
      const id = check.caseId;
      const stamp = ctx.ports.now().toISOString().replace(/[:.]/g, '-');
      const out = join(ctx.exportsDir, `${id}_${stamp}`);
      const status: ExportStatus = { exportId: randomUUID(), caseId: id, state: 'running', step: 'files', done: 0, total: STEPS.length, path: null, files: [], internPath: null, summary: null, error: null };
      exports.set(status.exportId, status);
      const emit = () => ctx.ports.emit({ type: 'export', status: structuredClone(status) });
      const work = (async () => {
        try {
          await mkdir(ctx.exportsDir, { recursive: true, mode: 0o700 });
          const summary = await exportCasePackage(ctx.db, id, {
            out,
            lang,
            ...(password ? { password } : {}),
            now: ctx.ports.now(),
            ...(ctx.actor ? { actor: ctx.actor } : {}),
            onStep: (step) => {
              Object.assign(status, { step, done: Math.max(status.done, STEPS.indexOf(step as (typeof STEPS)[number]) + 1) });
              emit();
            },
          });
          Object.assign(status, {
            state: 'done',
            done: STEPS.length,
            path: summary.dir,
            files: await listFiles(summary.dir),
            internPath: summary.internDir,
            summary: {
              items: summary.items,
              pages: summary.pages,
              withheld: summary.withheld,
              redactedItems: summary.redactedItems,
              zip: summary.zip,
              auditProblems: [...summary.auditProblems],
              retentionWarnings: summary.retentionWarnings.map((w) => ({ finding: w.finding, source: w.source, date: w.date, activity: w.activity, retentionDays: w.retentionDays, ageDays: w.ageDays })),
              notSearched: summary.notSearched.map((a) => a.id),
            },
          });
          ctx.ports.emit({ type: 'cases' });
        } catch (err) {
          Object.assign(status, { state: 'failed', error: err instanceof Error ? err.message : String(err) });
        }
        emit();
      })().finally(() => pending.delete(work));
      pending.add(work);
      return structuredClone(status);
    },

    status: async ({ exportId }) => {
      const status = exports.get(exportId);
      return status ? structuredClone(status) : null;
    },

    async openFolder({ exportId }) {
      // Only folders this process wrote can be opened: the renderer never names a path to open.
      const status = exports.get(exportId);
      if (!status?.path) throw new NotFoundError(`no finished export ${exportId}`);
      if (!ctx.ports.openFolder) return { opened: false };
      await ctx.ports.openFolder(status.path);
      return { opened: true };
    },

    idle: async () => {
      await Promise.all([...pending]);
    },
  };
}

/** Every file of the package with its size, paths relative to the package folder with `/`. */
async function listFiles(dir: string): Promise<{ name: string; bytes: number }[]> {
  const out: { name: string; bytes: number }[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    out.push({ name: relative(dir, full).split(sep).join('/'), bytes: (await stat(full)).size });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
