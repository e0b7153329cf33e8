import type { SubjectQuery } from '../../domain/subjectQuery.js';
import { normalizePhone } from '../../identity/normalizePhone.js';
import type { SearchContext, SearchEvent } from '../connector.js';
import { PROGRESS_EVERY_ROWS } from '../common/table/tableLimits.js';
import { asteriskLayout } from './asteriskLayout.js';
import { csvRecordBatches } from '../common/table/csvRecordBatches.js';
import type { CsvRecord } from '../common/table/csvRecordReader.js';
import type { CallsConfig } from './callsConfig.js';
import { fritzboxLayout } from './fritzboxLayout.js';
import { genericLayout } from './genericLayout.js';
import type { CallDirection, CallLayout, ParsedCall } from './parsedCall.js';
import { RecordingLinker } from './recordingLinker.js';
import { scanCall } from './scanCall.js';
import { threeCxLayout } from './threeCxLayout.js';

/** The CSV reader's complaint about a row's width, which means nothing in a file without a header. */
const HEADER_WIDTH_PROBLEM = /^row has \d+ fields, the header has \d+$/;

const DIRECTION_LABEL: Readonly<Record<CallDirection, string>> = {
  incoming: 'Eingehender Anruf',
  outgoing: 'Ausgehender Anruf',
  missed: 'Verpasster Anruf',
  rejected: 'Abgewiesener Anruf',
  internal: 'Interner Anruf',
  unknown: 'Anruf',
};

/**
 * Searches a call list row by row: one finding per call that concerns the subject, locator
 * `{ line }` = the physical line where the row starts (a `sep=` line and the header count).
 * A row that cannot be fully read is a warning and is still searched for what could be read.
 */
export async function* searchCallList(absolute: string, config: CallsConfig, subject: SubjectQuery, ctx: SearchContext): AsyncGenerator<SearchEvent> {
  const headerless = config.format === 'asterisk' || config.format === '3cx';
  const delimiter = config.format === 'asterisk' ? ',' : config.delimiter;
  let layout = fixedLayout(config);
  let linker: RecordingLinker | undefined;
  let scanned = 0;

  const batches = csvRecordBatches(absolute, { path: config.path, expected: 'a call list', encoding: config.encoding, delimiter, signal: ctx.signal });
  for await (const record of eachRecord(batches)) {
    ctx.signal.throwIfAborted();
    const locator = { line: record.line };
    const readerProblem = headerless && record.problem && HEADER_WIDTH_PROBLEM.test(record.problem) ? undefined : record.problem;

    if (!layout) {
      if (readerProblem) yield { kind: 'warning', locator, message: `header: ${readerProblem}` };
      layout = headerLayout(config, record.cells);
      continue;
    }
    if (headerless && scanned === 0 && looksLikeHeader(record.cells, layout.columnNames)) continue;
    if (config.recordings && !linker) {
      const opened = await RecordingLinker.open(config.recordings, layout.columnNames, ctx);
      linker = opened.linker;
      if (opened.warning) yield opened.warning;
    }

    const call = layout.parse(record.cells);
    const problems = readerProblem ? [readerProblem, ...call.problems] : call.problems;
    if (problems.length) yield { kind: 'warning', locator, message: problems.join('; ') };
    if (++scanned % PROGRESS_EVERY_ROWS === 0) ctx.progress({ scanned });

    const matches = scanCall(call, subject);
    if (!matches.length) continue;
    const link = linker ? await linker.link(call) : null;
    if (link && 'problem' in link) yield { kind: 'warning', locator, message: link.problem };
    yield {
      kind: 'finding',
      locator,
      matches,
      title: callTitle(call, layout),
      date: call.start,
      record: { kind: 'call', fields: callFields(call, layout), ...(link && 'recording' in link ? { recording: link.recording } : {}) },
    };
  }
  ctx.progress({ scanned });
}

/**
 * A header row someone put on a headerless CDR (exported through a spreadsheet, or FreePBX's CDR
 * report): it names the columns where a call would have numbers and dates, so it is skipped rather
 * than reported as a broken call.
 */
function looksLikeHeader(cells: ReadonlyArray<string>, names: ReadonlyArray<string>): boolean {
  const same = cells.filter((cell, i) => cell.trim().toLowerCase() === names[i]?.toLowerCase()).length;
  return same >= Math.min(3, names.length);
}

/** The layout of a format without a header row, or undefined when the header decides it. */
function fixedLayout(config: CallsConfig): CallLayout | undefined {
  switch (config.format) {
    case 'asterisk':
      return asteriskLayout();
    case '3cx':
      return threeCxLayout(config.fields);
    default:
      return undefined;
  }
}

function headerLayout(config: CallsConfig, header: ReadonlyArray<string>): CallLayout {
  switch (config.format) {
    case 'fritzbox':
      return fritzboxLayout(header, config.path);
    case 'generic':
      return genericLayout(header, config);
    default:
      throw new Error(`format ${config.format} has no header`);
  }
}

/** A number as E.164 where it is one, else as written ("200" for an extension). */
function shownNumber(value: string, layout: CallLayout): string {
  if (!value) return '';
  return normalizePhone(value, { assumeInternationalWithoutPlus: layout.internationalWithoutPlus })?.e164 ?? value;
}

/**
 * The shared call fields first, then every cell under its own column name: the faithful copy. A
 * column named like a shared field (Asterisk's own `duration`, the total including ringing) gets its
 * position added, so that no two fields of a record share a name.
 */
function callFields(call: ParsedCall, layout: CallLayout): Array<{ name: string; value: string }> {
  const shared = [
    { name: 'direction', value: call.direction },
    { name: 'date', value: call.start ?? '' },
    { name: 'from', value: shownNumber(call.from, layout) },
    { name: 'to', value: shownNumber(call.to, layout) },
    { name: 'duration', value: call.durationSeconds === null ? '' : String(call.durationSeconds) },
    { name: 'name', value: call.name },
  ];
  const taken = new Set(shared.map((f) => f.name));
  return [...shared, ...call.columns.map((c, i) => ({ name: taken.has(c.name) ? `${c.name} (Spalte ${i + 1})` : c.name, value: c.value }))];
}

function callTitle(call: ParsedCall, layout: CallLayout): string {
  const from = shownNumber(call.from, layout) || 'unbekannt';
  const to = shownNumber(call.to, layout) || 'unbekannt';
  const when = call.start ? `, ${call.start.replace('T', ' ').slice(0, 16)}` : '';
  return `${DIRECTION_LABEL[call.direction]} ${from} → ${to}${call.name ? ` (${call.name})` : ''}${when}`;
}

async function* eachRecord(batches: AsyncIterable<CsvRecord[]>): AsyncGenerator<CsvRecord> {
  for await (const batch of batches) yield* batch;
}
