import { classifyHeader } from '../connectors/common/table/columnRoles.js';
import type { AttachmentContent, AttachmentFormat, TableSheet } from './attachmentContent.js';
import type { ThirdPartyScanner, ThirdPartySpan, ThirdPartyType } from './thirdPartyScan.js';

/** Where one table cell stands in its attachment's text. */
export interface CellSpan {
  readonly sheet: number;
  /** Index into the sheet's `rows`. */
  readonly row: number;
  readonly col: number;
  readonly start: number;
  readonly end: number;
}

/**
 * An attachment as the review shows it and redactions address it: one text (a table row per line,
 * cells joined by the file's delimiter), and for tables where each cell stands in that text. The
 * export blanks every cell a redaction's text overlaps, so what the officer marks in the text is
 * exactly what leaves the copy.
 */
export interface AttachmentView {
  /** The attachment's position in its message (0-based). */
  readonly index: number;
  /** The key of its text, as `shared/recordFields.ts` keys a record's texts. */
  readonly field: string;
  readonly name: string;
  readonly format: AttachmentFormat;
  readonly text: string;
  readonly cells: readonly CellSpan[];
}

/** A suggested redaction inside an attachment or a record text; `row` covers a whole table row. */
export interface ThirdPartyHit {
  readonly field: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: ThirdPartyType | 'row';
}

/** A longer row is suggested cell by cell: a redaction is at most 10,000 characters (shared/api.ts). */
const MAX_ROW_SUGGESTION_CHARS = 4000;

export function attachmentField(index: number): string {
  return `attachment:${index}`;
}

/** The text of an attachment's content and where its cells are in it. */
export function attachmentView(index: number, name: string, content: AttachmentContent): AttachmentView {
  const field = attachmentField(index);
  if (content.format === 'binary') return { index, field, name, format: content.format, text: '', cells: [] };
  if (content.format !== 'csv' && content.format !== 'xlsx') return { index, field, name, format: content.format, text: content.text, cells: [] };
  const separator = content.format === 'csv' ? content.layout.delimiter : '\t';
  let text = '';
  const cells: CellSpan[] = [];
  content.sheets.forEach((sheet, s) => {
    // A workbook's sheets each get a heading line; a CSV has one nameless sheet.
    if (content.sheets.length > 1 || sheet.name) text += `${text ? '\n' : ''}# ${sheet.name}\n`;
    sheet.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (c > 0) text += separator;
        cells.push({ sheet: s, row: r, col: c, start: text.length, end: text.length + cell.length });
        text += cell;
      });
      text += '\n';
    });
  });
  return { index, field, name, format: content.format, text, cells };
}

/**
 * Other people's data in an attachment. In a table, a row that holds another person's identifier
 * and none of the subject's is that person's row: all of it is suggested (their name and debt are
 * theirs as much as their number). In a row that also holds the subject's, only the other
 * identifiers are. Cells under a customer-number header count as ids whatever their shape.
 */
export function attachmentHits(view: AttachmentView, content: AttachmentContent, scanner: ThirdPartyScanner): ThirdPartyHit[] {
  if (content.format === 'binary') return [];
  if (content.format !== 'csv' && content.format !== 'xlsx') return scanner.scan(view.text).map((s) => hitOf(view.field, s));
  const hits: ThirdPartyHit[] = [];
  content.sheets.forEach((sheet, s) => {
    const idColumns = customerIdColumns(sheet);
    const rowCells = new Map<number, CellSpan[]>();
    for (const cell of view.cells) {
      if (cell.sheet !== s || cell.row === 0) continue;
      let list = rowCells.get(cell.row);
      if (!list) rowCells.set(cell.row, (list = []));
      list.push(cell);
    }
    for (const [r, cells] of rowCells) {
      const start = cells[0]!.start;
      const end = cells[cells.length - 1]!.end;
      const rowText = view.text.slice(start, end);
      const spans = scanner.scan(rowText).map((x) => ({ ...x, start: x.start + start, end: x.end + start }));
      for (const c of cells) {
        const value = sheet.rows[r]![c.col]!;
        if (!idColumns.has(c.col) || !scanner.isCustomerIdCell(value) || spans.some((x) => x.start < c.end && c.start < x.end)) continue;
        const lead = value.length - value.trimStart().length;
        spans.push({ start: c.start + lead, end: c.start + lead + value.trim().length, text: value.trim(), type: 'customerId' });
      }
      if (spans.length === 0) continue;
      if (rowText.length <= MAX_ROW_SUGGESTION_CHARS && !scanner.concernsSubject(rowText)) hits.push({ field: view.field, start, end, text: rowText, type: 'row' });
      else hits.push(...spans.sort((a, b) => a.start - b.start).map((x) => hitOf(view.field, x)));
    }
  });
  return hits;
}

function hitOf(field: string, s: ThirdPartySpan): ThirdPartyHit {
  return { field, start: s.start, end: s.end, text: s.text, type: s.type };
}

function customerIdColumns(sheet: TableSheet): Set<number> {
  const header = sheet.rows[0] ?? [];
  return new Set(header.flatMap((h, i) => (classifyHeader(h) === 'customerId' ? [i] : [])));
}
