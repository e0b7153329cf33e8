import type { SubjectQuery } from '../../domain/subjectQuery.js';
import type { SearchContext, SearchEvent } from '../connector.js';
import { searchCsv } from '../common/table/searchCsv.js';
import type { ContactsConfig } from './contactsConfig.js';

/**
 * Searches an Outlook contacts export ("Exportieren > CSV (Windows)", German or English headers,
 * cp1252 or UTF-8, "," or ";") with the table connector's CSV search: its header roles already know
 * Vorname/Nachname, First Name/Last Name and the E-Mail/Telefon columns, and compose the name from
 * first and last name. The locator gains the file's path, as every contacts finding has one.
 */
export async function* searchOutlookCsv(absolute: string, config: ContactsConfig, subject: SubjectQuery, ctx: SearchContext): AsyncGenerator<SearchEvent> {
  const tableConfig = {
    id: config.id,
    type: 'table' as const,
    path: config.path,
    ...(config.encoding !== undefined && { encoding: config.encoding }),
    ...(config.delimiter !== undefined && { delimiter: config.delimiter }),
  };
  for await (const event of searchCsv(absolute, tableConfig, subject, ctx)) {
    yield { ...event, locator: { path: config.path, ...event.locator } };
  }
}
