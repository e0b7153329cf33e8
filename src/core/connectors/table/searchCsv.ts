import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { SubjectQuery } from '../../domain/subjectQuery.js';
import { SourceError, type SearchContext, type SearchEvent } from '../connector.js';
import { buildColumnPlan, type ColumnPlan } from './columnPlan.js';
import { CsvRecordReader, type CsvRecord } from './csvRecordReader.js';
import { LineTooLongError, physicalLineBatches } from './physicalLines.js';
import { describeRow, scanRowMatches } from './scanRow.js';
import { excelSeparatorLine, sniffDelimiter } from './sniffDelimiter.js';
import type { TableConfig } from './tableConfig.js';
import { MAX_LINE_CHARS, PROGRESS_EVERY_ROWS, READ_CHUNK_BYTES, SNIFF_LINES } from './tableLimits.js';
import { decodeText, detectEncoding } from './textEncoding.js';

/**
 * Searches a CSV file row by row: encoding and delimiter detected (or configured), streamed through
 * csv-parse, one finding per row that concerns the subject, locator `{ line }` = the physical line
 * where the row starts, counting an Excel `sep=` line and the header.
 */
export async function* searchCsv(absolute: string, config: TableConfig, subject: SubjectQuery, ctx: SearchContext): AsyncGenerator<SearchEvent> {
  const encoding = config.encoding ?? (await detectEncoding(createReadStream(absolute, { signal: ctx.signal })));
  const text = decodeText(createReadStream(absolute, { signal: ctx.signal, highWaterMark: READ_CHUNK_BYTES }), encoding);
  const batches = physicalLineBatches(text, MAX_LINE_CHARS)[Symbol.asyncIterator]();
  const fileName = basename(config.path);

  try {
    const head: string[] = [];
    let afterHead: string[] = [];
    while (head.length < SNIFF_LINES) {
      const next = await batches.next();
      if (next.done) break;
      const take = SNIFF_LINES - head.length;
      head.push(...next.value.slice(0, take));
      afterHead = next.value.slice(take);
    }
    let firstLine = 1;
    const excelSeparator = head[0] === undefined ? undefined : excelSeparatorLine(head[0]);
    if (excelSeparator !== undefined) {
      head.shift();
      firstLine = 2;
    }
    const delimiter = config.delimiter ?? excelSeparator ?? sniffDelimiter(head);
    const reader = new CsvRecordReader(delimiter, firstLine);
    const rows = new RowHandler(fileName, config, subject, ctx);

    // Events are yielded per batch of lines: nearly every batch has none, and a 1M-row file then
    // costs a few thousand trips through the async machinery instead of a million. What a batch
    // produced before an error (an abort, a missing hashed column) is still yielded first.
    const events: SearchEvent[] = [];
    const failure: { error?: unknown; failed: boolean } = { failed: false };
    const produce = (work: () => void): void => {
      try {
        work();
      } catch (error) {
        failure.error = error;
        failure.failed = true;
      }
    };
    const readLines = (lines: ReadonlyArray<string>): void => {
      for (const line of lines) {
        const records = reader.push(line);
        if (records.length) rows.handle(records, events);
      }
    };
    produce(() => {
      readLines(head);
      readLines(afterHead);
    });
    for (;;) {
      for (const event of events.splice(0)) yield event;
      if (failure.failed) throw failure.error;
      const next = await batches.next();
      if (next.done) break;
      produce(() => readLines(next.value));
    }
    const last = await reader.end();
    produce(() => rows.handle(last, events));
    for (const event of events.splice(0)) yield event;
    if (failure.failed) throw failure.error;
    ctx.progress({ scanned: rows.scanned });
  } catch (err) {
    if (err instanceof LineTooLongError) throw new SourceError(`${config.path} has ${err.message}: it is not a CSV file`);
    if (err instanceof TypeError && /utf-?8/i.test(encoding) && (err as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      throw new SourceError(`${config.path} is not valid UTF-8 although encoding: ${encoding} is configured; remove the setting or name the right encoding`);
    }
    throw err;
  } finally {
    await batches.return?.(undefined);
  }
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
      const matches = scanRowMatches(this.plan, record.cells, this.subject);
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
