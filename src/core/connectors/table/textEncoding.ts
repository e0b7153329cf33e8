import iconv from 'iconv-lite';

/** What detection can tell from a file; a configured `encoding` may name any iconv-lite encoding. */
export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * The encoding of a text table (LIBRARIES.md rule): a BOM decides (UTF-8, or UTF-16 from Excel's
 * "Unicode text" export); otherwise the file is UTF-8 if the *whole* file decodes as strict UTF-8,
 * else windows-1252 (what German Excel and Outlook write). The whole file, not a sample: an export
 * can be plain ASCII for megabytes and carry its first "ü" as a cp1252 byte near the end. The check
 * streams and stops at the first invalid byte; a UTF-8 file is thus read twice (once to check, once
 * to parse), which keeps memory flat.
 */
export async function detectEncoding(chunks: AsyncIterable<Uint8Array>): Promise<DetectedEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let head: Uint8Array | undefined;
  try {
    for await (const chunk of chunks) {
      if (!head) {
        head = chunk;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return 'utf-8';
        if (chunk[0] === 0xff && chunk[1] === 0xfe) return 'utf-16le';
        if (chunk[0] === 0xfe && chunk[1] === 0xff) return 'utf-16be';
      }
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return 'utf-8';
  } catch (err) {
    if (err instanceof TypeError) return 'windows-1252';
    throw err;
  }
}

/** The file's text in chunks, BOM removed. UTF-8 is decoded strictly: a byte that is not UTF-8 throws. */
export async function* decodeText(chunks: AsyncIterable<Uint8Array>, encoding: string): AsyncGenerator<string> {
  if (/^utf-?8$/i.test(encoding)) {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for await (const chunk of chunks) {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
    return;
  }
  const decoder = iconv.getDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}
