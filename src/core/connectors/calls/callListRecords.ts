import { createReadStream } from 'node:fs';
import { SourceError } from '../connector.js';
import { CsvRecordReader, type CsvRecord } from '../table/csvRecordReader.js';
import { LineTooLongError, physicalLines } from '../table/physicalLines.js';
import { excelSeparatorLine, sniffDelimiter } from '../table/sniffDelimiter.js';
import { MAX_LINE_CHARS, SNIFF_LINES } from '../table/tableLimits.js';
import { decodeText, detectEncoding } from '../table/textEncoding.js';

export interface CallListReading {
  /** As configured, for messages. */
  readonly path: string;
  readonly encoding?: string | undefined;
  /** Fixed by the format (Asterisk writes ","), configured, or else sniffed from the first lines. */
  readonly delimiter?: string | undefined;
  readonly signal: AbortSignal;
}

/**
 * The CSV records of a call list with their physical start lines, streamed through the table
 * connector's reader: encoding detection, Excel's `sep=;` line (FRITZ!Box writes one; it counts as
 * line 1), delimiter sniffing and broken-quote recovery are the same as for any table.
 */
export async function* callListRecords(absolute: string, reading: CallListReading): AsyncGenerator<CsvRecord> {
  const encoding = reading.encoding ?? (await detectEncoding(createReadStream(absolute, { signal: reading.signal })));
  const text = decodeText(createReadStream(absolute, { signal: reading.signal }), encoding);
  const lines = physicalLines(text, MAX_LINE_CHARS)[Symbol.asyncIterator]();
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
    const reader = new CsvRecordReader(reading.delimiter ?? excelSeparator ?? sniffDelimiter(head), firstLine);
    for (const line of head) yield* reader.push(line);
    for (let next = await lines.next(); !next.done; next = await lines.next()) yield* reader.push(next.value);
    yield* await reader.end();
  } catch (err) {
    if (err instanceof LineTooLongError) throw new SourceError(`${reading.path} has ${err.message}: it is not a call list`);
    if (err instanceof TypeError && (err as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      throw new SourceError(`${reading.path} is not valid UTF-8 although encoding: ${encoding} is configured; remove the setting or name the right encoding`);
    }
    throw err;
  } finally {
    await lines.return?.(undefined);
  }
}
