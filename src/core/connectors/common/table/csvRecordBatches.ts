import { createReadStream } from 'node:fs';
import { SourceError } from '../../connector.js';
import { CsvRecordReader, type CsvRecord, type RawFilter } from './csvRecordReader.js';
import { LineTooLongError, physicalLineBatches } from './physicalLines.js';
import { excelSeparatorLine, sniffDelimiter } from './sniffDelimiter.js';
import { MAX_LINE_CHARS, READ_CHUNK_BYTES, SNIFF_LINES } from './tableLimits.js';
import { decodeText, detectEncoding } from './textEncoding.js';

export interface CsvReading {
  /** As configured, for messages. */
  readonly path: string;
  /** What the file should be, for the message when it is not ("a CSV file", "a call list"). */
  readonly expected: string;
  readonly encoding?: string | undefined;
  /** Configured or fixed by the format (Asterisk writes ","); else the `sep=` line, else sniffed. */
  readonly delimiter?: string | undefined;
  readonly signal: AbortSignal;
  /** See CsvRecord.rawPassed: a cheap test of each record's raw text, e.g. `subject.mayConcern`. */
  readonly rawFilter?: RawFilter | undefined;
}

/**
 * The CSV records of a text export with their physical start lines, in batches (one per chunk of
 * lines, so a million rows cost a few thousand async steps, not a million). One reading for every
 * CSV-shaped source (tables, call lists, Outlook contacts, Jira): encoding detection, Excel's `sep=`
 * line (it counts as line 1), delimiter sniffing, broken-quote recovery, and the same errors.
 */
export async function* csvRecordBatches(absolute: string, reading: CsvReading): AsyncGenerator<CsvRecord[]> {
  const encoding = reading.encoding ?? (await detectEncoding(createReadStream(absolute, { signal: reading.signal })));
  const text = decodeText(createReadStream(absolute, { signal: reading.signal, highWaterMark: READ_CHUNK_BYTES }), encoding);
  const batches = physicalLineBatches(text, MAX_LINE_CHARS)[Symbol.asyncIterator]();
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
    const reader = new CsvRecordReader(reading.delimiter ?? excelSeparator ?? sniffDelimiter(head), firstLine, reading.rawFilter);
    const recordsOf = (lines: ReadonlyArray<string>): CsvRecord[] => {
      const records: CsvRecord[] = [];
      // One prefilter pass over the whole batch: if it fails, so does each line in it, and the
      // lines are not tested one by one (one regex over 32 KB costs less than 180 over 180 chars).
      const clean = reading.rawFilter !== undefined && !reading.rawFilter.passes(lines.join(''));
      for (const line of lines) reader.pushInto(line, records, clean);
      return records;
    };
    const first = recordsOf([...head, ...afterHead]);
    if (first.length) yield first;
    for (let next = await batches.next(); !next.done; next = await batches.next()) {
      const records = recordsOf(next.value);
      if (records.length) yield records;
    }
    const last = await reader.end();
    if (last.length) yield last;
  } catch (err) {
    if (err instanceof LineTooLongError) throw new SourceError(`${reading.path} has ${err.message}: it is not ${reading.expected}`);
    if (err instanceof TypeError && /utf-?8/i.test(encoding) && (err as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      throw new SourceError(`${reading.path} is not valid UTF-8 although encoding: ${encoding} is configured; remove the setting or name the right encoding`);
    }
    throw err;
  } finally {
    await batches.return?.(undefined);
  }
}
