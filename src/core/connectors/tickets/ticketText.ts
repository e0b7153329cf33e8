import { createReadStream } from 'node:fs';
import { decodeText, detectEncoding } from '../common/table/textEncoding.js';

/**
 * The encoding of an export by the rule every text source follows (LIBRARIES.md "Encodings"): BOM,
 * else UTF-8 if the whole file is valid UTF-8, else windows-1252. JSON ought to be UTF-8
 * (RFC 8259 §8.1), but exports from old helpdesks are not always what they ought to be.
 */
export function detectTicketEncoding(absolute: string, signal: AbortSignal): Promise<string> {
  return detectEncoding(createReadStream(absolute, { signal }));
}

/** The export's text in chunks, in `encoding` (detected when not given), BOM removed. */
export async function ticketText(absolute: string, signal: AbortSignal, encoding?: string): Promise<AsyncIterable<string>> {
  // Detect first: a stream opened before a detection that fails (abort) would error with no reader.
  const detected = encoding ?? (await detectTicketEncoding(absolute, signal));
  return decodeText(createReadStream(absolute, { signal }), detected);
}
