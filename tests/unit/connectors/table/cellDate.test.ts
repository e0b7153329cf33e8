import { describe, expect, it } from 'vitest';
import { formatExcelDate, parseCellDate } from '../../../../src/core/connectors/common/table/cellDate.js';
import { xlsxCellText } from '../../../../src/core/connectors/common/table/xlsxCellText.js';

describe('parseCellDate', () => {
  it('reads ISO and German dates, with or without time', () => {
    expect(parseCellDate('2024-03-04')).toBe('2024-03-04');
    expect(parseCellDate('2024-03-04 09:15')).toBe('2024-03-04T09:15:00');
    expect(parseCellDate('2024-03-04T09:15:02+0100')).toBe('2024-03-04T09:15:02+01:00');
    expect(parseCellDate('2024-03-04 09:15:02.123+00')).toBe('2024-03-04T09:15:02+00:00'); // PostgreSQL's timestamptz text
    expect(parseCellDate('04.03.2024')).toBe('2024-03-04');
    expect(parseCellDate('4.3.2024 9:05')).toBe('2024-03-04T09:05:00');
  });

  it('gives null for ambiguous or impossible dates', () => {
    expect(parseCellDate('03/04/2024')).toBeNull();
    expect(parseCellDate('31.02.2024')).toBeNull();
    expect(parseCellDate('2024-13-01')).toBeNull();
    expect(parseCellDate('gestern')).toBeNull();
  });
});

describe('Excel cells', () => {
  it('renders dates as ISO, midnight as a plain date', () => {
    expect(formatExcelDate(new Date(Date.UTC(2024, 2, 4)))).toBe('2024-03-04');
    expect(formatExcelDate(new Date(Date.UTC(2024, 2, 4, 9, 15, 2)))).toBe('2024-03-04T09:15:02');
  });

  it('reads rich text, formulas, hyperlinks and errors as text', () => {
    expect(xlsxCellText({ richText: [{ text: 'An' }, { text: 'na' }] })).toBe('Anna');
    expect(xlsxCellText({ formula: 'A1', result: 42 })).toBe('42');
    expect(xlsxCellText({ text: 'Mail', hyperlink: 'mailto:anna.mueller@example.de' })).toBe('Mail <mailto:anna.mueller@example.de>');
    expect(xlsxCellText({ error: '#N/A' })).toBe('#N/A');
    expect(xlsxCellText(null)).toBe('');
    expect(xlsxCellText(4970227896848)).toBe('4970227896848');
  });
});
