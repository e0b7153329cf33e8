/**
 * Streams the records of a JSON export one at a time, so that a 2 GB helpdesk export never sits in
 * memory as a whole (docs/ARCHITECTURE.md "Streaming"). Accepted layouts:
 *
 * - a top-level array: each element is an item (only when the file starts with it);
 * - NDJSON, or any sequence of top-level values: each value is an item (a single pretty-printed
 *   object is the one-item case);
 * - with `unwrap`, a top-level object is a container: each member is an item tagged with its key,
 *   and a member named in `unwrap` that holds an array yields its elements one by one
 *   (`{"tickets": [...], "users": [...]}` as the Zendesk API answers).
 *
 * Only the characters of the current item are held. A broken item (a line break inside a string,
 * a mismatched bracket, an object left open when the next record starts) becomes an error item
 * with its line, and reading resumes at the next record: one damaged ticket must not hide the
 * rest of the export (docs/ARCHITECTURE.md "Bad input gets a clear error, and nothing is lost").
 */

export interface JsonItem {
  /** 1-based line where the item starts. */
  readonly line: number;
  /** Items from one unwrapped top-level object share this number; every other item has its own. */
  readonly container: number;
  /** The member name, for items read out of an unwrapped top-level object. */
  readonly key?: string;
  /** The parsed value, unless the item is broken. */
  readonly value?: unknown;
  /** Why the item could not be read; it was not parsed. */
  readonly error?: string;
}

export interface JsonItemOptions {
  /** Member names of a top-level object whose arrays are streamed element by element. */
  readonly unwrap?: ReadonlySet<string>;
  /** An item longer than this is skipped with an error, not parsed: one record must not exhaust memory. */
  readonly maxItemChars: number;
  /** Items this returns false for are followed structurally but neither buffered nor parsed (a pass that needs only users). */
  readonly want?: (key: string | undefined) => boolean;
}

/** Nesting deeper than this is hostile (a stack-exhausting `[[[[…`), not a ticket. */
export const MAX_JSON_DEPTH = 256;

type Frame =
  | { readonly kind: 'top' }
  | { readonly kind: 'array'; readonly key: string | undefined; readonly container: number | undefined }
  | { readonly kind: 'object'; readonly container: number; state: 'key' | 'colon' | 'value' | 'comma'; key: string | undefined };

interface Capture {
  readonly line: number;
  readonly col: number;
  readonly key: string | undefined;
  readonly container: number;
  /** A member name being read in an unwrapped object, not an item. */
  readonly isKey: boolean;
  readonly keep: boolean;
  parts: string[];
  chars: number;
  oversize: boolean;
  closers: string[];
  /** A number or literal: it ends at the first delimiter, not at a bracket. */
  readonly scalar: boolean;
}

interface Resync {
  readonly line: number;
  readonly col: number;
  readonly key: string | undefined;
  readonly container: number;
  readonly message: string;
  readonly report: boolean;
}

const STRING_STOP = /["\\\n]/g;

/** The push-based splitter; `jsonItems` wraps it for async text streams. */
export class JsonItemSplitter {
  private readonly frames: Frame[] = [{ kind: 'top' }];
  private capture: Capture | undefined;
  private resync: Resync | undefined;
  private inString = false;
  private escape = false;
  private line = 1;
  private col = 0;
  private lineHasContent = false;
  private containers = 0;
  private seenTopValue = false;
  private out: JsonItem[] = [];
  /** Start of the current capture's text in the chunk being read. */
  private segment = 0;

  constructor(private readonly options: JsonItemOptions) {}

  /** Reads the next piece of text; returns the items it completed. */
  push(chunk: string): JsonItem[] {
    this.segment = 0;
    let i = 0;
    while (i < chunk.length) i = this.step(chunk, i);
    if (this.capture) this.keep(chunk, this.segment, chunk.length);
    return this.take();
  }

  /** Ends the input; returns what is left, including errors for a truncated file. */
  end(): JsonItem[] {
    if (this.capture) {
      const c = this.capture;
      this.capture = undefined;
      if (!c.isKey && c.scalar && !this.inString) this.finish(c);
      else this.error(c.line, c.key, c.container, `the file ends inside this record (truncated export?); it was not searched`, c.keep);
    }
    if (this.resync) {
      const r = this.resync;
      this.resync = undefined;
      if (r.report) this.error(r.line, r.key, r.container, `${r.message}; the rest of the file from line ${r.line} could not be read`, true);
    }
    const open = this.frames.length > 1 ? this.frames[this.frames.length - 1] : undefined;
    if (open) this.error(this.line, undefined, this.containers, `the file ends before its top-level ${open.kind === 'array' ? 'array' : 'object'} is closed (truncated export?)`, true);
    return this.take();
  }

  private take(): JsonItem[] {
    const items = this.out;
    this.out = [];
    return items;
  }

  /** Processes the character at `i` (or a run of string content); returns the next index. */
  private step(chunk: string, i: number): number {
    if (this.inString) return this.stringStep(chunk, i);
    const c = chunk[i]!;
    if (c === '\n') {
      this.line++;
      this.col = 0;
      this.lineHasContent = false;
      return i + 1;
    }
    const firstOnLine = !this.lineHasContent && c !== ' ' && c !== '\t' && c !== '\r';
    if (firstOnLine) this.lineHasContent = true;
    let next = i + 1;
    if (this.resync) this.resyncStep(i, c, firstOnLine);
    else if (this.capture) next = this.captureStep(chunk, i, c, firstOnLine);
    else this.outerStep(i, c);
    if (next === i + 1) this.col++;
    return next;
  }

  private stringStep(chunk: string, i: number): number {
    if (this.escape) {
      this.escape = false;
      this.col++;
      return i + 1;
    }
    STRING_STOP.lastIndex = i;
    const hit = STRING_STOP.exec(chunk);
    if (!hit) {
      this.col += chunk.length - i;
      return chunk.length;
    }
    const at = hit.index;
    this.col += at - i;
    const c = chunk[at]!;
    if (c === '\\') {
      this.escape = true;
      this.col++;
      return at + 1;
    }
    if (c === '"') {
      this.inString = false;
      this.col++;
      const capture = this.capture;
      if (capture && capture.closers.length === 0) this.complete(chunk, at, capture);
      return at + 1;
    }
    // A raw line break: JSON strings cannot hold one (RFC 8259 §7), so this record was cut off.
    this.inString = false;
    this.broken('a line break inside a string (the record is cut off or not JSON)');
    this.line++;
    this.col = 0;
    this.lineHasContent = false;
    return at + 1;
  }

  private captureStep(chunk: string, i: number, c: string, firstOnLine: boolean): number {
    const capture = this.capture!;
    if (capture.scalar) {
      if (c === ',' || c === ']' || c === '}' || c === ' ' || c === '\t' || c === '\r') {
        this.keep(chunk, this.segment, i);
        this.capture = undefined;
        this.finish(capture);
        return i; // the delimiter belongs to the enclosing structure: read it again there
      }
      return i + 1;
    }
    if (firstOnLine && (c === '{' || c === '[') && capture.col >= this.col && !capture.isKey) {
      // Exporters indent nested values deeper than their record, so an opening bracket at the
      // record's own column starts the next record: the current one was never closed.
      this.keep(chunk, this.segment, i);
      this.capture = undefined;
      this.error(capture.line, capture.key, capture.container, `the record is not closed before line ${this.line} (truncated or broken JSON); it was not searched`, capture.keep);
      this.startItem(i, c, capture.key, this.frameContainer());
      return i + 1;
    }
    if (c === '"') this.inString = true;
    else if (c === '{' || c === '[') {
      capture.closers.push(c === '{' ? '}' : ']');
      if (capture.closers.length > MAX_JSON_DEPTH) this.broken(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    } else if (c === '}' || c === ']') {
      const expected = capture.closers.pop();
      if (expected !== c) this.broken(`"${c}" where ${expected ? `"${expected}"` : 'nothing'} was expected`);
      else if (capture.closers.length === 0) this.complete(chunk, i, capture);
    }
    return i + 1;
  }

  private resyncStep(i: number, c: string, firstOnLine: boolean): void {
    const resync = this.resync!;
    if (!firstOnLine || this.col > resync.col) return;
    const frame = this.frames[this.frames.length - 1]!;
    const closesFrame = (c === ']' && frame.kind === 'array') || (c === '}' && frame.kind === 'object');
    if (c !== '{' && c !== '[' && !closesFrame) return;
    this.resync = undefined;
    if (resync.report) this.error(resync.line, resync.key, resync.container, `${resync.message}; lines ${resync.line}–${this.line - 1} were not searched`, true);
    this.outerStep(i, c);
  }

  private outerStep(i: number, c: string): void {
    if (c === ' ' || c === '\t' || c === '\r') return;
    const frame = this.frames[this.frames.length - 1]!;
    if (frame.kind === 'top') {
      const first = !this.seenTopValue;
      this.seenTopValue = true;
      // Only a file that *is* an array is streamed by element; a later `[` is one bad NDJSON record.
      if (c === '[' && first) this.frames.push({ kind: 'array', key: undefined, container: undefined });
      else if (c === '[') this.startItem(i, c, undefined, this.containers++);
      else if (c === '{' && this.options.unwrap?.size) this.frames.push({ kind: 'object', container: this.containers++, state: 'key', key: undefined });
      else if (c === '{') this.startItem(i, c, undefined, this.containers++);
      else this.startResync(this.line, 0, undefined, this.containers++, `not JSON: unexpected "${c}"`);
      return;
    }
    if (frame.kind === 'array') {
      if (c === ',') return;
      if (c === ']') {
        this.frames.pop();
        const parent = this.frames[this.frames.length - 1];
        if (parent?.kind === 'object') parent.state = 'comma';
        return;
      }
      this.startItem(i, c, frame.key, frame.container ?? this.containers++);
      return;
    }
    // An unwrapped top-level object: read member names, stream the chosen arrays.
    if (c === '}') {
      this.frames.pop();
      return;
    }
    if (frame.state === 'colon') {
      if (c === ':') frame.state = 'value';
      else this.startResync(this.line, this.col, frame.key, frame.container, `expected ":" after "${frame.key ?? ''}"`);
      return;
    }
    if (frame.state === 'value') {
      const key = frame.key;
      if (c === '[' && key !== undefined && this.options.unwrap?.has(key)) {
        this.frames.push({ kind: 'array', key, container: frame.container });
      } else this.startItem(i, c, key, frame.container);
      return;
    }
    if (c === ',') {
      frame.state = 'key';
      return;
    }
    if (c === '"') {
      this.capture = this.newCapture(undefined, frame.container, true, true, false);
      this.segment = i;
      this.inString = true;
      return;
    }
    this.startResync(this.line, this.col, undefined, frame.container, `expected a member name, found "${c}"`);
  }

  private frameContainer(): number {
    const frame = this.frames[this.frames.length - 1]!;
    if (frame.kind === 'object') return frame.container;
    if (frame.kind === 'array' && frame.container !== undefined) return frame.container;
    return this.containers++;
  }

  private startItem(i: number, c: string, key: string | undefined, container: number): void {
    const keep = this.options.want ? this.options.want(key) : true;
    const scalar = c !== '{' && c !== '[' && c !== '"';
    const capture = this.newCapture(key, container, keep, false, scalar);
    this.capture = capture;
    this.segment = i;
    if (c === '"') this.inString = true;
    else if (!scalar) capture.closers.push(c === '{' ? '}' : ']');
  }

  private newCapture(key: string | undefined, container: number, keep: boolean, isKey: boolean, scalar: boolean): Capture {
    return { line: this.line, col: this.col, key, container, isKey, keep, parts: [], chars: 0, oversize: false, closers: [], scalar };
  }

  /** Appends chunk[from, to) to the capture, dropping it once it is over the limit. */
  private keep(chunk: string, from: number, to: number): void {
    const capture = this.capture;
    if (!capture || !capture.keep || capture.oversize || to <= from) return;
    capture.chars += to - from;
    if (capture.chars > this.options.maxItemChars && !capture.isKey) {
      capture.oversize = true;
      capture.parts = [];
      return;
    }
    capture.parts.push(chunk.slice(from, to));
  }

  /** The capture's closing character is at `i`. */
  private complete(chunk: string, i: number, capture: Capture): void {
    this.keep(chunk, this.segment, i + 1);
    this.capture = undefined;
    this.finish(capture);
  }

  private finish(capture: Capture): void {
    const frame = this.frames[this.frames.length - 1]!;
    if (capture.isKey) {
      if (frame.kind === 'object') {
        frame.key = parseKey(capture.parts.join(''));
        frame.state = 'colon';
      }
      return;
    }
    if (frame.kind === 'object') frame.state = 'comma';
    if (!capture.keep) return;
    if (capture.oversize) {
      this.error(capture.line, capture.key, capture.container, `the record is larger than ${this.options.maxItemChars} characters; it was not searched`, true);
      return;
    }
    const text = capture.parts.join('');
    try {
      const value: unknown = JSON.parse(text);
      this.out.push(capture.key === undefined ? { line: capture.line, container: capture.container, value } : { line: capture.line, container: capture.container, key: capture.key, value });
    } catch (err) {
      this.error(capture.line, capture.key, capture.container, `not valid JSON (${(err as Error).message}); it was not searched`, true);
    }
  }

  /** The current capture is damaged at `i`: drop it and look for the next record. */
  private broken(reason: string): void {
    const capture = this.capture;
    this.capture = undefined;
    this.inString = false;
    this.escape = false;
    if (!capture) return;
    if (capture.isKey) {
      this.startResync(capture.line, 0, undefined, capture.container, `a member name is broken: ${reason}`);
      return;
    }
    this.startResync(capture.line, capture.col, capture.key, capture.container, `broken record: ${reason}`, capture.keep);
  }

  private startResync(line: number, col: number, key: string | undefined, container: number, message: string, report = true): void {
    this.resync = { line, col, key, container, message, report };
  }

  private error(line: number, key: string | undefined, container: number, error: string, report: boolean): void {
    if (!report) return;
    this.out.push(key === undefined ? { line, container, error } : { line, container, key, error });
  }
}

function parseKey(text: string): string | undefined {
  try {
    const key: unknown = JSON.parse(text);
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The items of a JSON text stream, in file order. */
export async function* jsonItems(text: AsyncIterable<string>, options: JsonItemOptions): AsyncGenerator<JsonItem> {
  const splitter = new JsonItemSplitter(options);
  let first = true;
  for await (let chunk of text) {
    if (first) {
      chunk = chunk.replace(/^\uFEFF/, '');
      first = false;
    }
    yield* splitter.push(chunk);
  }
  yield* splitter.end();
}
