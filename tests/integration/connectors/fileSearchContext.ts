import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterAll } from 'vitest';
import type { FoundRecord, FoundWarning, SearchContext, SearchEvent, SourceProgress } from '../../../src/core/connectors/connector.js';
import { compileSubject } from '../../../src/core/identity/compileSubject.js';
import type { SubjectQuery } from '../../../src/core/domain/subjectQuery.js';
import { SubjectSchema } from '../../../src/shared/subject.js';

/** A SearchContext for file connectors: paths from a temp dir, progress recorded, no secrets. */
export interface FileTestContext extends SearchContext {
  readonly progressLog: SourceProgress[];
  readonly abort: AbortController;
}

export function fileSearchContext(dir: string): FileTestContext {
  const abort = new AbortController();
  const progressLog: SourceProgress[] = [];
  return {
    signal: abort.signal,
    abort,
    sourceId: 'test',
    resolvePath: (p) => (isAbsolute(p) ? p : join(dir, p)),
    resolveSecret: async () => {
      throw new Error('file sources have no secrets');
    },
    progress: (update) => progressLog.push(update),
    progressLog,
  };
}

/** A temp dir for this test file, removed after its tests. */
export function tempDirForFile(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The subject as the officer would record it, compiled by the real matcher. */
export function subjectQuery(subject: Record<string, unknown>): SubjectQuery {
  return compileSubject(SubjectSchema.parse(subject));
}

export interface Collected {
  readonly findings: FoundRecord[];
  readonly warnings: FoundWarning[];
}

export async function collect(events: AsyncIterable<SearchEvent>): Promise<Collected> {
  const findings: FoundRecord[] = [];
  const warnings: FoundWarning[] = [];
  for await (const event of events) (event.kind === 'finding' ? findings : warnings).push(event as never);
  return { findings, warnings };
}
