import type { CaseId, RunId } from './ids.js';

/**
 * How complete a search run was, in the terms of the CLI's exit code (docs/ARCHITECTURE.md "Exit codes"): `ok`
 * when every source was read completely, `failed` when none could be read, `partial` otherwise.
 * `running` marks a run that has started and not yet been recorded as finished.
 */
export type SearchRunStatus = 'running' | 'ok' | 'partial' | 'failed';

export interface SearchRunRecord {
  readonly id: RunId;
  readonly caseId: CaseId;
  readonly startedAt: string; // ISO 8601 UTC
  readonly finishedAt: string | null;
  readonly status: SearchRunStatus;
  readonly workspacePath: string;
}
