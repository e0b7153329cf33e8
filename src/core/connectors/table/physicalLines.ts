/**
 * Physical lines of a text, each with its terminator (`\r\n`, `\n` or a lone `\r`), across chunk
 * boundaries. Line numbers in locators count exactly these lines, so the CSV reader and the line
 * counter agree on every file: CRLF, LF, old-Mac CR, or a mix.
 */
export async function* physicalLines(chunks: AsyncIterable<string>, maxLineChars: number): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of chunks) {
    let text = carry + chunk;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (c === 13) {
        // A CR at the chunk's end may be the first half of CRLF: wait for the next chunk.
        if (i + 1 === text.length) break;
        if (text.charCodeAt(i + 1) === 10) i++;
      }
      yield text.slice(start, i + 1);
      start = i + 1;
    }
    carry = text.slice(start);
    text = '';
    if (carry.length > maxLineChars) throw new LineTooLongError(maxLineChars);
  }
  if (carry) yield carry;
}

/** A line beyond the limit: the file is not line-structured text (binary, or no line breaks at all). */
export class LineTooLongError extends Error {
  override readonly name = 'LineTooLongError';
  constructor(readonly limit: number) {
    super(`a line is longer than ${limit} characters`);
  }
}

/** How many line breaks a text contains, counting CRLF once (the same rule as physicalLines). */
export function countLineBreaks(text: string): number {
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) breaks++;
    else if (c === 13) {
      breaks++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return breaks;
}

/** A line without its terminator. */
export function stripLineBreak(line: string): string {
  return line.replace(/\r?\n$|\r$/, '');
}
