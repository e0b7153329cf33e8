import type { Locator } from '../../shared/findings.js';
import type { Register } from '../register/registerSchema.js';

/** A record kept longer than its activity's retention period allows (Art. 5(1)(e)), for the officer. */
export interface RetentionWarning {
  readonly finding: string;
  readonly source: string;
  readonly locator: Locator;
  readonly date: string;
  readonly activity: string;
  readonly retentionDays: number;
  readonly ageDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The records older than the `retentionDays` of one of their activities at `now`: a log line of
 * 40 days where the register promises 21 is data that should no longer exist. The answer still
 * contains it (Art. 15 covers what is held, not what should be), but the officer must see it and
 * delete it after answering. Records without a date cannot be judged and are not listed.
 */
export function retentionWarnings(
  register: Register,
  records: Iterable<{ readonly id: string; readonly source: string; readonly locator: Locator; readonly date: string | null; readonly activities: readonly string[] }>,
  now: Date,
): RetentionWarning[] {
  const limit = new Map(register.activities.filter((a) => a.retentionDays !== undefined).map((a) => [a.id, a.retentionDays!]));
  if (limit.size === 0) return [];
  const out: RetentionWarning[] = [];
  for (const r of records) {
    if (!r.date) continue;
    const at = Date.parse(r.date);
    if (Number.isNaN(at)) continue;
    const ageDays = Math.floor((now.getTime() - at) / DAY_MS);
    for (const activity of r.activities) {
      const days = limit.get(activity);
      if (days !== undefined && ageDays > days) out.push({ finding: r.id, source: r.source, locator: r.locator, date: r.date, activity, retentionDays: days, ageDays });
    }
  }
  return out;
}
