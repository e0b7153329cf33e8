import type { IdentifierType, Match, RecordData } from '../../shared/findings.js';

/** The register category each kind of identifier is an instance of. */
const CATEGORY_OF_IDENTIFIER: Record<IdentifierType, string> = {
  email: 'contact.email',
  phone: 'contact.phone',
  phoneHash: 'contact.phone',
  customerId: 'customer.id',
  ip: 'device.ip_address',
  otherId: 'identifier.other',
  name: 'contact.name',
};

/** Categories a record holds by its nature, whatever matched in it (a mail is communication content). */
const CATEGORY_OF_RECORD: Partial<Record<RecordData['kind'], string>> = {
  mail: 'communication.content',
  ticket: 'communication.content',
  call: 'call.metadata',
  logline: 'usage.data',
  document: 'communication.content',
};

/** The data categories a finding shows, for the Art. 15(1)(b) overview. */
export function findingCategories(matches: ReadonlyArray<Match>, record: RecordData | undefined): string[] {
  const categories = new Set(matches.map((m) => CATEGORY_OF_IDENTIFIER[m.type]));
  const byRecord = record && CATEGORY_OF_RECORD[record.kind];
  if (byRecord) categories.add(byRecord);
  return [...categories].sort();
}
