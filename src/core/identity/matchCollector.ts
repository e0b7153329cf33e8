import type { IdentifierType, Match } from '../../shared/findings.js';

/**
 * Collects the matches of one scan, one per (type, value): a finding lists which identifiers it
 * contains, not every occurrence. The first occurrence wins, so `found` shows the earliest spelling.
 */
export class MatchCollector {
  private readonly seen = new Set<string>();
  private readonly out: Match[] = [];

  constructor(private readonly field: string | undefined) {}

  /** True once `value` of `type` was recorded: scanners use it to stop looking for it. */
  has(type: IdentifierType, value: string): boolean {
    return this.seen.has(`${type}\u0000${value}`);
  }

  /** Record a match; `found` is kept only where the text differs from the subject's value. */
  add(type: IdentifierType, value: string, found?: string): void {
    const key = `${type}\u0000${value}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const match: Match = { type, value };
    if (this.field !== undefined) match.field = this.field;
    if (found !== undefined && found !== value) match.found = found;
    this.out.push(match);
  }

  /** The matches in the order they were found. */
  matches(): Match[] {
    return this.out;
  }
}
