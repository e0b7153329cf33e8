import type { Finding, SearchResult, SourceReport, SourceWarning } from '../../shared/findings.js';
import type { Subject } from '../../shared/subject.js';
import { SourceError, type SearchContext, type SourceProgress, type SourceStateStore } from '../connectors/connector.js';
import type { SubjectQuery } from '../domain/subjectQuery.js';
import { strengthOf } from '../identity/compileSubject.js';
import type { Workspace, WorkspaceSource } from '../workspace/workspace.js';
import { resolve } from 'node:path';
import { findingCategories } from './findingCategories.js';
import { findingId } from './findingId.js';
import { environmentSecrets, type SecretResolver } from './secrets.js';

export interface SearchOptions {
  readonly signal?: AbortSignal;
  /** Called as each source advances; the CLI draws a status line, the app a progress bar. */
  readonly onProgress?: (sourceId: string, progress: SourceProgress) => void;
  readonly secrets?: SecretResolver;
  readonly stateFor?: (sourceId: string) => SourceStateStore;
  /** Search only these sources (default: all). */
  readonly sourceIds?: ReadonlyArray<string>;
}

/**
 * Search every source of a workspace for one subject (DESIGN.md "auskunft search"). A source that
 * fails is reported as `failed` with its reason and the others still run; nothing is dropped silently.
 *
 * @example
 *   const result = await runSearch(loadWorkspace('auskunft.yaml'), subject, compileSubject(subject));
 *   const incomplete = result.sources.filter((s) => s.status !== 'ok');
 */
export async function runSearch(workspace: Workspace, subject: Subject, query: SubjectQuery, options: SearchOptions = {}): Promise<SearchResult> {
  const sources: SourceReport[] = [];
  const findings: Finding[] = [];
  for (const source of workspace.sources) {
    if (options.sourceIds && !options.sourceIds.includes(source.config.id)) continue;
    const { report, found } = await searchSource(workspace, source, query, options);
    sources.push(report);
    findings.push(...found);
  }
  return { subject, sources, findings };
}

async function searchSource(workspace: Workspace, source: WorkspaceSource, query: SubjectQuery, options: SearchOptions): Promise<{ report: SourceReport; found: Finding[] }> {
  const { id, type } = source.config;
  const warnings: SourceWarning[] = [];
  const found: Finding[] = [];
  let scanned = 0;
  const ctx: SearchContext = {
    signal: options.signal ?? new AbortController().signal,
    sourceId: id,
    resolvePath: (path) => resolve(workspace.dir, path),
    resolveSecret: options.secrets ?? environmentSecrets,
    progress: (progress) => {
      scanned = progress.scanned;
      options.onProgress?.(id, progress);
    },
    state: options.stateFor?.(id),
  };

  let error: string | null = null;
  try {
    for await (const event of source.connector.search(source.config, query, ctx)) {
      if (event.kind === 'warning') {
        warnings.push(event.uncovered ? { locator: event.locator, message: event.message, uncovered: true } : { locator: event.locator, message: event.message });
        continue;
      }
      found.push({
        id: findingId(id, event.locator),
        source: id,
        locator: event.locator,
        strength: strengthOf(event.matches),
        matches: event.matches,
        activities: [...source.activities],
        categories: findingCategories(event.matches, event.record),
        title: event.title,
        date: event.date,
        ...(event.record ? { record: event.record } : {}),
      });
    }
  } catch (err) {
    if (ctx.signal.aborted) {
      warnings.push({ locator: {}, message: 'search was cancelled before this source was finished', uncovered: true });
    } else {
      // A SourceError is an expected, explained failure; anything else is still reported per source
      // so one broken source never hides the results of the others.
      error = err instanceof SourceError ? err.message : `unexpected error: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  // A source that broke off after reading records is partial: what was found stays, the rest is a gap.
  const started = scanned > 0 || found.length > 0;
  const status = error ? (started ? 'partial' : 'failed') : warnings.some((w) => w.uncovered) ? 'partial' : 'ok';
  return { report: { id, type, status, scanned, warnings, error }, found };
}
