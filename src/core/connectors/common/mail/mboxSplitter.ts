import { createReadStream } from 'node:fs';

/** One message cut out of an mbox, with the byte offset of its "From " line (the locator). */
export interface MboxMessage {
  readonly offset: number;
  readonly raw: Buffer;
}

export type MboxFormat = 'mboxrd' | 'mboxo';

const SEPARATOR = Buffer.from('\nFrom ');
/** The postmark line "From sender date": requiring a time keeps a stray body line from splitting a message. */
const POSTMARK = /^From \S*\s.*\d{1,2}:\d\d/;
const READ_CHUNK = 1024 * 1024;

export interface SplitOptions {
  /** Start at this byte offset, which must be that of a "From " line (re-reading one message by its locator). */
  readonly start?: number;
  /** Bytes per read; a reader that wants one small message reads less than a full scan does. */
  readonly chunkSize?: number;
}

/**
 * Split an mbox file into messages, streaming (RFC 4155). Hand-written rather than `mbox-reader`
 * because the locator needs each message's byte offset, which mbox-reader does not expose, and
 * because it works on Buffers with memmem-speed `indexOf` instead of line strings.
 * Memory is bounded by the largest single message.
 */
export async function* splitMbox(path: string, format: MboxFormat, signal?: AbortSignal, options: Readonly<SplitOptions> = {}): AsyncGenerator<MboxMessage> {
  let pending: Buffer[] = []; // together: the file bytes from `start` up to `fileOffset`
  let start = options.start ?? 0; // file offset of the current message's "From " line
  let fileOffset = start; // file offset just past the bytes read so far
  // The last bytes read that may still begin a separator: at most a separator's length less one,
  // or a "From " line whose end has not been read yet (it decides whether the line is a postmark).
  // Kept across chunks of any size, so a border can cut a separator anywhere, even 1-byte reads.
  let carry: Buffer = Buffer.alloc(0);

  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? READ_CHUNK, start });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    signal?.throwIfAborted();
    const windowStart = fileOffset - carry.length;
    // Only the carry (a few hundred bytes at most) is copied in front of the chunk.
    const window = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    pending.push(chunk);
    fileOffset += chunk.length;
    let hold = Math.max(0, window.length - (SEPARATOR.length - 1));
    for (let hit = window.indexOf(SEPARATOR); hit >= 0; hit = window.indexOf(SEPARATOR, hit + 1)) {
      const postmark = postmarkAt(window, hit + 1);
      if (postmark === undefined) {
        hold = hit; // decided once more of the line is read
        break;
      }
      if (!postmark) continue;
      const lineStart = windowStart + hit + 1;
      if (lineStart <= start) continue;
      // One view over the bytes of the message and what follows it; slicing it copies nothing.
      const block = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
      yield toMessage(start, block.subarray(0, lineStart - start), format);
      pending = [block.subarray(lineStart - start)];
      start = lineStart;
    }
    carry = Buffer.from(window.subarray(hold));
  }
  const rest = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
  if (rest.length > 0) yield toMessage(start, rest, format);
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
 */
function unescapeFromLines(raw: Buffer, format: MboxFormat): Buffer {
  if (raw.indexOf('>From ') < 0) return raw;
  const pattern = format === 'mboxrd' ? /(^|\n)>(>*From )/g : /(^|\n)>(From )/g;
  return Buffer.from(raw.toString('latin1').replace(pattern, '$1$2'), 'latin1');
}
