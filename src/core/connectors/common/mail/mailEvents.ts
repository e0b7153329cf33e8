import type { Locator } from '../../../../shared/findings.js';
import type { SearchEvent } from '../../connector.js';
import type { MailScan } from './scanMessage.js';

/** Turn one scanned message into the events of the findings contract: a warning per problem, a finding if it matched. */
export function* mailEvents(scan: MailScan, where: Locator): Generator<SearchEvent> {
  const locator: Locator = scan.messageId ? { messageId: scan.messageId, ...where } : where;
  if (scan.problems.length) yield { kind: 'warning', locator, message: scan.problems.join('; ') };
  if (scan.matches.length) yield { kind: 'finding', locator, matches: scan.matches, title: scan.title, date: scan.date, record: scan.record };
}
