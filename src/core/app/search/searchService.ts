import { randomUUID } from 'node:crypto';
import { MAX_WARNINGS_SHOWN, type AuskunftHandlers, type SearchStatus, type SourceSearchStatus } from '../../../shared/api.js';
import { changeCaseStatus } from '../../cases/changeCaseStatus.js';
import { searchCase } from '../../cases/searchCase.js';
import { CaseNotFoundError, getCase, parseCaseId, type CaseId } from '../../store/index.js';
import { ConflictError, type AppContext } from '../context.js';
import { keychainSecrets } from '../sources/secretResolver.js';
import { etaSeconds } from './eta.js';

/** Progress events are coalesced to at most one per this interval: enough for a smooth bar, cheap over IPC. */
const PROGRESS_INTERVAL_MS = 150;

interface RunningSearch {
  status: SearchStatus;
  readonly controller: AbortController;
}

/**
 * Searches with progress and cancel, through core/cases' searchCase (which records the run with its
 * audit entry). Sources run one after another; a source's final status, counts and warnings arrive
 * with the result. A cancelled search is recorded like any other, its unfinished sources `partial`
 * with the reason, so the gap is visible instead of silent.
 */
export function searchService(ctx: AppContext): AuskunftHandlers['search'] & { readonly idle: () => Promise<void> } {
  const searches = new Map<string, RunningSearch>();
  const latestOfCase = new Map<string, string>();
  const pending = new Set<Promise<void>>();

  async function run(search: RunningSearch, caseId: CaseId): Promise<void> {
    let lastEmit = 0;
    const emit = (force = false) => {
      const now = Date.now();
      if (!force && now - lastEmit < PROGRESS_INTERVAL_MS) return;
      lastEmit = now;
      ctx.ports.emit({ type: 'search', status: structuredClone(search.status) });
    };
    const entry = (id: string) => search.status.sources.find((s) => s.id === id);
    let current: { id: string; started: number } | null = null;

    const { result } = await searchCase(ctx.db, caseId, {
      signal: search.controller.signal,
      secrets: keychainSecrets(ctx.ports.keychain),
      now: () => ctx.ports.now(),
      ...(ctx.actor ? { actor: ctx.actor } : {}),
      onProgress: (sourceId, p) => {
        if (current?.id !== sourceId) {
          // Sources run in workspace order: every source before this one has finished.
          for (const s of search.status.sources) {
            if (s.id === sourceId) break;
            if (s.state === 'waiting' || s.state === 'running') s.state = 'ok';
          }
          current = { id: sourceId, started: Date.now() };
        }
        const s = entry(sourceId);
        if (!s) return;
        s.state = 'running';
        s.scanned = p.scanned;
        s.total = p.total ?? null;
        s.detail = p.detail ?? null;
        s.share = p.share ?? null;
        s.etaSeconds = etaSeconds(Date.now() - current.started, p.scanned, p.total, p.share);
        emit();
      },
    });

    const cancelled = search.controller.signal.aborted;
    for (const s of search.status.sources) {
      const report = result.sources.find((r) => r.id === s.id);
      if (!report) {
        s.state = cancelled ? 'cancelled' : s.state;
        continue;
      }
      const cancelledHere = cancelled && report.warnings.some((w) => w.uncovered && w.message.includes('cancelled'));
      Object.assign(s, {
        state: cancelledHere ? 'cancelled' : report.status,
        scanned: report.scanned,
        etaSeconds: null,
        share: null,
        findings: result.findings.filter((f) => f.source === s.id).length,
        warnings: report.warnings.slice(0, MAX_WARNINGS_SHOWN),
        warningCount: report.warnings.length,
        error: report.error,
      } satisfies Partial<SourceSearchStatus>);
    }
    const stored = getCase(ctx.db, caseId);
    // The findings wait for review now; the move is audited like one the officer makes.
    if (stored?.status === 'open' && !cancelled) changeCaseStatus(ctx.db, caseId, 'review', { now: ctx.ports.now(), ...(ctx.actor ? { actor: ctx.actor } : {}) });
    search.status = { ...search.status, state: cancelled ? 'cancelled' : 'done', finishedAt: ctx.ports.now().toISOString() };
    emit(true);
    ctx.ports.emit({ type: 'cases' });
  }

  return {
    async start({ caseId }) {
      const id = parseCaseId(caseId);
      const previous = latestOfCase.get(id);
      if (previous && searches.get(previous)?.status.state === 'running') throw new ConflictError(`a search for case ${id} is already running`);
      const stored = getCase(ctx.db, id);
      if (!stored) throw new CaseNotFoundError(id);
      // Loaded here as well so a broken workspace is an error of this call, not of a background task.
      ctx.reloadWorkspace();
      const workspace = ctx.workspace(stored.workspacePath ?? ctx.workspacePath);

      const searchId = randomUUID();
      const search: RunningSearch = {
        controller: new AbortController(),
        status: {
          searchId,
          caseId: id,
          state: 'running',
          startedAt: ctx.ports.now().toISOString(),
          finishedAt: null,
          error: null,
          sources: workspace.sources.map((s) => ({
            id: s.config.id,
            type: s.config.type,
            state: 'waiting',
            scanned: 0,
            total: null,
            detail: null,
            etaSeconds: null,
            share: null,
            findings: 0,
            warnings: [],
            warningCount: 0,
            error: null,
          })),
        },
      };
      searches.set(searchId, search);
      latestOfCase.set(id, searchId);
      const done = run(search, id)
        .catch((err: unknown) => {
          search.status = { ...search.status, state: 'failed', finishedAt: ctx.ports.now().toISOString(), error: err instanceof Error ? err.message : String(err) };
          ctx.ports.emit({ type: 'search', status: structuredClone(search.status) });
        })
        .finally(() => pending.delete(done));
      pending.add(done);
      return structuredClone(search.status);
    },

    async cancel({ searchId }) {
      const search = searches.get(searchId);
      if (!search || search.status.state !== 'running') return { cancelled: false };
      search.controller.abort();
      return { cancelled: true };
    },

    async status({ caseId }) {
      const searchId = latestOfCase.get(parseCaseId(caseId));
      const search = searchId ? searches.get(searchId) : undefined;
      return search ? structuredClone(search.status) : null;
    },

    /** Resolves when no search is running (tests, shutdown). */
    idle: async () => {
      await Promise.all([...pending]);
    },
  };
}
