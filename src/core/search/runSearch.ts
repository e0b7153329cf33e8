import type { Finding, IdentifierWarning, Match, MatchGuard, SearchResult, SourceReport, SourceWarning } from '../../shared/findings.js';
import type { Subject } from '../../shared/subject.js';
import { SourceError, type DerivedTextCache, type SearchContext, type SourceProgress, type SourceStateStore } from '../connectors/connector.js';
import type { SubjectQuery } from '../domain/subjectQuery.js';
import { strengthOf } from '../identity/compileSubject.js';
import { compileControllerIdentity } from '../identity/controllerIdentity.js';
import { guardIdentifiers, overBroadIdentifiers, overBroadWarning } from '../identity/identifierGuard.js';
import { identifierKey, normalizeSubject } from '../identity/subjectIdentifiers.js';
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
  /** Where sources keep text they derived at great cost (OCR), shared by all sources. */
  readonly textCache?: DerivedTextCache;
  /** Search only these sources (default: all). */
  readonly sourceIds?: ReadonlyArray<string>;
}

/**
 * Search every source of a workspace for one subject (docs/ARCHITECTURE.md "auskunft search"). A source that
 * fails is reported as `failed` with its reason and the others still run; nothing is dropped silently.
 *
 * The identifier guard runs here, so that `search`, `run`, `case search` and the app apply it alike:
 * an identifier of the controller (its address, domains, role mailboxes, switchboard) is searched,
 * but its matches are marked and count as weak; an identifier that alone matches an outsized share of
 * a source's records is marked over-broad there. Each is named in `identifierWarnings`.
 *
 * @example
 *   const result = await runSearch(loadWorkspace('auskunft.yaml'), subject, compileSubject(subject));
 *   const incomplete = result.sources.filter((s) => s.status !== 'ok');
 */
export async function runSearch(workspace: Workspace, subject: Subject, query: SubjectQuery, options: SearchOptions = {}): Promise<SearchResult> {
  const sources: SourceReport[] = [];
  const findings: Finding[] = [];
  const { guards, warnings: identifierWarnings } = guardIdentifiers(normalizeSubject(subject).identifiers, compileControllerIdentity(workspace.controller));
  for (const source of workspace.sources) {
    if (options.sourceIds && !options.sourceIds.includes(source.config.id)) continue;
    const { report, found } = await searchSource(workspace, source, query, guards, options);
    for (const [key, id] of overBroadIdentifiers(found, report.scanned)) {
      identifierWarnings.push(overBroadWarning(report.id, id, report.scanned));
      markGuarded(found, new Map([[key, 'over-broad']]));
    }
    sources.push(report);
    findings.push(...found);
  }
  return { subject, sources, findings, identifierWarnings };
}

/** Mark the matches of guarded identifiers and recompute the strength of the findings they are in. */
function markGuarded(findings: Finding[], guards: ReadonlyMap<string, MatchGuard>): void {
  for (const f of findings) {
    if (!f.matches.some((m) => m.guard === undefined && guards.has(identifierKey(m.type, m.value)))) continue;
    f.matches = guardMatches(f.matches, guards);
    f.strength = strengthOf(f.matches);
  }
}

function guardMatches(matches: readonly Match[], guards: ReadonlyMap<string, MatchGuard>): Match[] {
  if (guards.size === 0) return [...matches];
  return matches.map((m) => {
    const guard = m.guard ?? guards.get(identifierKey(m.type, m.value));
    return guard === undefined ? m : { ...m, guard };
  });
}

/** The warnings of a search result, empty for results written before the guard. */
export function identifierWarningsOf(result: Pick<SearchResult, 'identifierWarnings'>): readonly IdentifierWarning[] {
  return result.identifierWarnings ?? [];
}

async function searchSource(
  workspace: Workspace,
  source: WorkspaceSource,
  query: SubjectQuery,
  guards: ReadonlyMap<string, MatchGuard>,
  options: SearchOptions,
): Promise<{ report: SourceReport; found: Finding[] }> {
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
    ...(options.textCache && { textCache: options.textCache }),
  };

  let error: string | null = null;
  try {
    for await (const event of source.connector.search(source.config, query, ctx)) {
      if (event.kind === 'warning') {
        warnings.push(event.uncovered ? { locator: event.locator, message: event.message, uncovered: true } : { locator: event.locator, message: event.message });
        continue;
      }
      const matches = guardMatches(event.matches, guards);
      found.push({
        id: findingId(id, event.locator),
        source: id,
        locator: event.locator,
        strength: strengthOf(matches),
        matches,
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
