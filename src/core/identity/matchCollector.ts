import type { IdentifierType, Match } from '../../shared/findings.js';

/**
 * Collects the matches of one scan, one per (type, value): a finding lists which identifiers it
 * contains, not every occurrence. The first occurrence wins, so `found` shows the earliest spelling.
 */
export class MatchCollector {
  /** Values recorded per type; created on the first match, as most scans find nothing. */
  private seen: Map<IdentifierType, Set<string>> | undefined;
  private readonly out: Match[] = [];

  constructor(private readonly field: string | undefined) {}

  /** True once `value` of `type` was recorded: scanners use it to stop looking for it. */
  has(type: IdentifierType, value: string): boolean {
    return this.seen?.get(type)?.has(value) ?? false;
  }

  /** Record a match; `found` is kept only where the text differs from the subject's value. */
  add(type: IdentifierType, value: string, found?: string): void {
    this.seen ??= new Map();
    let values = this.seen.get(type);
    if (!values) {
      values = new Set();
      this.seen.set(type, values);
    }
    if (values.has(value)) return;
    values.add(value);
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
