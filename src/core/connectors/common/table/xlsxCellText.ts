import type { CellValue } from 'exceljs';
import { formatExcelDate } from './cellDate.js';

/**
 * The text of an XLSX cell as a person reads it: rich text joined, a formula's cached result, a
 * hyperlink's text with its target, dates as ISO (exceljs turns date-formatted serials into Dates).
 */
export function xlsxCellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return formatExcelDate(value);
  if ('richText' in value) return value.richText.map((part) => part.text ?? '').join('');
  if ('hyperlink' in value) {
    const text = xlsxCellText(value.text as CellValue);
    return value.hyperlink && value.hyperlink !== text ? `${text} <${value.hyperlink}>` : text;
  }
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) return xlsxCellText((value.result ?? null) as CellValue);
  if ('error' in value) return value.error;
  return '';
}
