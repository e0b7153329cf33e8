import { resolve } from 'node:path';
import { loadSubject } from '../../core/config/loadSubject.js';
import { writeFileAtomic } from '../../core/export/atomicWrite.js';
import { runSearch } from '../../core/search/runSearch.js';
import { loadWorkspace } from '../../core/workspace/loadWorkspace.js';
import type { SearchResult } from '../../shared/findings.js';
import { printSummary, progressLine, say } from '../output.js';

export interface SearchArgs {
  readonly workspace: string;
  readonly subject: string;
  readonly out: string;
}

/** Exit codes of docs/ARCHITECTURE.md: 0 every source complete, 3 written but some source partial or failed. */
export function exitCodeFor(result: SearchResult): number {
  return result.sources.every((s) => s.status === 'ok') ? 0 : 3;
}

/** `auskunft search`: load and check all inputs first (exit 2, nothing written), then search. */
export async function searchCommand(args: SearchArgs): Promise<number> {
  const workspace = loadWorkspace(args.workspace);
  const { subject, query } = loadSubject(args.subject);
  const progress = progressLine();
  const result = await runSearch(workspace, subject, query, { onProgress: progress.update });
  progress.done();
  const out = resolve(args.out);
  await writeFileAtomic(out, `${JSON.stringify(result, null, 2)}\n`);
  printSummary(result);
  say(`wrote ${out}`);
  return exitCodeFor(result);
}
