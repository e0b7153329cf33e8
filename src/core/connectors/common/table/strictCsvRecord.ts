/** What one more physical line did to the record being read. */
export type StrictLineResult = 'complete' | 'open' | 'irregular';

const QUOTE = 0x22;

/**
 * Reads CSV records written exactly as RFC 4180 says: a field is either free of quotes or wholly
 * quoted with inner quotes doubled, and line breaks occur only inside quoted fields. That is what
 * Excel, LibreOffice and CRM exports write, and for such a record the cells csv-parse returns
 * (with CsvRecordReader's options) are fully determined, so this reads them directly, several
 * times faster than a stream transform per line. Anything else is `irregular` and left to
 * csv-parse: a quote inside an unquoted field (`5" Zoll`) or text after a closing quote. Lines come
 * from decodeText, whose text is well-formed: a lone surrogate, which csv-parse (reading UTF-8 bytes)
 * would see as U+FFFD, is already U+FFFD there.
 */
export class StrictCsvRecord {
  /** The cells read so far; complete after `complete`. */
  cells: string[] = [];
  /** The text of a quoted field still open at the end of the last line, its line break included. */
  private openField: string | undefined;

  /** Whether the fast reading applies to this delimiter: one UTF-16 unit that is not a quote, a line break or half a surrogate pair. */
  static supports(delimiter: string): boolean {
    const code = delimiter.charCodeAt(0);
    return delimiter.length === 1 && code !== QUOTE && code !== 0x0a && code !== 0x0d && !(code >= 0xd800 && code <= 0xdfff);
  }

  constructor(private readonly delimiter: string) {}

  /** Starts a new record. */
  reset(): void {
    this.cells = [];
    this.openField = undefined;
  }

  /** Reads one physical line (with its terminator) of the current record. */
  read(line: string): StrictLineResult {
    const end = terminatorStart(line);
    let quote = line.indexOf('"');
    if (this.openField === undefined && quote === -1) {
      // The common case: no quotes at all.
      const cells = (end === line.length ? line : line.slice(0, end)).split(this.delimiter);
      if (this.cells.length === 0) this.cells = cells;
      else for (const cell of cells) this.cells.push(cell);
      return 'complete';
    }
    let i = 0;
    let inQuotes = this.openField !== undefined;
    let field = this.openField ?? '';
    this.openField = undefined;
    for (;;) {
      if (inQuotes) {
        if (quote === -1) {
          this.openField = field + line.slice(i); // the line break belongs to the cell
          return 'open';
        }
        if (quote + 1 < end && line.charCodeAt(quote + 1) === QUOTE) {
          field += line.slice(i, quote + 1); // "" is one quote
          i = quote + 2;
          quote = line.indexOf('"', i);
          continue;
        }
        this.cells.push(field + line.slice(i, quote));
        field = '';
        inQuotes = false;
        i = quote + 1;
        quote = line.indexOf('"', i);
        if (i === end) return 'complete';
        if (line.charAt(i) !== this.delimiter) return 'irregular'; // text after the closing quote
        i++;
      }
      // At the start of a field.
      if (i < end && i === quote) {
        inQuotes = true;
        i++;
        quote = line.indexOf('"', i);
        continue;
      }
      let next = line.indexOf(this.delimiter, i);
      if (next === -1 || next > end) next = end;
      if (quote !== -1 && quote < next) return 'irregular'; // a quote inside an unquoted field
      this.cells.push(line.slice(i, next));
      if (next === end) return 'complete';
      i = next + 1;
    }
  }
}

/** Where the line's terminator (`\r\n`, `\n` or `\r`) starts, or its length if it has none. */
export function terminatorStart(line: string): number {
  const last = line.charCodeAt(line.length - 1);
  if (last === 0x0a) return line.length >= 2 && line.charCodeAt(line.length - 2) === 0x0d ? line.length - 2 : line.length - 1;
  return last === 0x0d ? line.length - 1 : line.length;
}
