import type { Locator } from '../../../../shared/findings.js';
import type { SubjectQuery } from '../../../domain/subjectQuery.js';
import type { SearchEvent } from '../../connector.js';
import { contactFieldsOf, type OutlookItem } from './outlookItem.js';
import { readMsg } from './readMsg.js';
import { bodiesOf } from './itemToEml.js';
import { scanOutlookItem } from './scanOutlookItem.js';

/**
 * The events for one `.msg` file found outside an `outlook` source (a `documents` folder): a finding
 * when it concerns the subject, a warning for what could not be read, an uncovered warning when it
 * is no readable .msg at all.
 */
export async function* msgEvents(bytes: Buffer, locator: Locator, subject: SubjectQuery): AsyncGenerator<SearchEvent> {
  let item: OutlookItem;
  try {
    item = readMsg(bytes);
  } catch (err) {
    yield { kind: 'warning', locator, message: `cannot be read as an Outlook .msg file (${(err as Error).message.split('\n')[0]}); not searched`, uncovered: true };
    return;
  }
  const scan = await scanOutlookItem(item, subject);
  if (scan.problems.length) yield { kind: 'warning', locator, message: scan.problems.join('; ') };
  if (scan.matches.length) yield { kind: 'finding', locator, matches: scan.matches, title: scan.title, date: scan.date, record: scan.record };
}

/** The text of a `.msg` as searched (for the export's redaction check): its bytes do not show it. */
export function msgText(bytes: Buffer): string {
  const item = readMsg(bytes);
  const { text, html } = bodiesOf(item);
  const people = [item.from, ...item.recipients].map((a) => [a?.name, a?.email].filter(Boolean).join(' '));
  return [item.subject, ...people, text ?? '', html ?? '', ...contactFieldsOf(item).map((f) => f.value)].join('\n');
}
