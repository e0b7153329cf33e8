import { describe, expect, it } from 'vitest';
import { excelSeparatorLine, sniffDelimiter } from '../../../../src/core/connectors/common/table/sniffDelimiter.js';

const lines = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

describe('sniffDelimiter', () => {
  it('finds ; , tab and | by a consistent field count', () => {
    expect(sniffDelimiter(lines('a;b;c\n1;2;3\n'))).toBe(';');
    expect(sniffDelimiter(lines('a,b,c\n1,2,3\n'))).toBe(',');
    expect(sniffDelimiter(lines('a\tb\tc\n1\t2\t3\n'))).toBe('\t');
    expect(sniffDelimiter(lines('a|b\n1|2\n'))).toBe('|');
  });

  it('is not fooled by commas in German text or decimal numbers', () => {
    expect(sniffDelimiter(lines('Name;Betrag;Notiz\nMüller, Anna;12,50;ja, gern\nMeier;3,10;nein\n'))).toBe(';');
  });

  it('ignores delimiters inside quotes, also across quoted line breaks', () => {
    expect(sniffDelimiter(lines('id,notiz\n1,"a;b;c\nd;e;f"\n2,x\n'))).toBe(',');
  });

  it('falls back to comma for a single column', () => {
    expect(sniffDelimiter(lines('email\nx@y.de\n'))).toBe(',');
  });
});

describe('excelSeparatorLine', () => {
  it('reads Excel\'s sep= line, with or without quotes and CRLF', () => {
    expect(excelSeparatorLine('sep=;\r\n')).toBe(';');
    expect(excelSeparatorLine('"sep=,"\n')).toBe(',');
    expect(excelSeparatorLine('SEP=\t\n')).toBe('\t');
    expect(excelSeparatorLine('separator;x\n')).toBeUndefined();
  });
});
