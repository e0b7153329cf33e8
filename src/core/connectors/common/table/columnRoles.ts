/**
 * What a table column holds, told from its header (German and English exports: Outlook, HubSpot,
 * Salesforce, Odoo, hand-made Excel lists). The matcher scans every cell regardless; roles decide
 * which cells form the person's name, the record's date and title, and the categories per column.
 */

export const COLUMN_ROLES = [
  'email',
  'phone',
  'firstName',
  'lastName',
  'fullName',
  'customerId',
  'ip',
  'street',
  'postalCode',
  'city',
  'country',
  'birthDate',
  'date',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Register category ids per role (the example register's ids; `date` is metadata, no category). */
const ROLE_CATEGORY: Readonly<Record<ColumnRole, string | undefined>> = {
  email: 'contact.email',
  phone: 'contact.phone',
  firstName: 'contact.name',
  lastName: 'contact.name',
  fullName: 'contact.name',
  customerId: 'customer.id',
  ip: 'device.ip_address',
  street: 'contact.address',
  postalCode: 'contact.address',
  city: 'contact.address',
  country: 'contact.address',
  birthDate: 'person.birthdate',
  date: undefined,
};

/**
 * Patterns over the normalized header (lowercase, ä→ae, ß→ss, punctuation → space). Order matters:
 * "Kundennummer" is a customer id before "nummer" could look like a phone, "Geburtsdatum" is a birth
 * date before "datum" makes it the record's date.
 */
const HEADER_PATTERNS: ReadonlyArray<readonly [ColumnRole, RegExp]> = [
  ['customerId', /^(kunden ?(nummer|nr|id|no)|kd ?nr|customer ?(id|number|no|nr)|client ?(id|number)|debitor(en)? ?(nummer|nr)?|account ?number)\b/],
  ['email', /^(e ?mail|mail)( ?\d+)?( ?(adresse|address))?\b(?! ?(typ|type)\b)/],
  ['ip', /^(ip|ip ?adresse|ip ?address|remote ?addr(ess)?|client ?ip)$/],
  ['firstName', /^(vorname|first ?name|given ?name|forename)$/],
  ['lastName', /^(nachname|familienname|last ?name|surname|family ?name)$/],
  ['fullName', /^(full ?name|vollstaendiger name|kontaktname|contact ?name|display ?name|ansprechpartner(in)?|kontaktperson)$/],
  ['birthDate', /(geburtstag|geburtsdatum|birthday|birth ?date|date of birth|^dob$)/],
  ['phone', /(telefon|phone|^tel\b|mobil|handy|fax|rufnummer|^isdn$|^pager$|^callback$|anrufer|caller)/],
  ['street', /(strasse|street|^adresse$|^anschrift$|address$)/],
  ['postalCode', /(^plz$|postleitzahl|postal ?code|^zip( ?code)?$|postcode)/],
  ['city', /(^ort\b|^wohnort$|^stadt$|\bcity$|^city\b|^weiterer ort$)/],
  ['country', /(^land\b|country)/],
  ['date', /(datum|\bdate$|^date\b|createdate|created ?(on|at|date)?$|^erstellt|^angelegt|zeitpunkt|zeitstempel|timestamp|^(first|last) ?seen$|^modified on$)/],
];

/** A header as the patterns see it: lowercase, umlauts transliterated, punctuation as single spaces. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The role of a column by its header, or undefined. A bare "Name" is the last name when the table
 * also has a first-name column (German "Vorname; Name"), otherwise the full name (Odoo, HubSpot).
 */
export function classifyHeader(header: string, tableHasFirstName = false): ColumnRole | undefined {
  const normalized = normalizeHeader(header);
  if (normalized === 'name') return tableHasFirstName ? 'lastName' : 'fullName';
  for (const [role, pattern] of HEADER_PATTERNS) if (pattern.test(normalized)) return role;
  return undefined;
}

/** The register category a role stands for (e.g. `phone` → `contact.phone`). */
export function categoryForRole(role: ColumnRole): string | undefined {
  return ROLE_CATEGORY[role];
}

/** The register category of a column by its header, or undefined when the header says nothing. */
export function categoryForHeader(header: string, tableHasFirstName = false): string | undefined {
  const role = classifyHeader(header, tableHasFirstName);
  return role && categoryForRole(role);
}
