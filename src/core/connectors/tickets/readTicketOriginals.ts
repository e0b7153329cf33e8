import type { Locator } from '../../../shared/findings.js';
import { OriginalNotKeptError, type OriginalContext, type OriginalFile } from '../connector.js';
import { requireReadableFile } from '../common/table/tableFile.js';
import { genericFormat } from './genericFormat.js';
import { jsonItems } from './jsonItems.js';
import type { JsonTicketFormat } from './jsonTicketSource.js';
import { otrsFormat } from './otrsFormat.js';
import type { Ticket } from './ticket.js';
import { MAX_TICKET_JSON_CHARS } from './ticketLimits.js';
import type { TicketsConfig } from './ticketsConfig.js';
import { ticketText } from './ticketText.js';
import { zammadFormat } from './zammadFormat.js';

/**
 * The ticket as the helpdesk export holds it: the export's JSON record of that one ticket (with its
 * articles, and every field, also those the letter does not print), as `.json`.
 *
 * Why this and not a rendering: the person gets the copy of the data as held (Art. 15(3)); a ticket
 * is held as the helpdesk's record, and a privacy officer answering for a helpdesk expects to hand
 * over the same record an export from that helpdesk shows, machine-readable, next to the readable
 * version in the letter. The record is re-read from the export file and written out again with
 * JSON.stringify: the values are the export's, byte-level formatting (indentation, `\u00fc`
 * escapes) is not kept, which makes the file readable and lets the export check it against
 * case-wide redactions as plain text.
 *
 * A record that holds more than one ticket (a list nested in one item) is not shipped: it holds
 * other people's tickets. Zendesk spreads one ticket over several parts of the export (ticket,
 * comments, users) and a Jira CSV row is not a record of its own, so those formats keep no original
 * (OriginalNotKeptError): the letter and data.json carry the ticket as found.
 *
 * The export can only be read from the start, so the tickets of a batch are looked for in one
 * reading of it (the export asks for up to a hundred at a time), not one reading per ticket.
 */
export async function readTicketOriginals(config: TicketsConfig, locators: readonly Locator[], ctx: OriginalContext): Promise<(OriginalFile | null)[]> {
  const format = jsonFormat(config);
  if (!format) throw new OriginalNotKeptError(`a ${config.format} ticket export keeps no record per ticket`);
  const found: (OriginalFile | null)[] = locators.map(() => null);
  const open = new Set(locators.flatMap((l, i) => (l.ticket === undefined && l.line === undefined ? [] : [i])));
  if (!open.size) return found;
  let absolute: string;
  try {
    absolute = await requireReadableFile(config.path, (p) => ctx.resolvePath(p), 'ticket export');
  } catch {
    return found;
  }
  const text = await ticketText(absolute, ctx.signal);
  for await (const item of jsonItems(text, { maxItemChars: MAX_TICKET_JSON_CHARS, ...(format.unwrap ? { unwrap: format.unwrap } : {}) })) {
    ctx.signal.throwIfAborted();
    if (item.error !== undefined) continue;
    const tickets = [...format.read({ line: item.line, key: item.key, value: item.value })].filter((t): t is Ticket => typeof t !== 'string');
    let json: Buffer | undefined;
    // Deleting the entry being visited is safe while iterating a Set.
    for (const i of open) {
      const locator = locators[i]!;
      if (!tickets.some((t) => isLocated(t, locator))) continue;
      open.delete(i);
      // A record that holds more than one ticket holds other people's: not shipped (stays null).
      if (tickets.length !== 1) continue;
      json ??= Buffer.from(`${JSON.stringify(item.value, null, 2)}\n`, 'utf8');
      found[i] = { filename: `ticket-${locator.ticket ?? `line-${locator.line}`}.json`, bytes: json };
    }
    if (!open.size) break;
  }
  return found;
}

function isLocated(ticket: Ticket, locator: Locator): boolean {
  return locator.ticket !== undefined ? ticket.key === locator.ticket : ticket.key === undefined && ticket.line === locator.line;
}

function jsonFormat(config: TicketsConfig): JsonTicketFormat | undefined {
  switch (config.format) {
    case 'zammad':
      return zammadFormat;
    case 'otrs':
      return otrsFormat;
    case 'generic':
      return genericFormat(config.fields, config.root);
    case 'zendesk':
    case 'jira-csv':
      return undefined;
  }
}
