import { parse, type Options, type Parser } from 'csv-parse';
import { MAX_RECORD_CHARS, MAX_RECORD_LINES } from './tableLimits.js';
import { countLineBreaks, stripLineBreak } from './physicalLines.js';
import { StrictCsvRecord, terminatorStart } from './strictCsvRecord.js';

/**
 * After a record needed csv-parse, the next lines stay with it at least this long: a new parser
 * costs about as much as parsing a hundred lines, so a file with many irregular lines does not
 * create one per line.
 */
const PARSER_STICKY_LINES = 128;

/** A cheap test of each record's raw text before its cells are scanned (see CsvRecord.rawPassed). */
export interface RawFilter {
  passes(raw: string): boolean;
  /**
   * Whether a record that fails still needs its cells (a hashed column is read from them). If not,
   * a one-line record without quotes that fails comes back with `cells` empty and its field count
   * checked all the same: most rows of a big export are never split into cells.
   */
  readonly keepCells: boolean;
}

/** One CSV record with the physical line it starts on. */
export interface CsvRecord {
  /** 1-based physical line where the record starts (docs/ARCHITECTURE.md locator `line`). */
  readonly line: number;
  /** The cells; empty for a record that failed a RawFilter without keepCells. */
  readonly cells: string[];
  /** The first non-blank record: the header row. */
  readonly isHeader: boolean;
  /** Why the record is suspect (wrong field count, unclosed quote): becomes a warning; the row is still searched. */
  readonly problem?: string;
  /**
   * False only when the reader was given a RawFilter and the record's raw text (its physical lines
   * as written, quotes and delimiters included) failed it. True otherwise, also for every record
   * csv-parse read.
   */
  readonly rawPassed: boolean;
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
 *
 * Speed: records written exactly as RFC 4180 says (nearly all of them) are read by StrictCsvRecord
 * instead, which gives the same cells several times faster than a stream transform per line. A
 * record it calls irregular, or one that reaches a limit or looks like a swallowed row, is handed
 * to csv-parse line by line from its first line, with the parser at a record boundary as before, so
 * all of the above applies unchanged. The records and their order are the same as with csv-parse
 * alone, and they come out of the same push() call: csv-parse returns a record once the next line
 * has arrived (it must see past a CR to tell CRLF from CR), so a strictly read record is held
 * until then. (csv-parse may wait one line longer when the next line has only one or two characters.)
 */
export class CsvRecordReader {
  /** Created when a record needs it; undefined stands for a fresh parser. */
  private parser: Parser | undefined;
  /** Whether lines go to csv-parse (true) or to the strict reader. */
  private usingParser = false;
  private parserLinesLeft = 0;
  private readonly strict: StrictCsvRecord | undefined;
  /** Records the strict reader completed, returned when the next line arrives (as csv-parse would). */
  private held: CsvRecord[] = [];
  private ending = false;
  /** Codes of records csv-parse gave up on (in practice: a quote still open at the end). */
  private skipped: string[] = [];
  private parserError: Error | undefined;
  /** Lines of the open record: given to the current parser, or read by the strict reader, and not yet consumed by a returned record. */
  private pending: string[] = [];
  private pendingChars = 0;
  /** Line number of pending[0]. */
  private pendingStart: number;
  /** Lines still to read (re-read lines after a restart or a hand-over, then the new line). */
  private queue: string[] = [];
  private expectedFields: number | undefined;
  /** A line of nothing but whitespace and delimiters: every cell blank (`trim()` and `\s` agree). */
  private readonly blankLine: RegExp;
  private exactFields: RegExp | undefined;

  constructor(
    private readonly delimiter: string,
    firstLine: number,
    /** Tested on the raw text of each strictly read record: see CsvRecord.rawPassed. */
    private readonly rawFilter?: RawFilter,
  ) {
    this.pendingStart = firstLine;
    this.blankLine = new RegExp(`^[\\s${escapeForClass(delimiter)}]*$`);
    this.strict = StrictCsvRecord.supports(delimiter) ? new StrictCsvRecord(delimiter) : undefined;
    this.usingParser = this.strict === undefined;
  }

  /** Gives the next physical line (with its terminator); returns the records it completed. */
  push(line: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    this.pushInto(line, out);
    return out;
  }

  /**
   * push() that appends to `out`: a million lines then cost no million arrays. `rawClean` says the
   * caller already found that this line fails the RawFilter (it tested a whole batch of lines at
   * once), so the line need not be tested again.
   */
  pushInto(line: string, out: CsvRecord[], rawClean = false): void {
    if (this.queue.length === 0) this.readLine(line, out, rawClean);
    else this.queue.push(line);
    this.pump(out);
  }

  /** Ends the input; returns the remaining records. */
  async end(): Promise<CsvRecord[]> {
    const out: CsvRecord[] = [];
    this.ending = true;
    for (;;) {
      this.pump(out);
      this.releaseHeld(out);
      if (!this.usingParser) {
        if (this.pending.length === 0) return out; // nothing open, and no parser holds a line
        this.handOver(); // a quote still open at the end: csv-parse decides, as always
        continue;
      }
      const parser = this.activeParser();
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
    if (this.queue.length === 0) return;
    for (let line = this.queue.shift(); line !== undefined; line = this.queue.shift()) this.readLine(line, out);
  }

  /** `rawClean` only for a line that comes straight from pushInto: a re-read line was tested nowhere. */
  private readLine(line: string, out: CsvRecord[], rawClean = false): void {
    this.releaseHeld(out);
    if (this.usingParser) this.parseLine(line, out);
    else this.readStrictly(line, rawClean);
  }

  /** The strict reader's records so far: the line that has just arrived releases them. */
  private releaseHeld(out: CsvRecord[]): void {
    if (this.held.length === 0) return;
    for (const record of this.held) out.push(record);
    this.held = [];
  }

  private activeParser(): Parser {
    this.parser ??= this.newParser();
    return this.parser;
  }

  private parseLine(line: string, out: CsvRecord[]): void {
    this.pending.push(line);
    this.pendingChars += line.length;
    this.activeParser().write(line);
    this.throwParserError();
    const start = this.pendingStart;
    if (this.collect(out)) return;
    if (this.pending.length > MAX_RECORD_LINES || this.pendingChars > MAX_RECORD_CHARS) {
      this.restart(out, `a quoted cell runs on for more than ${MAX_RECORD_LINES} lines or ${MAX_RECORD_CHARS} characters (unclosed quote?); this line was read on its own`);
      return;
    }
    // A record ended and the parser holds only the line just written, at a record boundary: that
    // line can be read strictly instead.
    if (--this.parserLinesLeft <= 0 && this.strict && !this.ending && this.pendingStart !== start && this.pending.length === 1) {
      this.queue.unshift(...this.takePending());
      this.dropParser();
    }
  }

  /** Reads a line with the strict reader, or hands the record to csv-parse when in doubt. */
  private readStrictly(line: string, rawClean: boolean): void {
    const strict = this.strict as StrictCsvRecord;
    if (this.pending.length + 1 > MAX_RECORD_LINES || this.pendingChars + line.length > MAX_RECORD_CHARS) {
      this.handOver(line); // csv-parse's path decides what an overlong record is
      return;
    }
    if (this.pending.length === 0 && this.readUnlessPassing(line, rawClean)) return;
    const result = strict.read(line);
    this.pending.push(line);
    this.pendingChars += line.length;
    if (result === 'open') return;
    if (result === 'irregular') {
      this.handOver();
      return;
    }
    const cells = strict.cells;
    const lines = this.pending.length;
    if (lines > 1) {
      let span = 1;
      for (const cell of cells) if (cell.length > 0) span += countLineBreaks(cell);
      if (span !== lines || this.swallowedRows(span, cells.length)) {
        this.handOver();
        return;
      }
    }
    const line0 = this.pendingStart;
    const raw = this.takePending();
    const rawPassed = this.rawFilter === undefined || (lines === 1 ? !rawClean && this.rawFilter.passes(line) : this.rawFilter.passes(raw.join('')));
    this.pendingStart += lines;
    strict.reset();
    this.emit(this.held, line0, cells, undefined, rawPassed);
  }

  /**
   * A whole one-line record without quotes whose text fails the RawFilter (and whose cells are not
   * needed): counts its fields instead of splitting it, and returns true. False for any other line,
   * which is then read as usual. The header is always read.
   */
  private readUnlessPassing(line: string, rawClean: boolean): boolean {
    const filter = this.rawFilter;
    if (filter === undefined || filter.keepCells || this.expectedFields === undefined || line.includes('"')) return false;
    if (!rawClean && filter.passes(line)) return false;
    if (this.blankLine.test(line)) {
      this.pendingStart += 1; // a blank line holds no data (as in emit)
      return true;
    }
    const fields = this.exactFields?.test(line) ? this.expectedFields : countFields(line, this.delimiter);
    const record: CsvRecord =
      fields === this.expectedFields
        ? { line: this.pendingStart, cells: [], isHeader: false, rawPassed: false }
        : { line: this.pendingStart, cells: [], isHeader: false, rawPassed: false, problem: fieldCountProblem(fields, this.expectedFields) };
    this.held.push(record);
    this.pendingStart += 1;
    return true;
  }

  /** Gives the open record's lines (and `next`) to a fresh csv-parse, from the record's first line. */
  private handOver(next?: string): void {
    const lines = this.takePending();
    if (next !== undefined) lines.push(next);
    this.strict?.reset();
    this.dropParser();
    this.usingParser = true;
    this.parserLinesLeft = PARSER_STICKY_LINES + lines.length;
    this.queue.unshift(...lines);
  }

  private takePending(): string[] {
    const lines = this.pending;
    this.pending = [];
    this.pendingChars = 0;
    return lines;
  }

  /** Forgets the parser; the next record that needs one gets a fresh one. */
  private dropParser(): void {
    this.parser?.destroy();
    this.parser = undefined;
    this.skipped = [];
    this.usingParser = this.strict === undefined;
  }

  /**
   * Turns what the parser has read into CsvRecords; true when it had to restart the parser.
   * Records are read from the parser's readable side right after each write (`read()` is
   * synchronous while records are buffered); a skipped record comes after them, since csv-parse
   * reports it when the record ends.
   */
  private collect(out: CsvRecord[]): boolean {
    const parser = this.activeParser();
    for (let cells = parser.read() as string[] | null; cells !== null; cells = parser.read() as string[] | null) {
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
    const rowLike = this.pending.slice(1, span).some((l) => countFields(l, this.delimiter) >= expected);
    return rowLike ? 'a quoted cell runs over lines that look like rows' : undefined;
  }

  /** Returns pending[0] as a broken line and re-reads the rest with a fresh parser. */
  private restart(out: CsvRecord[], problem: string): void {
    const [first, ...rest] = this.takePending();
    this.dropParser();
    if (first === undefined) return;
    this.emit(out, this.pendingStart, splitBrokenLine(stripLineBreak(first), this.delimiter), problem);
    this.pendingStart += 1;
    this.queue = rest.concat(this.queue);
  }

  private emit(out: CsvRecord[], line: number, cells: string[], brokenProblem?: string, rawPassed = true): void {
    if (cells.every((c) => !c.trim())) return; // a blank line holds no data
    const isHeader = this.expectedFields === undefined;
    if (isHeader) {
      this.expectedFields = cells.length;
      // A quote-free line with exactly the header's field count, in one native regex call.
      const d = escapeForClass(this.delimiter);
      this.exactFields = new RegExp(`^[^${d}\\r\\n]*(?:[${d}][^${d}\\r\\n]*){${cells.length - 1}}(?:\\r\\n|\\n|\\r)?$`);
    }
    const problem =
      brokenProblem ?? (!isHeader && cells.length !== this.expectedFields ? fieldCountProblem(cells.length, this.expectedFields as number) : undefined);
    const passed = rawPassed || isHeader; // the header is read for its names, never matched
    out.push(problem === undefined ? { line, cells, isHeader, rawPassed: passed } : { line, cells, isHeader, rawPassed: passed, problem });
  }

  private throwParserError(): void {
    if (this.parserError) throw this.parserError;
  }
}

/** The fields of a line split naively at every delimiter (as splitBrokenLine does), its terminator aside. */
function countFields(line: string, delimiter: string): number {
  const end = terminatorStart(line);
  let fields = 1;
  for (let at = line.indexOf(delimiter); at !== -1 && at < end; at = line.indexOf(delimiter, at + 1)) fields++;
  return fields;
}

/** A delimiter inside a regex character class. */
function escapeForClass(delimiter: string): string {
  return delimiter.replace(/[\\\]^-]/g, '\\$&');
}

function fieldCountProblem(fields: number, expected: number): string {
  return `row has ${fields} fields, the header has ${expected}`;
}

/** Best-effort cells of a line csv-parse could not read: split at every delimiter, outer quotes removed. */
export function splitBrokenLine(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((cell) => cell.replace(/^\s*"/, '').replace(/"\s*$/, '').replace(/""/g, '"'));
}
