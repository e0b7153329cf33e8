import { describe, expect, it } from 'vitest';
import { decodeLogLine } from '../../../../src/core/connectors/weblog/decodeLogLine.js';
import { percentDecode, unescapeLogField } from '../../../../src/core/connectors/weblog/logEscapes.js';
import { logFileLines } from '../../../../src/core/connectors/weblog/logFileLines.js';

describe('unescapeLogField', () => {
  it('decodes \\xhh runs as UTF-8 and \\" \\\\', () => {
    expect(unescapeLogField('GET /suche?q=M\\xc3\\xbcller')).toBe('GET /suche?q=Müller');
    expect(unescapeLogField('Mozilla \\"quoted\\" \\\\x41')).toBe('Mozilla "quoted" \\x41');
  });

  it('leaves bytes that are not printable UTF-8 escaped', () => {
    expect(unescapeLogField('\\x16\\x03\\x01\\x00\\xa5')).toBe('\\x16\\x03\\x01\\x00\\xa5');
  });
});

describe('percentDecode', () => {
  it('decodes URL escapes, UTF-8 or Latin-1', () => {
    expect(percentDecode('/kontakt?email=anna.mueller%40example.de')).toBe('/kontakt?email=anna.mueller@example.de');
    expect(percentDecode('q=M%C3%BCller')).toBe('q=Müller');
    expect(percentDecode('q=M%FCller')).toBe('q=Müller');
    expect(percentDecode('bad %zz %4')).toBe('bad %zz %4');
  });

  it('reads + as a space in the query only when asked', () => {
    expect(percentDecode('/a+b?q=Anna+M%C3%BCller&x=a%2Bb', true)).toBe('/a+b?q=Anna Müller&x=a+b');
    expect(percentDecode('/a+b?q=Anna+M%C3%BCller')).toBe('/a+b?q=Anna+Müller');
  });
});

describe('decodeLogLine', () => {
  it('decodes each line as UTF-8, else windows-1252', () => {
    expect(decodeLogLine(Buffer.from('Müller', 'utf8'))).toBe('Müller');
    expect(decodeLogLine(Uint8Array.of(0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72))).toBe('Müller');
  });
});

describe('logFileLines', () => {
  async function* chunks(...parts: string[]): AsyncGenerator<Buffer> {
    for (const p of parts) yield Buffer.from(p, 'latin1');
  }
  async function lines(max: number, ...parts: string[]): Promise<Array<[number, string, number]>> {
    const out: Array<[number, string, number]> = [];
    for await (const l of logFileLines(chunks(...parts), max)) out.push([l.line, l.bytes.toString('latin1'), l.droppedBytes]);
    return out;
  }

  it('splits LF and CRLF lines across chunks and keeps a last line without newline', async () => {
    expect(await lines(100, 'a\r', '\nb\n\nc')).toEqual([
      [1, 'a', 0],
      [2, 'b', 0],
      [3, '', 0],
      [4, 'c', 0],
    ]);
  });

  it('cuts an overlong line and counts what it dropped', async () => {
    expect(await lines(4, 'abcdefgh', 'ij\nk\n')).toEqual([
      [1, 'abcd', 6],
      [2, 'k', 0],
    ]);
  });
});
