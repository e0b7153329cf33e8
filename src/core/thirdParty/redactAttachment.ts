import iconv from 'iconv-lite';
import type { Redactor } from '../review/redactText.js';
import { AttachmentReadError, readAttachmentContent, type AttachmentContent, type AttachmentFile, type CsvLayout, type TableSheet } from './attachmentContent.js';
import { attachmentView, type CellSpan } from './attachmentView.js';

/** What goes into `files/` in place of an attachment of a redacted record. */
export type RedactedAttachment =
  /** CSV or XLSX in its own format, the cells a redaction overlaps blanked. */
  | { readonly kind: 'table'; readonly bytes: Buffer; readonly blanked: number }
  /** PDF, DOCX, text or attached mail: its text with the redactions applied, to be rendered as a marked copy. */
  | { readonly kind: 'text'; readonly format: 'pdf' | 'docx' | 'txt' | 'eml'; readonly text: string; readonly replaced: number }
  /** Nothing that can be redacted (an image, an archive) or unreadable: it stays out, named in the letter. */
  | { readonly kind: 'withheld'; readonly unreadable: string | null };

/**
 * The redacted copy of one attachment. The redactions are the record's (texts, ignoring case and
 * line breaks): in a table every cell they overlap in the attachment's text (core/thirdParty/
 * attachmentView: a row per line) is blanked, so a suggested row leaves the whole row empty.
 */
export async function redactAttachment(file: AttachmentFile, redactor: Redactor): Promise<RedactedAttachment> {
  let content: AttachmentContent;
  try {
    content = await readAttachmentContent(file);
  } catch (err) {
    if (err instanceof AttachmentReadError) return { kind: 'withheld', unreadable: err.message };
    throw err;
  }
  if (content.format === 'binary') return { kind: 'withheld', unreadable: null };
  if (content.format !== 'csv' && content.format !== 'xlsx') {
    const before = redactor.replaced;
    const text = redactor.apply(content.text);
    return { kind: 'text', format: content.format, text, replaced: redactor.replaced - before };
  }
  const view = attachmentView(0, file.filename ?? '', content);
  const blank = blankedCells(view.text, view.cells, redactor);
  if (content.format === 'csv') {
    const sheet = content.sheets[0];
    const rows = sheet.rows.map((row, r) => row.map((cell, c) => (blank.has(key(0, r, c)) ? '' : cell)));
    return { kind: 'table', bytes: writeCsv({ ...sheet, rows }, content.layout), blanked: blank.size };
  }
  return { kind: 'table', bytes: await blankXlsx(file.content, content.sheets, blank), blanked: blank.size };
}

function key(sheet: number, row: number, col: number): string {
  return `${sheet}:${row}:${col}`;
}

/** The cells that a redaction's match overlaps (a match across a delimiter takes every cell it touches). */
function blankedCells(text: string, cells: readonly CellSpan[], redactor: Redactor): Set<string> {
  const out = new Set<string>();
  const ranges = redactor.ranges(text);
  if (ranges.length === 0) return out;
  for (const c of cells) {
    if (ranges.some(([start, end]) => start < Math.max(c.end, c.start + 1) && c.start < end)) out.add(key(c.sheet, c.row, c.col));
  }
  return out;
}

/** A CSV as the input was written: its delimiter, encoding, BOM, line ends and Excel `sep=` line. */
export function writeCsv(sheet: Pick<TableSheet, 'rows'>, layout: CsvLayout): Buffer {
  const needsQuotes = (v: string) => v.includes(layout.delimiter) || /["\r\n]/.test(v) || v !== v.trim();
  const field = (v: string) => (needsQuotes(v) ? `"${v.replace(/"/g, '""')}"` : v);
  let text = layout.sepLine !== null ? `${layout.sepLine}${layout.eol}` : '';
  for (const row of sheet.rows) text += `${row.map(field).join(layout.delimiter)}${layout.eol}`;
  if (layout.encoding === 'windows-1252') return iconv.encode(text, 'windows-1252');
  if (layout.encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
  return Buffer.concat([layout.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

/** The workbook with the cells blanked, everything else (formats, other cells, sheets) as it was. */
async function blankXlsx(bytes: Buffer, sheets: readonly TableSheet[], blank: ReadonlySet<string>): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  workbook.worksheets.forEach((ws, s) => {
    const sheet = sheets[s];
    if (!sheet) return;
    sheet.rows.forEach((row, r) => {
      row.forEach((_, c) => {
        if (blank.has(key(s, r, c))) ws.getRow(sheet.rowNumbers[r]!).getCell(c + 1).value = null;
      });
    });
  });
  // The author and last editor of the workbook are people too; the copy does not need them.
  workbook.creator = '';
  workbook.lastModifiedBy = '';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
