import { basename } from 'node:path';
import type { CellValue } from 'exceljs';
import type { Readable } from 'node:stream';
import unzipper from 'unzipper';
import type { SubjectQuery } from '../../../domain/subjectQuery.js';
import { SourceError, type SearchContext, type SearchEvent } from '../../connector.js';
import { buildColumnPlan, type ColumnPlan } from './columnPlan.js';
import { describeRow, scanRowMatches } from './scanRow.js';
import type { TableConfig } from './tableConfig.js';
import { PROGRESS_EVERY_ROWS } from './tableLimits.js';
import { xlsxCellText } from './xlsxCellText.js';

/**
 * Searches an .xlsx workbook with exceljs' streaming reader, sheet by sheet and row by row; the first
 * non-empty row of each sheet is its header. Locator `{ sheet, row }` with Excel's row number.
 * Known limit: the shared-strings table (every distinct text of the workbook) is held in memory, as
 * Excel's format requires; rows themselves stream. Hyperlink targets are not read by the streaming
 * reader; the cell's visible text is.
 */
export async function* searchXlsx(absolute: string, config: TableConfig, subject: SubjectQuery, ctx: SearchContext): AsyncGenerator<SearchEvent> {
  // Loaded on the first workbook: exceljs costs ~0.5 s at start-up, which every CLI call would pay.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(absolute, {
    sharedStrings: 'cache',
    styles: 'cache', // needed to see which numbers are dates
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const fileName = basename(config.path);
  const sheetNames: string[] = [];
  const hashedSeen = new Set<string>();
  let scanned = 0;
  try {
    await readWorkbookIndex(absolute, workbook as unknown as ExcelJsWorkbookReaderInternals);
    for await (const sheet of workbook) {
      const sheetName = (sheet as unknown as { name?: string }).name ?? `Sheet${sheetNames.length + 1}`;
      sheetNames.push(sheetName);
      if (config.sheet !== undefined && sheetName !== config.sheet) {
        // Read to its end all the same: exceljs parks a sheet that comes before the shared strings in a
        // temp file and deletes it as soon as we move on, while the unread stream is still opening it
        // (an uncaught ENOENT, seen in CI).
        for await (const row of sheet) void row;
        continue;
      }
      let plan: ColumnPlan | undefined;
      for await (const row of sheet) {
        ctx.signal.throwIfAborted();
        const values = row.values as CellValue[] | Record<string, CellValue>;
        // row.values is 1-based and sparse (empty cells are holes): Array.from fills them with ''.
        const cells = Array.isArray(values) ? Array.from(values.slice(1), (v) => xlsxCellText(v)) : [];
        if (cells.every((c) => !c.trim())) continue;
        const locator = { sheet: sheetName, row: row.number };
        if (!plan) {
          const built = buildColumnPlan(cells, config);
          plan = built.plan;
          // A sheet without the hashed column (a legend, a summary) is still searched as text; only a
          // hashed column found in no sheet at all fails the source, below.
          for (const name of Object.keys(config.hashed ?? {})) if (!built.missingHashed.includes(name)) hashedSeen.add(name);
          for (const name of built.unknownColumns) yield { kind: 'warning', locator, message: `column "${name}" named in columns: is not in this sheet's header` };
          continue;
        }
        const matches = scanRowMatches(plan, cells, subject);
        if (++scanned % PROGRESS_EVERY_ROWS === 0) ctx.progress({ scanned });
        if (!matches.length) continue;
        const found = describeRow(plan, cells, matches);
        yield {
          kind: 'finding',
          locator,
          matches: found.matches,
          title: `${fileName}, ${sheetName}, Zeile ${row.number}${found.label ? `: ${found.label}` : ''}`,
          date: found.date,
          record: { kind: 'row', fields: found.fields },
        };
      }
    }
  } catch (err) {
    if (err instanceof SourceError || (err as Error).name === 'AbortError') throw err;
    throw new SourceError(`${config.path} cannot be read as an .xlsx workbook: ${(err as Error).message}`);
  }
  ctx.progress({ scanned });
  if (config.sheet !== undefined && !sheetNames.includes(config.sheet)) {
    throw new SourceError(`${config.path} has no sheet "${config.sheet}" (sheets: ${sheetNames.join(', ') || 'none'})`);
  }
  const neverFound = Object.keys(config.hashed ?? {}).filter((name) => !hashedSeen.has(name));
  if (neverFound.length) throw new SourceError(`${config.path}: hashed column ${neverFound.map((c) => `"${c}"`).join(', ')} is in no sheet's header`);
}

/** The parts of exceljs' WorkbookReader (4.x) that parse a workbook's index entries. */
interface ExcelJsWorkbookReaderInternals {
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseRels(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
}

/**
 * exceljs' streaming reader learns the sheet names (xl/workbook.xml), the sheet files
 * (workbook.xml.rels) and the date formats (styles.xml) as it meets them in the zip. Excel writes them
 * before the sheets; other writers (exceljs itself, some exports) put workbook.xml last, and the reader
 * then fails on the first sheet ("reading 'sheets'") or names it "Sheet1". So read those three small
 * entries first, through the zip's central directory, whatever their order (unzipper: the zip reader
 * exceljs itself uses, so no second one).
 */
async function readWorkbookIndex(absolute: string, reader: ExcelJsWorkbookReaderInternals): Promise<void> {
  // Another exceljs than 4.x may not have these: then its reader goes by the zip's order alone, as
  // before (and the test with workbook.xml last fails, which says so).
  if (typeof reader._parseWorkbook !== 'function' || typeof reader._parseRels !== 'function' || typeof reader._parseStyles !== 'function') return;
  let entries: unzipper.File[];
  try {
    entries = (await unzipper.Open.file(absolute)).files;
  } catch {
    return; // Not a readable zip: the streaming reader says why, below.
  }
  const entry = (path: string) => entries.find((e) => e.path === path);
  const parts = [
    ['xl/workbook.xml', (s: Readable) => reader._parseWorkbook(s)],
    ['xl/_rels/workbook.xml.rels', (s: Readable) => reader._parseRels(s)],
    ['xl/styles.xml', (s: Readable) => reader._parseStyles(s)],
  ] as const;
  for (const [path, parse] of parts) {
    const found = entry(path);
    if (found) await parse(found.stream() as unknown as Readable);
  }
}
