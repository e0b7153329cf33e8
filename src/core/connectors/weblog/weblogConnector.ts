import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { SubjectQuery } from '../../domain/subjectQuery.js';
import type { Connector, SearchEvent } from '../connector.js';
import { requireReadableFile } from '../common/table/tableFile.js';
import { decodeLogLine } from './decodeLogLine.js';
import { unescapeLogField } from './logEscapes.js';
import { logFileLines } from './logFileLines.js';
import { parseLogLine, splitRequest, type ParsedLogLine, type TruncatedLogLine } from './parseLogLine.js';
import { scanParsedLogLine, scanRawLogLine } from './scanLogLine.js';
import { weblogConfigSchema, type WeblogConfig } from './weblogConfig.js';
import { MAX_LINE_BYTES, MAX_TITLE_REQUEST_CHARS, PROGRESS_EVERY_LINES } from './weblogLimits.js';
import { runCheck } from '../common/check.js';

/** Message for a line no supported format fits (the contract in examples/contract relies on it). */
export const UNRECOGNISED_LINE = 'unrecognised log line format';

/**
 * A web server access log: one finding per line that concerns the subject (client IP, a user name,
 * an email in a query string), locator `{ line }`. Lines stream; nothing is kept but findings.
 */
export const weblogConnector: Connector<WeblogConfig> = {
  type: 'weblog',
  configSchema: weblogConfigSchema,

  check: (config, ctx) =>
    runCheck(async () => {
      await requireReadableFile(config.path, (p) => ctx.resolvePath(p), 'log file');
      return `log file ${config.path} is readable`;
    }),

  async *search(config, subject, ctx) {
    const absolute = await requireReadableFile(config.path, (p) => ctx.resolvePath(p), 'log file');
    const fileName = basename(config.path);
    let scanned = 0;
    for await (const { line, bytes, droppedBytes } of logFileLines(await openLog(absolute, ctx.signal), MAX_LINE_BYTES)) {
      ctx.signal.throwIfAborted();
      if (++scanned % PROGRESS_EVERY_LINES === 0) ctx.progress({ scanned });
      const locator = { line };
      const text = decodeLogLine(bytes);
      if (droppedBytes > 0) {
        yield { kind: 'warning', locator, message: `line longer than ${MAX_LINE_BYTES} bytes: the last ${droppedBytes} bytes were not searched`, uncovered: true };
      }
      if (!text.trim()) continue;
      yield* lineEvents(text, locator, fileName, subject);
    }
    ctx.progress({ scanned });
  },
};

function* lineEvents(text: string, locator: { line: number }, fileName: string, subject: SubjectQuery): Generator<SearchEvent> {
  const parsed = parseLogLine(text);
  if (!parsed) {
    yield { kind: 'warning', locator, message: UNRECOGNISED_LINE };
    const matches = scanRawLogLine(text, subject);
    if (matches.length) {
      const shown = text.length > MAX_TITLE_REQUEST_CHARS ? `${text.slice(0, MAX_TITLE_REQUEST_CHARS - 1)}…` : text;
      yield { kind: 'finding', locator, matches, title: `${fileName}, Zeile ${locator.line}: ${shown}`, date: null, record: { kind: 'logline', text } };
    }
    return;
  }
  if (parsed.kind === 'truncated') yield { kind: 'warning', locator, message: 'truncated log line: request, status and later fields are missing' };
  const { matches, fields } = scanParsedLogLine(parsed, subject);
  if (!matches.length) return;
  yield {
    kind: 'finding',
    locator,
    matches,
    title: `${fileName}, Zeile ${locator.line}: ${describeRequest(parsed)} (${parsed.hosts.join(', ')})`,
    date: parsed.date,
    record: { kind: 'logline', text, fields },
  };
}

/** "GET /" for a request line; the raw request (shortened) for anything else. */
function describeRequest(line: ParsedLogLine | TruncatedLogLine): string {
  const raw = unescapeLogField(line.kind === 'parsed' ? line.request : line.rest.replace(/^"/, ''));
  const request = splitRequest(raw);
  const shown = request ? `${request.method} ${request.target}` : raw || '-';
  return shown.length > MAX_TITLE_REQUEST_CHARS ? `${shown.slice(0, MAX_TITLE_REQUEST_CHARS - 1)}…` : shown;
}

/** The log's bytes; a gzip file (logrotate's `access.log.2.gz`) is decompressed on the fly. */
async function openLog(absolute: string, signal: AbortSignal): Promise<Readable> {
  const handle = await open(absolute, 'r');
  let gzip = false;
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    gzip = bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
  const file = createReadStream(absolute, { signal });
  // pipeline hands a read error (or an abort) on to the gunzip stream the caller iterates.
  return gzip ? pipeline(file, createGunzip(), () => undefined) : file;
}
