import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { SubjectQuery } from '../../domain/subjectQuery.js';
import { SourceError, type SearchContext, type SearchEvent } from '../connector.js';
import { LineTooLongError, physicalLines } from '../common/table/physicalLines.js';
import { decodeText, detectEncoding } from '../common/table/textEncoding.js';
import { MAX_LINE_CHARS, PROGRESS_EVERY_CARDS } from './contactsLimits.js';
import { VCardCardScanner } from './vcardCardScanner.js';
import { VCardUnfolder } from './vcardUnfolder.js';
import { byteTransport, textTransport } from './vcardValue.js';

/** The UTF-8 byte order mark as it reads byte for byte (latin1). */
const UTF8_BOM_AS_LATIN1 = '\u00ef\u00bb\u00bf';

/**
 * Searches a vCard file (2.1, 3.0, 4.0; any number of cards) card by card, reading one line at a
 * time. Locator `{ path, line }` = the line of the card's BEGIN:VCARD.
 */
export async function* searchVCard(absolute: string, path: string, encoding: string | undefined, subject: SubjectQuery, ctx: SearchContext): AsyncGenerator<SearchEvent> {
  const fileEncoding = encoding ?? (await detectEncoding(createReadStream(absolute, { signal: ctx.signal })));
  const utf16 = /^utf-?16/i.test(fileEncoding);
  const transport = utf16 ? textTransport() : byteTransport(fileEncoding);
  const chunks = utf16 ? decodeText(createReadStream(absolute, { signal: ctx.signal }), fileEncoding) : latin1Chunks(createReadStream(absolute, { signal: ctx.signal }));
  const unfolder = new VCardUnfolder();
  const scanner = new VCardCardScanner(subject, transport, path, basename(path));
  let lineNumber = 0;
  let reported = 0;
  const progress = () => {
    if (scanner.scanned - reported >= PROGRESS_EVERY_CARDS) {
      reported = scanner.scanned;
      ctx.progress({ scanned: reported });
    }
  };

  try {
    for await (const physical of physicalLines(chunks, MAX_LINE_CHARS)) {
      ctx.signal.throwIfAborted();
      lineNumber++;
      const line = lineNumber === 1 && physical.startsWith(UTF8_BOM_AS_LATIN1) ? physical.slice(UTF8_BOM_AS_LATIN1.length) : physical;
      for (const content of unfolder.push(line, lineNumber)) yield* scanner.push(content);
      progress();
    }
  } catch (err) {
    if (err instanceof LineTooLongError) throw new SourceError(`${path} has ${err.message}: it is not a vCard file`);
    throw err;
  }
  for (const content of unfolder.end()) yield* scanner.push(content);
  yield* scanner.end();
  ctx.progress({ scanned: scanner.scanned });
}

/** Each byte as one character, so that every property can be decoded with its own CHARSET later. */
async function* latin1Chunks(stream: AsyncIterable<Buffer>): AsyncGenerator<string> {
  for await (const chunk of stream) yield chunk.toString('latin1');
}
