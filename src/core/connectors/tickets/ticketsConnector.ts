import type { SubjectQuery } from '../../domain/subjectQuery.js';
import type { Connector, SearchContext, SearchEvent } from '../connector.js';
import { requireReadableFile } from '../common/table/tableFile.js';
import { genericFormat } from './genericFormat.js';
import { searchJiraCsv } from './jiraCsvSource.js';
import { searchJsonTickets } from './jsonTicketSource.js';
import { ticketExportMismatch } from './ticketExportShape.js';
import { otrsFormat } from './otrsFormat.js';
import { readTicketOriginals } from './readTicketOriginals.js';
import { ticketsConfigSchema, type TicketsConfig } from './ticketsConfig.js';
import { zammadFormat } from './zammadFormat.js';
import { searchZendesk } from './zendeskSource.js';
import { runCheck } from '../common/check.js';

/**
 * A helpdesk export: Zammad, Zendesk, OTRS/Znuny (JSON), Jira (CSV) or any JSON through a field
 * mapping. One finding per ticket that concerns the subject, with its articles; locator
 * `{ ticket }` (number or key). A broken ticket is a warning with its locator and the scan goes on.
 */
export const ticketsConnector: Connector<TicketsConfig> = {
  type: 'tickets',
  configSchema: ticketsConfigSchema,

  check: (config, ctx) =>
    runCheck(async () => {
      const absolute = await requireReadableFile(config.path, (p) => ctx.resolvePath(p), 'ticket export');
      const mismatch = await ticketExportMismatch(absolute, config.format);
      if (mismatch) return { ok: false, message: `ticket export ${config.path} is not ${config.format}: ${mismatch}` };
      return `ticket export ${config.path} is readable (${config.format})`;
    }),

  async *search(config, subject, ctx) {
    const absolute = await requireReadableFile(config.path, (p) => ctx.resolvePath(p), 'ticket export');
    yield* searchFormat(absolute, config, subject, ctx);
  },

  readOriginal: async (config, locator, ctx) => (await readTicketOriginals(config, [locator], ctx))[0]!,
  readOriginals: (config, locators, ctx) => readTicketOriginals(config, locators, ctx),
};

function searchFormat(absolute: string, config: TicketsConfig, subject: SubjectQuery, ctx: SearchContext): AsyncGenerator<SearchEvent> {
  switch (config.format) {
    case 'zammad':
      return searchJsonTickets(absolute, zammadFormat, subject, ctx);
    case 'otrs':
      return searchJsonTickets(absolute, otrsFormat, subject, ctx);
    case 'generic':
      return searchJsonTickets(absolute, genericFormat(config.fields, config.root), subject, ctx);
    case 'zendesk':
      return searchZendesk(absolute, subject, ctx);
    case 'jira-csv':
      return searchJiraCsv(absolute, config, subject, ctx);
  }
}
