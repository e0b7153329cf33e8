import type { SubjectQuery } from '../../domain/subjectQuery.js';
import type { SearchContext, SearchEvent } from '../connector.js';
import { jsonItems, type JsonItem } from './jsonItems.js';
import { ticketEvents } from './scanTicket.js';
import type { Ticket } from './ticket.js';
import { MAX_TICKET_JSON_CHARS, PROGRESS_EVERY_TICKETS } from './ticketLimits.js';
import { ticketText } from './ticketText.js';

/** A parsed item of the export. */
export interface ParsedItem {
  readonly line: number;
  readonly key: string | undefined;
  readonly value: unknown;
}

/** How one JSON vendor format turns the export's items into tickets. */
export interface JsonTicketFormat {
  /** Top-level members whose arrays hold the records (`{"Ticket": [...]}`). */
  readonly unwrap?: ReadonlySet<string>;
  /** The tickets in one item; a string is a problem that kept the item from being searched. */
  read(item: ParsedItem): Iterable<Ticket | string>;
}

/** Search a JSON export (array, NDJSON or one object) ticket by ticket, never holding more than one. */
export async function* searchJsonTickets(absolute: string, format: JsonTicketFormat, subject: SubjectQuery, ctx: SearchContext): AsyncGenerator<SearchEvent> {
  const text = await ticketText(absolute, ctx.signal);
  let scanned = 0;
  for await (const item of jsonItems(text, { maxItemChars: MAX_TICKET_JSON_CHARS, ...(format.unwrap ? { unwrap: format.unwrap } : {}) })) {
    ctx.signal.throwIfAborted();
    if (item.error !== undefined) {
      yield itemWarning(item, item.error);
      continue;
    }
    for (const ticket of format.read({ line: item.line, key: item.key, value: item.value })) {
      if (typeof ticket === 'string') {
        yield itemWarning(item, ticket);
        continue;
      }
      yield* ticketEvents(ticket, subject);
      if (++scanned % PROGRESS_EVERY_TICKETS === 0) ctx.progress({ scanned });
    }
  }
  ctx.progress({ scanned });
}

/** A record that could not be searched at all: `uncovered`, so the source is reported partial. */
export function itemWarning(item: Pick<JsonItem, 'line'>, message: string): SearchEvent {
  return { kind: 'warning', locator: { line: item.line }, message, uncovered: true };
}
