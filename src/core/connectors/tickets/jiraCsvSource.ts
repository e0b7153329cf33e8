import type { SubjectQuery } from '../../domain/subjectQuery.js';
import { SourceError, type SearchContext, type SearchEvent } from '../connector.js';
import { csvRecordBatches } from '../common/table/csvRecordBatches.js';
import type { CsvRecord } from '../common/table/csvRecordReader.js';
import { ticketEvents } from './scanTicket.js';
import type { Ticket, TicketArticle, TicketField } from './ticket.js';
import { ticketDate } from './ticketDate.js';
import { PROGRESS_EVERY_TICKETS } from './ticketLimits.js';
import type { TicketsConfig } from './ticketsConfig.js';

type JiraConfig = Extract<TicketsConfig, { format: 'jira-csv' }>;

/**
 * Jira's CSV export, one issue per record, read with the table connector's CSV pieces (encoding,
 * delimiter sniffing, streaming csv-parse with physical start lines). Jira repeats a column once
 * per value (Labels, Comment, Watchers, Attachment), so columns are kept by position, never by
 * name. Each Comment cell is `date;author;body`: it becomes an article.
 */
export async function* searchJiraCsv(absolute: string, config: JiraConfig, subject: SubjectQuery, ctx: SearchContext): AsyncGenerator<SearchEvent> {
  let header: string[] | undefined;
  let scanned = 0;

  function* handle(records: ReadonlyArray<CsvRecord>): Generator<SearchEvent> {
    for (const record of records) {
      ctx.signal.throwIfAborted();
      if (!header || record.isHeader) {
        header = record.cells.map((c) => c.trim());
        if (!header.includes('Issue key')) throw new SourceError(`${config.path} has no "Issue key" column: it is not a Jira CSV export (columns: ${header.slice(0, 8).join(', ')}…)`);
        if (record.problem) yield { kind: 'warning', locator: { line: record.line }, message: record.problem };
        continue;
      }
      const ticket = jiraTicket(header, record);
      yield* ticketEvents(ticket, subject);
      if (++scanned % PROGRESS_EVERY_TICKETS === 0) ctx.progress({ scanned });
    }
  }

  const batches = csvRecordBatches(absolute, { path: config.path, expected: 'a CSV file', encoding: config.encoding, delimiter: config.delimiter, signal: ctx.signal });
  for await (const records of batches) yield* handle(records);
  ctx.progress({ scanned });
}

/** `04/Mar/24 9:30 AM;<accountId or name>;<body>`: the body may itself hold semicolons and lines. */
const COMMENT = /^([^;\n]{6,40});([^;\n]*);([\s\S]*)$/;

function jiraTicket(header: ReadonlyArray<string>, record: CsvRecord): Ticket {
  const cell = (name: string): string | undefined => {
    const i = header.indexOf(name);
    const value = i < 0 ? undefined : record.cells[i]?.trim();
    return value ? value : undefined;
  };
  const key = cell('Issue key');
  const problems = record.problem ? [record.problem] : [];
  if (key === undefined) problems.push('the row has no Issue key');

  const fields: TicketField[] = [];
  const articles: TicketArticle[] = [];
  const width = Math.max(header.length, record.cells.length);
  for (let i = 0; i < width; i++) {
    const name = header[i] || `Spalte ${i + 1}`;
    const value = record.cells[i] ?? '';
    if (!value.trim()) continue;
    if (name === 'Comment') articles.push(jiraComment(value, articles.length + 1));
    else fields.push({ name, value, scan: true });
  }
  return { key, line: record.line, title: cell('Summary'), created: ticketDate(cell('Created')), fields, articles, problems };
}

function jiraComment(cell: string, n: number): TicketArticle {
  const label = `Comment[${n}]`;
  const parts = COMMENT.exec(cell);
  const date = parts ? ticketDate(parts[1]) : null;
  if (!parts || !date) return { label, body: cell, html: false, fields: [] };
  const author = parts[2]!.trim();
  return {
    label,
    ...(author ? { from: author } : {}),
    date,
    body: parts[3]!,
    html: false,
    fields: author ? [{ name: 'author', value: author, scan: true }] : [],
  };
}
