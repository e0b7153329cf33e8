import { open } from 'node:fs/promises';

/** One message cut out of an mbox, with the byte offset of its "From " line (the locator). */
export interface MboxMessage {
  readonly offset: number;
  readonly raw: Buffer;
}

export type MboxFormat = 'mboxrd' | 'mboxo';

const SEPARATOR = Buffer.from('\nFrom ');
/** The postmark line "From sender date": requiring a time keeps a stray body line from splitting a message. */
const POSTMARK = /^From \S*\s.*\d{1,2}:\d\d/;
const READ_CHUNK = 4 * 1024 * 1024;

export interface SplitOptions {
  /** Start at this byte offset, which must be that of a "From " line (re-reading one message by its locator). */
  readonly start?: number;
  /** Bytes per read; a reader that wants one small message reads less than a full scan does. */
  readonly chunkSize?: number;
  /**
   * Read into the same buffer again once the consumer asks for the next message, so a message's
   * `raw` is valid only until then. Spares allocating (and page-faulting) the whole file: for a
   * consumer that is done with each message before it takes the next (the mbox scan).
   */
  readonly reuseBuffer?: boolean;
}

/**
 * Split an mbox file into messages, streaming (RFC 4155). Hand-written rather than `mbox-reader`
 * because the locator needs each message's byte offset, which mbox-reader does not expose, and
 * because it works on Buffers with memmem-speed `indexOf` instead of line strings.
 * A message that lies within one read is a view of the read buffer; only the part of a message a
 * read has cut is copied, once, in front of the next read. Memory is bounded by the largest single
 * message (plus one read).
 */
export async function* splitMbox(path: string, format: MboxFormat, signal?: AbortSignal, options: Readonly<SplitOptions> = {}): AsyncGenerator<MboxMessage> {
  const chunk = Math.max(1, options.chunkSize ?? READ_CHUNK);
  const file = await open(path, 'r');
  try {
    // Reused, the buffer holds a cut message in front of a full read.
    let buf = Buffer.allocUnsafe(options.reuseBuffer ? 2 * chunk : chunk);
    let length = 0; // bytes of buf read so far
    let bufOffset = options.start ?? 0; // file offset of buf[0]
    let message = 0; // index in buf of the current message's "From " line
    let scan = 0; // where the search for the next separator resumes
    let eof = false;
    for (;;) {
      const view = buf.subarray(0, length);
      let undecided = -1;
      for (let hit = view.indexOf(SEPARATOR, scan); hit >= 0; hit = view.indexOf(SEPARATOR, hit + 1)) {
        const postmark = postmarkAt(view, hit + 1);
        if (postmark === undefined && !eof) {
          undecided = hit; // decided once more of the line is read
          break;
        }
        if (!postmark) continue;
        const lineStart = hit + 1;
        if (lineStart <= message) continue;
        yield toMessage(bufOffset + message, view.subarray(message, lineStart), format);
        message = lineStart;
      }
      // A separator may begin in the last bytes read: search them again with the next read.
      scan = undecided >= 0 ? undecided : Math.max(message, length - (SEPARATOR.length - 1));
      if (eof) break;
      signal?.throwIfAborted();
      // Keep the current message's bytes in front of the next read. A long message makes the read
      // as long as it is, so copying it costs at most about its size once more in all.
      const keep = length - message;
      const readSize = Math.max(chunk, keep);
      if (options.reuseBuffer && buf.length >= keep + readSize) {
        buf.copyWithin(0, message, length);
      } else {
        const next = Buffer.allocUnsafe(keep + readSize);
        buf.copy(next, 0, message, length);
        buf = next;
      }
      bufOffset += message;
      scan -= message;
      length = keep;
      message = 0;
      const { bytesRead } = await file.read(buf, length, buf.length - length, bufOffset + length);
      if (bytesRead === 0) eof = true;
      length += bytesRead;
    }
    if (length > message) yield toMessage(bufOffset + message, buf.subarray(message, length), format);
  } finally {
    await file.close();
  }
}

/** The most of a "From " line the postmark test reads. */
const POSTMARK_PROBE = 200;

/**
 * Whether the bytes at `at` start a postmark line; undefined while the line is cut by the end of
 * what is read and shorter than the probe (the time that makes it a postmark may still follow).
 * At the end of the file such a line stays part of the message before it.
 */
function postmarkAt(buf: Buffer, at: number): boolean | undefined {
  const end = buf.indexOf(0x0a, at);
  if (end < 0 && buf.length - at < POSTMARK_PROBE) return undefined;
  return POSTMARK.test(buf.toString('latin1', at, Math.min(end < 0 ? buf.length : end, at + POSTMARK_PROBE)));
}

/** Whether the bytes at `at` start a postmark line; it may be cut by the end of `buf`, then assume yes. */
function isPostmark(buf: Buffer, at: number): boolean {
  const end = buf.indexOf(0x0a, at);
  if (end < 0) return true;
  return POSTMARK.test(buf.toString('latin1', at, Math.min(end, at + 200)));
}

/** Whether the file starts like an mbox at all: its first line is a "From " postmark. */
export function startsLikeMbox(head: Buffer): boolean {
  return head.length === 0 || (head.subarray(0, 5).toString('latin1') === 'From ' && isPostmark(head, 0));
}

function toMessage(offset: number, block: Buffer, format: MboxFormat): MboxMessage {
  let begin = block.indexOf(0x0a) + 1; // skip the postmark line
  if (begin === 0) begin = block.length;
  let end = block.length;
  // The blank line that separates messages belongs to the mbox, not to the message.
  if (end > begin && block[end - 1] === 0x0a) end--;
  if (end > begin && block[end - 1] === 0x0d) end--;
  return { offset, raw: unescapeFromLines(block.subarray(begin, end), format) };
}

/**
 * Undo "From " quoting. mboxrd quotes every `>*From ` line with one more `>`, so one is removed from
 * each; mboxo quotes only `From `, so only `>From ` is unquoted (and `>>From ` stays as written).
 * On Buffers: only the quoted lines are found and cut, the message is never turned into a string.
 */
function unescapeFromLines(raw: Buffer, format: MboxFormat): Buffer {
  let hit = raw.indexOf(QUOTED_FROM);
  if (hit < 0) return raw;
  const pieces: Buffer[] = [];
  let from = 0;
  for (; hit >= 0; hit = raw.indexOf(QUOTED_FROM, hit + 1)) {
    let lineStart = hit;
    if (format === 'mboxrd') while (lineStart > 0 && raw[lineStart - 1] === GT) lineStart--;
    if (lineStart > 0 && raw[lineStart - 1] !== LF) continue;
    pieces.push(raw.subarray(from, lineStart));
    from = lineStart + 1; // drop one ">"
  }
  if (pieces.length === 0) return raw;
  pieces.push(raw.subarray(from));
  return Buffer.concat(pieces);
}

const QUOTED_FROM = Buffer.from('>From ');
const GT = 0x3e;
const LF = 0x0a;
