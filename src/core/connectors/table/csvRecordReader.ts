import { parse, type Options, type Parser } from 'csv-parse';
import { MAX_RECORD_CHARS, MAX_RECORD_LINES } from './tableLimits.js';
import { countLineBreaks, stripLineBreak } from './physicalLines.js';

/** One CSV record with the physical line it starts on. */
export interface CsvRecord {
  /** 1-based physical line where the record starts (DESIGN.md locator `line`). */
  readonly line: number;
  readonly cells: string[];
  /** The first non-blank record: the header row. */
  readonly isHeader: boolean;
  /** Why the record is suspect (wrong field count, unclosed quote): becomes a warning; the row is still searched. */
  readonly problem?: string;
}

/**
 * Feeds physical lines to a streaming csv-parse and hands back records with their start line.
 *
 * Start lines are counted here, not taken from csv-parse's `info.lines`: that is the line where a
 * record *ends*, and it counts CRLF twice inside quoted multi-line cells. Since every line break
 * outside quotes ends a record (all three line ends are record delimiters), a record spans one line
 * plus the line breaks inside its cells.
 *
 * Nothing is dropped. A record with the wrong field count is returned with a `problem`. A broken
 * quote that swallows following lines (a multi-line record with the wrong field count or with lines
 * that look like rows, a quote still open at the end of the file, or one open for more than
 * MAX_RECORD_LINES) is undone: its first line is returned on its own, split naively, with a
 * `problem`, and parsing restarts on the next line with a fresh parser. Only the lines of the one
 * open record are held, so memory stays bounded.
 */
export class CsvRecordReader {
  private parser: Parser;
  /** Codes of records csv-parse gave up on (in practice: a quote still open at the end). */
  private skipped: string[] = [];
  private parserError: Error | undefined;
  /** Lines given to the current parser that no returned record has consumed yet. */
  private pending: string[] = [];
  private pendingChars = 0;
  /** Line number of pending[0]. */
  private pendingStart: number;
  /** Lines still to give to the parser (re-read lines after a restart, then the new line). */
  private queue: string[] = [];
  private expectedFields: number | undefined;

  constructor(
    private readonly delimiter: string,
    firstLine: number,
  ) {
    this.pendingStart = firstLine;
    this.parser = this.newParser();
  }

  /** Gives the next physical line (with its terminator); returns the records it completed. */
  push(line: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    this.queue.push(line);
    this.pump(out);
    return out;
  }

  /** Ends the input; returns the remaining records. */
  async end(): Promise<CsvRecord[]> {
    const out: CsvRecord[] = [];
    for (;;) {
      this.pump(out);
      const parser = this.parser;
      await new Promise<void>((resolve) => parser.end(() => resolve()));
      this.throwParserError();
      if (!this.collect(out)) return out;
    }
  }

  private newParser(): Parser {
    const options: Options = {
      delimiter: this.delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      bom: false,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      skip_records_with_error: true,
      on_skip: (err) => {
        this.skipped.push(err?.code ?? 'CSV_UNKNOWN_ERROR');
      },
    };
    const parser = parse(options);
    parser.on('error', (err) => (this.parserError = err));
    return parser;
  }

  private pump(out: CsvRecord[]): void {
    for (let line = this.queue.shift(); line !== undefined; line = this.queue.shift()) {
      this.pending.push(line);
      this.pendingChars += line.length;
      this.parser.write(line);
      this.throwParserError();
      if (this.collect(out)) continue;
      if (this.pending.length > MAX_RECORD_LINES || this.pendingChars > MAX_RECORD_CHARS) {
        this.restart(out, `a quoted cell runs on for more than ${MAX_RECORD_LINES} lines or ${MAX_RECORD_CHARS} characters (unclosed quote?); this line was read on its own`);
      }
    }
  }

  /**
   * Turns what the parser has read into CsvRecords; true when it had to restart the parser.
   * Records are read from the parser's readable side right after each write (`read()` is
   * synchronous while records are buffered); a skipped record comes after them, since csv-parse
   * reports it when the record ends.
   */
  private collect(out: CsvRecord[]): boolean {
    for (let cells = this.parser.read() as string[] | null; cells !== null; cells = this.parser.read() as string[] | null) {
      let span = 1;
      for (const cell of cells) if (cell.length > 0) span += countLineBreaks(cell);
      span = Math.min(span, this.pending.length);
      const line = this.pendingStart;
      const swallowed = span > 1 ? this.swallowedRows(span, cells.length) : undefined;
      if (swallowed) {
        this.restart(out, `malformed row over lines ${line}–${line + span - 1}: ${swallowed} (stray quote?); the lines were read one by one`);
        return true;
      }
      for (const consumed of this.pending.splice(0, span)) this.pendingChars -= consumed.length;
      this.pendingStart += span;
      this.emit(out, line, cells);
    }
    const skipped = this.skipped.shift();
    if (skipped !== undefined) {
      this.restart(out, `unclosed quote (${skipped}); this line was read on its own`);
      return true;
    }
    return false;
  }

  /**
   * Why a multi-line record looks like a stray quote that swallowed rows, or undefined if it looks
   * like a real multi-line cell. Either the field count is off, or a continuation line has a full
   * row's worth of fields (tables of three or more columns only: in a two-column table a note line
   * with one delimiter is too common to tell).
   */
  private swallowedRows(span: number, fields: number): string | undefined {
    const expected = this.expectedFields;
    if (expected === undefined) return undefined;
    if (fields !== expected) return `${fields} fields where the header has ${expected}`;
    if (expected < 3) return undefined;
    const rowLike = this.pending.slice(1, span).some((l) => splitBrokenLine(stripLineBreak(l), this.delimiter).length >= expected);
    return rowLike ? 'a quoted cell runs over lines that look like rows' : undefined;
  }

  /** Returns pending[0] as a broken line and re-reads the rest with a fresh parser. */
  private restart(out: CsvRecord[], problem: string): void {
    const [first, ...rest] = this.pending;
    this.parser.destroy();
    this.parser = this.newParser();
    this.skipped = [];
    this.pending = [];
    this.pendingChars = 0;
    if (first === undefined) return;
    this.emit(out, this.pendingStart, splitBrokenLine(stripLineBreak(first), this.delimiter), problem);
    this.pendingStart += 1;
    this.queue = rest.concat(this.queue);
  }

  private emit(out: CsvRecord[], line: number, cells: string[], brokenProblem?: string): void {
    if (cells.every((c) => !c.trim())) return; // a blank line holds no data
    const isHeader = this.expectedFields === undefined;
    if (isHeader) this.expectedFields = cells.length;
    const problem =
      brokenProblem ?? (!isHeader && cells.length !== this.expectedFields ? `row has ${cells.length} fields, the header has ${this.expectedFields}` : undefined);
    out.push(problem === undefined ? { line, cells, isHeader } : { line, cells, isHeader, problem });
  }

  private throwParserError(): void {
    if (this.parserError) throw this.parserError;
  }
}

/** Best-effort cells of a line csv-parse could not read: split at every delimiter, outer quotes removed. */
export function splitBrokenLine(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((cell) => cell.replace(/^\s*"/, '').replace(/"\s*$/, '').replace(/""/g, '"'));
}
