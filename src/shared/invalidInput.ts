import { fieldIssueFromZod, issueLine, type FieldIssue, type ZodIssueLike } from './fieldMessages.js';

/**
 * The `InvalidInput` error of a call whose payload fails its schema: every issue, each naming its
 * field and what is expected (shared/fieldMessages.ts), and the issues as data so a form can show
 * each one at its field. Main's IPC gateway and the engine's dispatcher both build it here.
 */
export function invalidInputError(
  method: string,
  zodIssues: readonly ZodIssueLike[],
): { name: 'InvalidInput'; message: string; issues: FieldIssue[] } {
  const issues = zodIssues.map(fieldIssueFromZod);
  return { name: 'InvalidInput', message: `${method}: ${issues.map((i) => issueLine(i, 'en')).join('; ')}`, issues };
}
