import type { SourceProgress } from '../core/connectors/connector.js';
import type { SearchResult } from '../shared/findings.js';

/** Everything the CLI says goes to stderr; stdout stays free for data (`case create` prints an id). */
export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** A one-line, self-overwriting progress display on a terminal; silent when stderr is a file or pipe. */
export function progressLine(): { update(sourceId: string, p: SourceProgress): void; done(): void } {
  const tty = process.stderr.isTTY;
  let last = 0;
  return {
    update(sourceId, p) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const total = p.total ? `/${p.total}` : '';
      const detail = p.detail ? ` ${p.detail}` : '';
      process.stderr.write(`\r\x1b[K${sourceId}: ${p.scanned}${total}${detail}`);
    },
    done() {
      if (tty) process.stderr.write('\r\x1b[K');
    },
  };
}

/** Per source: status, records scanned, findings, and every warning with its locator. */
export function printSummary(result: SearchResult): void {
  for (const source of result.sources) {
    const found = result.findings.filter((f) => f.source === source.id);
    const strong = found.filter((f) => f.strength === 'strong').length;
    say(`${source.id} (${source.type}): ${source.status}, ${source.scanned} scanned, ${strong} strong + ${found.length - strong} weak findings`);
    if (source.error) say(`  error: ${source.error}`);
    for (const w of source.warnings.slice(0, 20)) say(`  warning ${JSON.stringify(w.locator)}: ${w.message}`);
    if (source.warnings.length > 20) say(`  … and ${source.warnings.length - 20} more warnings (see the output file)`);
  }
  // Guarded and over-broad identifiers, by name: their matches were counted as weak.
  for (const w of result.identifierWarnings ?? []) say(`warning: ${w.message}`);
}
