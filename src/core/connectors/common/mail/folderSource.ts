import { stat } from 'node:fs/promises';
import type { SubjectQuery } from '../../../domain/subjectQuery.js';
import { SourceError, type CheckResult, type SearchContext, type SearchEvent } from '../../connector.js';
import { runCheck } from '../check.js';
import { scanMessageFiles } from './mailFiles.js';
import { walkFiles, type UnreadableFolder } from './walkFiles.js';

/** Shared by the eml and maildir connectors: a folder tree with one message per file. */
export async function* searchMessageFolder(
  configuredPath: string,
  accept: (path: string, name: string) => boolean,
  subject: SubjectQuery,
  ctx: SearchContext,
): AsyncGenerator<SearchEvent> {
  const absolute = await requireFolder(configuredPath, ctx);
  const unreadable: UnreadableFolder[] = [];
  const files = walkFiles(absolute, accept, (problem) => unreadable.push(problem));
  yield* scanMessageFiles(files, { absolute, configured: configuredPath }, subject, ctx);
  for (const { folder, reason } of unreadable) {
    yield { kind: 'warning', locator: { path: folder }, message: `cannot list folder (${reason}); its messages were not searched`, uncovered: true };
  }
}

/** The folder's absolute path; a missing or non-folder path fails the whole source. */
export async function requireFolder(configuredPath: string, ctx: SearchContext): Promise<string> {
  const absolute = ctx.resolvePath(configuredPath);
  const info = await stat(absolute).catch((err: NodeJS.ErrnoException) => {
    throw new SourceError(`folder ${configuredPath} ${err.code === 'ENOENT' ? 'does not exist' : `cannot be read (${err.code})`}`);
  });
  if (!info.isDirectory()) throw new SourceError(`${configuredPath} is not a folder`);
  return absolute;
}

/** `check()` for folder sources: the folder exists and can be listed. */
export function checkFolder(configuredPath: string, ctx: SearchContext): Promise<CheckResult> {
  return runCheck(async () => {
    await requireFolder(configuredPath, ctx);
    return `folder ${configuredPath} is readable`;
  });
}
