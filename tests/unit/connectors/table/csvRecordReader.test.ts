import { describe, expect, it } from 'vitest';
import { CsvRecordReader, type CsvRecord } from '../../../../src/core/connectors/common/table/csvRecordReader.js';
import { countLineBreaks, physicalLines } from '../../../../src/core/connectors/common/table/physicalLines.js';
import { MAX_RECORD_LINES } from '../../../../src/core/connectors/common/table/tableLimits.js';

async function* strings(...parts: string[]): AsyncGenerator<string> {
  yield* parts;
}

async function read(text: string, delimiter = ';', firstLine = 1): Promise<CsvRecord[]> {
  const reader = new CsvRecordReader(delimiter, firstLine);
  const out: CsvRecord[] = [];
  for await (const line of physicalLines(strings(text), 1_000_000)) out.push(...reader.push(line));
  out.push(...(await reader.end()));
  return out;
}

describe('physicalLines', () => {
  it('splits CRLF, LF and lone CR, also when CRLF is split across chunks', async () => {
    const lines: string[] = [];
    for await (const l of physicalLines(strings('a\r', '\nb\nc\rd'), 100)) lines.push(l);
    expect(lines).toEqual(['a\r\n', 'b\n', 'c\r', 'd']);
    expect(countLineBreaks('a\r\nb\nc\rd')).toBe(3);
  });
});

describe('CsvRecordReader', () => {
  it('gives each record the physical line it starts on, across quoted CRLF line breaks', async () => {
    const records = await read('id;notiz\r\n1;"eins\r\nzwei\r\ndrei"\r\n\r\n2;x\r\n3;"a ""b"" c"\r\n');
    expect(records.map((r) => [r.line, r.cells, r.isHeader])).toEqual([
      [1, ['id', 'notiz'], true],
      [2, ['1', 'eins\r\nzwei\r\ndrei'], false],
      [6, ['2', 'x'], false],
      [7, ['3', 'a "b" c'], false],
    ]);
  });

  it('starts counting at the given line (after an Excel sep= line)', async () => {
    const records = await read('a,b\n1,2\n', ',', 2);
    expect(records.map((r) => r.line)).toEqual([2, 3]);
  });

  it('returns a row with the wrong field count with a problem, and keeps going', async () => {
    const records = await read('a;b;c\n1;2\n3;4;5;6\n7;8;9\n');
    expect(records.map((r) => [r.line, r.cells.length, r.problem])).toEqual([
      [1, 3, undefined],
      [2, 2, 'row has 2 fields, the header has 3'],
      [3, 4, 'row has 4 fields, the header has 3'],
      [4, 3, undefined],
    ]);
  });

  it('undoes a stray quote that swallowed the next lines: every line is still returned', async () => {
    const records = await read('a;b;c\n1;"kaputt;x\n2;y;z\n3;"q";w\n4;v;u\n');
    expect(records.map((r) => [r.line, r.cells[0], r.problem !== undefined])).toEqual([
      [1, 'a', false],
      [2, '1', true],
      [3, '2', false],
      [4, '3', false],
      [5, '4', false],
    ]);
  });

  it('undoes a quote still open at the end of the file', async () => {
    const records = await read('a;b\n1;"offen\n2;y\n3;z');
    expect(records.map((r) => [r.line, r.cells, r.problem !== undefined])).toEqual([
      [1, ['a', 'b'], false],
      [2, ['1', 'offen'], true],
      [3, ['2', 'y'], false],
      [4, ['3', 'z'], false],
    ]);
  });

  it('gives up on a quote open for more than MAX_RECORD_LINES lines without holding the rest of the file', async () => {
    const rows = Array.from({ length: MAX_RECORD_LINES * 3 }, (_, i) => `${i};row\n`).join('');
    const records = await read(`a;b\n1;"offen\n${rows}`);
    expect(records[1]).toMatchObject({ line: 2, problem: expect.stringContaining('unclosed quote') });
    expect(records).toHaveLength(2 + MAX_RECORD_LINES * 3);
    expect(records.at(-1)).toMatchObject({ line: 2 + MAX_RECORD_LINES * 3, cells: [String(MAX_RECORD_LINES * 3 - 1), 'row'] });
  });

  it('keeps a real multi-line cell of a wider table together', async () => {
    const records = await read('id;name;notiz\n1;Anna;"Zeile eins\nZeile; zwei\n"\n2;Max;x\n');
    expect(records.map((r) => [r.line, r.cells.length, r.problem])).toEqual([
      [1, 3, undefined],
      [2, 3, undefined],
      [5, 3, undefined],
    ]);
  });

  it('keeps a literal quote inside an unquoted field', async () => {
    const records = await read('a;b\n1;5" Zoll\n');
    expect(records[1]).toMatchObject({ line: 2, cells: ['1', '5" Zoll'] });
    expect(records[1]?.problem).toBeUndefined();
  });
});
