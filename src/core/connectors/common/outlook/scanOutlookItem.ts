import type { Match, RecordData } from '../../../../shared/findings.js';
import type { SubjectQuery } from '../../../domain/subjectQuery.js';
import { scanMessage } from '../mail/scanMessage.js';
import { dedupeMatches } from '../table/scanRow.js';
import { bodiesOf, itemToEml } from './itemToEml.js';
import { itemToVcf } from './itemToVcf.js';
import { contactFieldsOf, isContact, type OutlookItem } from './outlookItem.js';

/** What one Outlook item says about the subject. */
export interface ItemScan {
  readonly matches: Match[];
  readonly title: string;
  readonly date: string | null;
  readonly record: RecordData;
  readonly problems: string[];
}

/**
 * Search one Outlook item. A message, appointment, task or note is turned into the `.eml` that is
 * shipped as its original and searched by the mail scanner, so its matches are named and weighed
 * exactly like a mail's (`from`, `to`, `body`, `attachment:name.pdf`, attached messages recursively);
 * a body that only existed as RTF is named `body:rtf`. A contact is searched field by field
 * (`email1EmailAddress`, `mobileTelephoneNumber` …), like a card of the contacts source.
 */
export async function scanOutlookItem(item: OutlookItem, subject: SubjectQuery): Promise<ItemScan> {
  if (isContact(item)) return scanContact(item, subject);
  const scan = await scanMessage(itemToEml(item), subject);
  const fromRtf = bodiesOf(item).fromRtf;
  const matches = scan.matches.map((m) => (fromRtf && (m.field === 'body' || m.field === 'body:html') ? { ...m, field: 'body:rtf' } : m));
  return { matches: dedupeMatches(matches), title: scan.title, date: scan.date, record: scan.record, problems: [...item.problems, ...scan.problems] };
}

/** The file shipped for an item (Art. 15(3)): a contact as vCard, everything else as a message. */
export function originalOf(item: OutlookItem): { filename: string; bytes: Buffer } {
  const name = (item.subject || (isContact(item) ? 'contact' : 'item')).slice(0, 100);
  return isContact(item) ? { filename: `${name}.vcf`, bytes: itemToVcf(item) } : { filename: `${name}.eml`, bytes: itemToEml(item) };
}

function scanContact(item: OutlookItem, subject: SubjectQuery): ItemScan {
  const matches: Match[] = [];
  const all = contactFieldsOf(item);
  for (const field of all) matches.push(...subject.scanText(field.value, field.name));
  if (item.subject) matches.push(...subject.scanText(item.subject, 'subject'));
  if (item.body) matches.push(...subject.scanText(item.body, 'body'));
  const fields = all.map((f) => ({ name: f.name, value: f.value }));
  if (item.body?.trim()) fields.push({ name: 'body', value: item.body });
  return { matches: dedupeMatches(matches), title: item.subject || item.fields.find((f) => f.name === 'displayName')?.value || '(Kontakt)', date: null, record: { kind: 'row', fields }, problems: [...item.problems] };
}

