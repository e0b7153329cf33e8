import { createHash } from 'node:crypto';
import type { Locator } from '../../shared/findings.js';

/**
 * A finding's id is derived from where the record lives, so the same record gets the same id in
 * every run: decisions made in review survive a re-search.
 *
 * A nested value (a database row's `key`) enters as JSON with sorted keys: as `String()` it would be
 * "[object Object]", and every row of a table would share one id. A row found by its key keeps its
 * id when its values change (`hash` only lets readOriginal tell a changed row); a row without a key
 * is named by its place and its hash together.
 */
export function findingId(sourceId: string, locator: Locator): string {
  const canonical = Object.keys(locator)
    .filter((key) => !(key === 'hash' && locator.key !== undefined))
    .sort()
    .map((key) => `${key}=${canonicalValue(locator[key as keyof Locator])}`)
    .join('\n');
  return createHash('sha256').update(`${sourceId}\n${canonical}`).digest('hex').slice(0, 16);
}

/** Scalars as before (ids of existing findings stay), objects as JSON with their keys sorted. */
function canonicalValue(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  const sorted = (v: unknown): unknown =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]))
      : v;
  return JSON.stringify(sorted(value));
}
