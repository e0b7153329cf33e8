import { relative, sep } from 'node:path';
import type { SubjectQuery } from '../../../domain/subjectQuery.js';
import type { SearchContext, SearchEvent } from '../../connector.js';
import { readFileWithinLimit } from '../readFileWithinLimit.js';
import { MAX_MESSAGE_BYTES } from './mailLimits.js';
import { mailEvents } from './mailEvents.js';
import { scanCandidateMessage } from './scanMessage.js';

/** How often a file-based mail source reports progress; often enough for a smooth bar, rarely enough to cost nothing. */
export const PROGRESS_EVERY = 250;

/** Scan one-message-per-file sources (eml folders, maildirs). `root` is the configured folder. */
export async function* scanMessageFiles(
  files: AsyncIterable<string>,
  root: { readonly absolute: string; readonly configured: string },
  subject: SubjectQuery,
  ctx: SearchContext,
): AsyncGenerator<SearchEvent> {
  let scanned = 0;
  for await (const file of files) {
    ctx.signal.throwIfAborted();
    const path = locatorPath(root, file);
    const read = await readFileWithinLimit(file, MAX_MESSAGE_BYTES, { path }, 'message');
    if ('warning' in read) {
      yield read.warning;
      continue;
    }
    yield* mailEvents(await scanCandidateMessage(read.bytes, subject), { path });
    if (++scanned % PROGRESS_EVERY === 0) ctx.progress({ scanned });
  }
  ctx.progress({ scanned });
}

/** The path the officer configured plus the file below it, with forward slashes on every OS. */
export function locatorPath(root: { readonly absolute: string; readonly configured: string }, file: string): string {
  const below = relative(root.absolute, file).split(sep).join('/');
  const base = root.configured.replace(/\\/g, '/').replace(/\/+$/, '');
  return below ? `${base}/${below}` : base;
}
