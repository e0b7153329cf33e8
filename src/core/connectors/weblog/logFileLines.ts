/** One physical line of a log file as bytes, without its `\n` or `\r\n`. */
export interface ByteLine {
  /** 1-based physical line number. */
  readonly line: number;
  readonly bytes: Buffer;
  /** Bytes beyond the limit that were not kept (0 for a normal line). */
  readonly droppedBytes: number;
}

/**
 * Splits a byte stream into lines without decoding it first, so that each line can be decoded on
 * its own (a log mixes UTF-8 and Latin-1 lines when clients send raw bytes). A line longer than
 * `maxLineBytes` is cut there and the rest counted, not kept.
 */
export async function* logFileLines(chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<ByteLine> {
  let parts: Buffer[] = [];
  let kept = 0;
  let dropped = 0;
  let line = 1;
  const take = (piece: Buffer): void => {
    const room = maxLineBytes - kept;
    if (piece.length > room) dropped += piece.length - Math.max(room, 0);
    if (room > 0) {
      const part = piece.length > room ? piece.subarray(0, room) : piece;
      parts.push(part);
      kept += part.length;
    }
  };
  const finish = (): ByteLine => {
    let bytes = parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts, kept);
    if (bytes.length && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    const done = { line, bytes: Buffer.from(bytes), droppedBytes: dropped };
    parts = [];
    kept = 0;
    dropped = 0;
    line++;
    return done;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      take(chunk.subarray(start, nl));
      yield finish();
      start = nl + 1;
    }
    if (start < chunk.length) take(chunk.subarray(start));
  }
  if (kept > 0 || dropped > 0) yield finish();
}
