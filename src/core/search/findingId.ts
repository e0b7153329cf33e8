import { createHash } from 'node:crypto';
import type { Locator } from '../../shared/findings.js';

/**
 * A finding's id is derived from where the record lives, so the same record gets the same id in
 * every run: decisions made in review survive a re-search.
 */
export function findingId(sourceId: string, locator: Locator): string {
  const canonical = Object.keys(locator)
    .sort()
    .map((key) => `${key}=${String(locator[key as keyof Locator])}`)
    .join('\n');
  return createHash('sha256').update(`${sourceId}\n${canonical}`).digest('hex').slice(0, 16);
}
