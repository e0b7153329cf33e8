import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ticketsConnector } from '../../../../src/core/connectors/tickets/ticketsConnector.js';
import { collect, fileSearchContext, subjectQuery, type Collected, type FileTestContext } from '../fileSearchContext.js';

/** The subject of the vendor fixtures (README: Anna Müller, anna.mueller@example.de, 07022 7896848-0). */
export const ANNA = { name: 'Anna Müller', emails: ['anna.mueller@example.de'], phones: ['07022 7896848-0'], customerIds: ['K-10442'] };

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/tickets', import.meta.url));

/**
 * Look-alikes that must never match Anna: an email with a prefix and one inside a longer domain, a
 * phone one digit off, a customer id with one more digit, a name that only starts like hers.
 */
export const LOOK_ALIKES = {
  email: 'xanna.mueller@example.de',
  domain: 'anna.mueller@example.de.evil.org',
  phone: '07022 7896847-0',
  customerId: 'K-104421',
  name: 'Annalena Müllerschön',
};

/** Writes `content` into `dir` and returns its name. */
export function writeExport(dir: string, name: string, content: string | Buffer): string {
  writeFileSync(join(dir, name), content);
  return name;
}

/** Runs the tickets connector on one export with the given config fields. */
export async function searchTickets(dir: string, config: Record<string, unknown>, subject: Record<string, unknown> = ANNA, ctx: FileTestContext = fileSearchContext(dir)): Promise<Collected> {
  const parsed = ticketsConnector.configSchema.parse({ id: 'tickets', type: 'tickets', ...config });
  return collect(ticketsConnector.search(parsed, subjectQuery(subject), ctx));
}
