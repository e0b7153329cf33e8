import { randomUUID } from 'node:crypto';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { AuskunftHandlers, ExportStatus } from '../../../shared/api.js';
import { exportCasePackage } from '../../export/exportCasePackage.js';
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
    return { caseId: id, included: counts.include, redacted: counts.redact, excluded: counts.exclude, undecided: counts.open, undecidedStrong, blockers: [...blockers] };
  };

  return {
    preview: async ({ caseId }) => preview(caseId),

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
            summary: { items: summary.items, pages: summary.pages, withheld: summary.withheld, redactedItems: summary.redactedItems, zip: summary.zip, auditProblems: [...summary.auditProblems] },
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
