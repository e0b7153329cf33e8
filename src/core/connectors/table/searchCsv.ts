import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { SubjectQuery } from '../../domain/subjectQuery.js';
import { SourceError, type SearchContext, type SearchEvent } from '../connector.js';
import { buildColumnPlan, type ColumnPlan } from './columnPlan.js';
import { CsvRecordReader, type CsvRecord } from './csvRecordReader.js';
import { LineTooLongError, physicalLines } from './physicalLines.js';
import { scanRow } from './scanRow.js';
import { excelSeparatorLine, sniffDelimiter } from './sniffDelimiter.js';
import type { TableConfig } from './tableConfig.js';
import { MAX_LINE_CHARS, PROGRESS_EVERY_ROWS, SNIFF_LINES } from './tableLimits.js';
import { decodeText, detectEncoding } from './textEncoding.js';

/**
 * Searches a CSV file row by row: encoding and delimiter detected (or configured), streamed through
 * csv-parse, one finding per row that concerns the subject, locator `{ line }` = the physical line
 * where the row starts, counting an Excel `sep=` line and the header.
 */
export async function* searchCsv(absolute: string, config: TableConfig, subject: SubjectQuery, ctx: SearchContext): AsyncGenerator<SearchEvent> {
  const encoding = config.encoding ?? (await detectEncoding(createReadStream(absolute, { signal: ctx.signal })));
  const text = decodeText(createReadStream(absolute, { signal: ctx.signal }), encoding);
  const lines = physicalLines(text, MAX_LINE_CHARS)[Symbol.asyncIterator]();
  const fileName = basename(config.path);

  try {
    const head: string[] = [];
    while (head.length < SNIFF_LINES) {
      const next = await lines.next();
      if (next.done) break;
      head.push(next.value);
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

    for (const line of head) yield* rows.handle(reader.push(line));
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      yield* rows.handle(reader.push(next.value));
    }
    yield* rows.handle(await reader.end());
    ctx.progress({ scanned: rows.scanned });
  } catch (err) {
    if (err instanceof LineTooLongError) throw new SourceError(`${config.path} has ${err.message}: it is not a CSV file`);
    if (err instanceof TypeError && /utf-?8/i.test(encoding) && (err as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      throw new SourceError(`${config.path} is not valid UTF-8 although encoding: ${encoding} is configured; remove the setting or name the right encoding`);
    }
    throw err;
  } finally {
    await lines.return?.(undefined);
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

  *handle(records: ReadonlyArray<CsvRecord>): Generator<SearchEvent> {
    for (const record of records) {
      this.ctx.signal.throwIfAborted();
      const locator = { line: record.line };
      if (record.problem) yield { kind: 'warning', locator, message: record.problem };
      if (!this.plan || record.isHeader) {
        const { plan, unknownColumns, missingHashed } = buildColumnPlan(record.cells, this.config);
        if (missingHashed.length) {
          // The pseudonymised column would go unsearched: that is a gap, not a detail.
          throw new SourceError(`${this.config.path}: hashed column ${missingHashed.map((c) => `"${c}"`).join(', ')} is not in the header (${plan.headers.join(', ')})`);
        }
        for (const name of unknownColumns) yield { kind: 'warning', locator, message: `column "${name}" named in columns: is not in the header` };
        this.plan = plan;
        continue;
      }
      const row = scanRow(this.plan, record.cells, this.subject);
      if (++this.scanned % PROGRESS_EVERY_ROWS === 0) this.ctx.progress({ scanned: this.scanned });
      if (!row.matches.length) continue;
      yield {
        kind: 'finding',
        locator,
        matches: row.matches,
        title: `${this.fileName}, Zeile ${record.line}${row.label ? `: ${row.label}` : ''}`,
        date: row.date,
        record: { kind: 'row', fields: row.fields },
      };
    }
  }
}
