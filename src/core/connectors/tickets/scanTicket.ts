import type { Locator, Match, RecordData } from '../../../shared/findings.js';
import type { SubjectQuery } from '../../domain/subjectQuery.js';
import type { SearchEvent } from '../connector.js';
import { MAX_HTML_TO_TEXT_CHARS, MAX_RECORD_TEXT_CHARS } from '../common/mail/mailLimits.js';
import { htmlToText } from '../common/mail/textPart.js';
import { dedupeMatches } from '../common/table/scanRow.js';
import type { Ticket, TicketField } from './ticket.js';
import { MAX_RECORD_FIELDS } from './ticketLimits.js';

type TicketRecord = Extract<RecordData, { kind: 'ticket' }>;

/**
 * A tag or an entity: helpdesks store bodies and even custom fields as HTML, where "M&uuml;ller" or
 * "Anna <b>Müller</b>" only match once rendered to text.
 */
const HTML_HINT = /<\/?[a-z][a-z0-9]*\b[^>]*>|&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/i;

/** Whether a value must also be searched as rendered HTML. */
export function looksLikeHtml(text: string): boolean {
  return HTML_HINT.test(text);
}

/**
 * Search a value: as held (raw markup still carries `mailto:` targets and attributes) and, when it
 * holds markup or entities, as rendered text. Whether the export calls it HTML does not matter:
 * without a tag or an entity, rendering changes nothing a match depends on, and html-to-text is
 * the slowest step of a scan.
 */
function scanValue(subject: SubjectQuery, text: string, field: string, out: Match[]): void {
  out.push(...subject.scanText(text, field));
  if (text.length <= MAX_HTML_TO_TEXT_CHARS && looksLikeHtml(text)) out.push(...subject.scanText(htmlToText(text), field));
}

function clip(text: string): string {
  return text.length > MAX_RECORD_TEXT_CHARS ? text.slice(0, MAX_RECORD_TEXT_CHARS) : text;
}

/** The locator of a ticket: its number or key, else the line where it starts (docs/ARCHITECTURE.md "Locators"). */
export function ticketLocator(ticket: Pick<Ticket, 'key' | 'line'>): Locator {
  return ticket.key === undefined ? { line: ticket.line } : { ticket: ticket.key };
}

/** Every identifier of the subject anywhere in the ticket, one match per identifier and field. */
export function ticketMatches(ticket: Ticket, subject: SubjectQuery): Match[] {
  const matches: Match[] = [];
  const scanFields = (fields: ReadonlyArray<TicketField>, prefix: string) => {
    for (const f of fields) if (f.scan) scanValue(subject, f.value, prefix + f.name, matches);
  };
  scanFields(ticket.fields, '');
  for (const article of ticket.articles) {
    scanFields(article.fields, `${article.label}.`);
    if (article.body) scanValue(subject, article.body, article.bodyField ?? `${article.label}.body`, matches);
    for (const a of article.attachments ?? []) scanValue(subject, a.text, `${article.label}.attachment:${a.name}`, matches);
  }
  return dedupeMatches(matches);
}

/** The ticket's content for review and the copy: its values, then each article's text. */
export function ticketRecord(ticket: Ticket): TicketRecord {
  const fields: Array<{ name: string; value: string }> = ticket.fields.map((f) => ({ name: f.name, value: f.value }));
  for (const article of ticket.articles) for (const f of article.fields) fields.push({ name: `${article.label}.${f.name}`, value: f.value });
  if (fields.length > MAX_RECORD_FIELDS) {
    const left = fields.length - MAX_RECORD_FIELDS;
    fields.length = MAX_RECORD_FIELDS;
    fields.push({ name: '…', value: `${left} further fields not shown here; they were searched and are in the source` });
  }
  const articles = ticket.articles.map((a) => {
    const text = a.html ? (a.body.length <= MAX_HTML_TO_TEXT_CHARS ? htmlToText(a.body) : a.body) : a.body;
    return {
      ...(a.from ? { from: a.from } : {}),
      ...(a.date ? { date: a.date } : {}),
      text: clip(text),
    };
  });
  return { kind: 'ticket', ...(ticket.title ? { title: ticket.title } : {}), fields, articles };
}

/** One ticket's events: a warning for its damage, a finding when it concerns the subject. */
export function* ticketEvents(ticket: Ticket, subject: SubjectQuery): Generator<SearchEvent> {
  const locator = ticketLocator(ticket);
  if (ticket.problems.length) yield { kind: 'warning', locator, message: ticket.problems.join('; ') };
  const matches = ticketMatches(ticket, subject);
  if (!matches.length) return;
  const name = ticket.key === undefined ? `Ticket (Zeile ${ticket.line})` : `Ticket ${ticket.key}`;
  yield {
    kind: 'finding',
    locator,
    matches,
    title: ticket.title ? `${name}: ${ticket.title}` : name,
    date: ticket.created,
    record: ticketRecord(ticket),
  };
}
