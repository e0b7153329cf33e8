import { basename } from 'node:path';
import type { SubjectQuery } from '../../../domain/subjectQuery.js';
import { SourceError, type SearchContext, type SearchEvent } from '../../connector.js';
import { buildColumnPlan, type ColumnPlan } from './columnPlan.js';
import { csvRecordBatches } from './csvRecordBatches.js';
import type { CsvRecord } from './csvRecordReader.js';
import { describeRow, scanRowMatches } from './scanRow.js';
import type { TableConfig } from './tableConfig.js';
import { PROGRESS_EVERY_ROWS } from './tableLimits.js';

/**
 * Searches a CSV file row by row: encoding and delimiter detected (or configured), streamed through
 * csv-parse, one finding per row that concerns the subject, locator `{ line }` = the physical line
 * where the row starts, counting an Excel `sep=` line and the header.
 */
export async function* searchCsv(absolute: string, config: TableConfig, subject: SubjectQuery, ctx: SearchContext): AsyncGenerator<SearchEvent> {
  const rows = new RowHandler(basename(config.path), config, subject, ctx);
  const batches = csvRecordBatches(absolute, { path: config.path, expected: 'a CSV file', encoding: config.encoding, delimiter: config.delimiter, signal: ctx.signal,
    // One regex over each record's raw line instead of one per cell: nearly every row is about
    // someone else, and such a row is not even split into cells unless a hashed column needs them.
    rawFilter: { passes: (raw) => subject.mayConcern(raw), keepCells: Object.keys(config.hashed ?? {}).length > 0 },
  });
  // Events are yielded per batch of records: nearly every batch has none, and a 1M-row file then
  // costs a few thousand trips through the async machinery instead of a million. What a batch
  // produced before an error (an abort, a missing hashed column) is still yielded first.
  const events: SearchEvent[] = [];
  for await (const records of batches) {
    let failure: { error: unknown } | undefined;
    try {
      rows.handle(records, events);
    } catch (error) {
      failure = { error };
    }
    for (const event of events.splice(0)) yield event;
    if (failure) throw failure.error;
  }
  ctx.progress({ scanned: rows.scanned });
}

/** Turns records into findings and warnings; holds the header's column plan. */
class RowHandler {
  scanned = 0;
  private plan: ColumnPlan | undefined;

  constructor(
    private readonly fileName: string,
    private readonly config: TableConfig,
    private readonly subject: SubjectQuery,
    private readonly ctx: SearchContext,
  ) {}

  /** Adds the findings and warnings of `records` to `events`. */
  handle(records: ReadonlyArray<CsvRecord>, events: SearchEvent[]): void {
    for (const record of records) {
      this.ctx.signal.throwIfAborted();
      if (record.problem) events.push({ kind: 'warning', locator: { line: record.line }, message: record.problem });
      if (!this.plan || record.isHeader) {
        const locator = { line: record.line };
        const { plan, unknownColumns, missingHashed } = buildColumnPlan(record.cells, this.config);
        if (missingHashed.length) {
          // The pseudonymised column would go unsearched: that is a gap, not a detail.
          throw new SourceError(`${this.config.path}: hashed column ${missingHashed.map((c) => `"${c}"`).join(', ')} is not in the header (${plan.headers.join(', ')})`);
        }
        for (const name of unknownColumns) events.push({ kind: 'warning', locator, message: `column "${name}" named in columns: is not in the header` });
        this.plan = plan;
        continue;
      }
      const matches = scanRowMatches(this.plan, record.cells, this.subject, { rawMayConcern: record.rawPassed });
      if (++this.scanned % PROGRESS_EVERY_ROWS === 0) this.ctx.progress({ scanned: this.scanned });
      if (!matches.length) continue;
      const row = describeRow(this.plan, record.cells, matches);
      events.push({
        kind: 'finding',
        locator: { line: record.line },
        matches: row.matches,
        title: `${this.fileName}, Zeile ${record.line}${row.label ? `: ${row.label}` : ''}`,
        date: row.date,
        record: { kind: 'row', fields: row.fields },
      });
    }
  }
}
