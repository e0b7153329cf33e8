import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { docxText } from '../connectors/documents/docxText.js';
import { openPdf } from '../connectors/documents/pdfPages.js';
import { plainText } from '../connectors/documents/plainText.js';
import { excelSeparatorLine, sniffDelimiter } from '../connectors/common/table/sniffDelimiter.js';
import { xlsxCellText } from '../connectors/common/table/xlsxCellText.js';
import { decodeText, htmlToText, isTextLike } from '../connectors/common/mail/textPart.js';

/** A file attached to a message, as mailparser gives it. */
export interface AttachmentFile {
  readonly filename?: string | undefined;
  readonly contentType: string;
  readonly content: Buffer;
}

/** How a CSV was written, so that a redacted copy can be written the same way. */
export interface CsvLayout {
  readonly delimiter: string;
  readonly encoding: 'utf-8' | 'utf-16le' | 'windows-1252';
  readonly bom: boolean;
  readonly eol: '\r\n' | '\n';
  /** Excel's `sep=;` first line, kept as it was. */
  readonly sepLine: string | null;
}

export interface TableSheet {
  readonly name: string;
  /** Row by row, each cell's text; row 0 is the header. `rowNumbers[i]` is the row's number in the file. */
  readonly rows: string[][];
  readonly rowNumbers: number[];
}

/** What an attachment holds, read with the readers the search uses. */
export type AttachmentContent =
  | { readonly format: 'csv'; readonly sheets: [TableSheet]; readonly layout: CsvLayout }
  | { readonly format: 'xlsx'; readonly sheets: TableSheet[] }
  | { readonly format: 'pdf' | 'docx' | 'txt' | 'eml'; readonly text: string }
  /** Images, archives and other formats no reader of Auskunft understands. */
  | { readonly format: 'binary' };

export type AttachmentFormat = AttachmentContent['format'];

/** An attachment of a readable format whose content could not be read (damaged, encrypted). */
export class AttachmentReadError extends Error {
  override readonly name = 'AttachmentReadError';
}

/** Attachments larger than this are not read for third-party data; they are held like unreadable ones. */
export const MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024;

/** pdf.js gets this long per attachment: a hostile PDF must not stall the review or the run. */
const PDF_TIMEOUT_MS = 60_000;

/** The format of an attachment, from its type and name (mail clients often send `application/octet-stream`). */
export function attachmentFormat(a: Pick<AttachmentFile, 'filename' | 'contentType'>): AttachmentFormat {
  const type = a.contentType.toLowerCase();
  const ext = /\.([a-z0-9]+)$/i.exec(a.filename ?? '')?.[1]?.toLowerCase();
  if (type === 'text/csv' || type === 'application/csv' || type === 'application/x-csv' || ext === 'csv') return 'csv';
  if (type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' || ext === 'xlsx') return 'xlsx';
  if (type === 'application/pdf' || ext === 'pdf') return 'pdf';
  if (type === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' || ext === 'docx') return 'docx';
  if (type === 'message/rfc822' || type === 'message/global' || ext === 'eml') return 'eml';
  if (isTextLike(type) || ext === 'txt') return 'txt';
  return 'binary';
}

/**
 * Read an attachment's content: CSV and XLSX cell by cell (so that a redacted copy can blank cells),
 * PDF, DOCX, text and attached messages as text.
 * @throws AttachmentReadError when a readable format does not read (the caller holds its item).
 */
export async function readAttachmentContent(a: AttachmentFile): Promise<AttachmentContent> {
  const format = attachmentFormat(a);
  const name = a.filename ?? a.contentType;
  if (format === 'binary') return { format };
  if (a.content.length > MAX_ATTACHMENT_BYTES) throw new AttachmentReadError(`attachment "${name}" is larger than ${MAX_ATTACHMENT_BYTES} bytes and was not read`);
  try {
    switch (format) {
      case 'csv':
        return readCsv(a.content, a.contentType);
      case 'xlsx':
        return { format, sheets: await readXlsx(a.content) };
      case 'pdf':
        return { format, text: (await pdfText(a.content)).normalize('NFC') };
      case 'docx':
        return { format, text: (await docxText(a.content)).normalize('NFC') };
      case 'eml':
        return { format, text: (await messageText(a.content)).normalize('NFC') };
      case 'txt':
        return { format, text: (/html/i.test(a.contentType) ? htmlToText(plainText(a.content)) : plainText(a.content)).normalize('NFC') };
    }
  } catch (err) {
    throw new AttachmentReadError(`attachment "${name}" could not be read as ${format.toUpperCase()} (${err instanceof Error ? err.message : String(err)})`);
  }
}

function readCsv(bytes: Buffer, contentType: string): AttachmentContent {
  const declared = /charset="?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase();
  const layout0 = csvEncoding(bytes, declared);
  const text = layout0.text;
  const lines = text.split(/(?<=\n)/).slice(0, 20);
  const first = (lines[0] ?? '').replace(/\r?\n$/, '');
  const sep = excelSeparatorLine(first);
  const body = sep !== undefined ? text.slice(lines[0]!.length) : text;
  const delimiter = sep ?? sniffDelimiter(sep !== undefined ? lines.slice(1) : lines);
  // NFC, as the review and redactions read text (core/review/redactText.ts): offsets then agree.
  const records = parse(body.normalize('NFC'), { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const offset = sep !== undefined ? 1 : 0;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  let line = 1;
  for (const r of records) {
    rows.push(r.record);
    // The physical line the record starts on, as the table connector numbers rows.
    rowNumbers.push(line + offset);
    line = r.info.lines + 1;
  }
  return {
    format: 'csv',
    sheets: [{ name: '', rows, rowNumbers }],
    layout: { delimiter, encoding: layout0.encoding, bom: layout0.bom, eol: text.includes('\r\n') ? '\r\n' : '\n', sepLine: sep !== undefined ? first : null },
  };
}

/** The CSV's text and encoding: a BOM decides, then the declared charset, then strict UTF-8, then windows-1252. */
function csvEncoding(bytes: Buffer, declared: string | undefined): { text: string; encoding: CsvLayout['encoding']; bom: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', bom: true };
  if (declared && /^(windows-1252|cp1252|iso-8859-1|iso-8859-15|latin1)$/.test(declared)) return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252', bom: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252', bom: false };
  }
}

async function readXlsx(bytes: Buffer): Promise<TableSheet[]> {
  // Loaded on the first workbook: exceljs costs ~0.5 s at start-up.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    const rowNumbers: number[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const values = row.values as unknown[];
      rows.push(Array.from(Array.isArray(values) ? values.slice(1) : [], (v) => xlsxCellText(v as never).normalize('NFC')));
      rowNumbers.push(number);
    });
    return { name: sheet.name, rows, rowNumbers };
  });
}

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await openPdf(new Uint8Array(bytes), AbortSignal.timeout(PDF_TIMEOUT_MS));
  try {
    const pages: string[] = [];
    for await (const page of doc.pages()) pages.push(page.text);
    return pages.join('\n\f\n');
  } finally {
    await doc.close();
  }
}

async function messageText(bytes: Buffer): Promise<string> {
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(bytes, { skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true });
  const header = [mail.from?.text && `From: ${mail.from.text}`, mail.subject && `Subject: ${mail.subject}`].filter(Boolean).join('\n');
  const body = mail.text ?? (typeof mail.html === 'string' ? htmlToText(mail.html) : decodeText(bytes, undefined));
  return header ? `${header}\n\n${body}` : body;
}
