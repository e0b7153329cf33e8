import { contactFieldsOf, type OutlookItem } from './outlookItem.js';

/** vCard 4.0 (RFC 6350) properties for the contact fields that have one; the rest go into NOTE-like X- properties. */
const VCARD_PROPERTY: Record<string, string> = {
  email1EmailAddress: 'EMAIL;PREF=1', email2EmailAddress: 'EMAIL', email3EmailAddress: 'EMAIL',
  businessTelephoneNumber: 'TEL;TYPE=work,voice', business2TelephoneNumber: 'TEL;TYPE=work,voice', homeTelephoneNumber: 'TEL;TYPE=home,voice',
  home2TelephoneNumber: 'TEL;TYPE=home,voice', mobileTelephoneNumber: 'TEL;TYPE=cell', primaryTelephoneNumber: 'TEL;PREF=1',
  otherTelephoneNumber: 'TEL', businessFaxNumber: 'TEL;TYPE=work,fax', homeFaxNumber: 'TEL;TYPE=home,fax', pagerTelephoneNumber: 'TEL;TYPE=pager',
  companyName: 'ORG', title: 'TITLE', profession: 'ROLE', nickname: 'NICKNAME', businessHomePage: 'URL;TYPE=work', personalHomePage: 'URL;TYPE=home',
  birthday: 'BDAY', anniversary: 'ANNIVERSARY', instantMessagingAddress: 'IMPP', homeAddress: 'LABEL;TYPE=home', workAddress: 'LABEL;TYPE=work',
};

/**
 * An Outlook contact as a vCard, the format people and address books read. Every field Auskunft read
 * is in it: the known ones as vCard properties, the others as `X-OUTLOOK-…`, the notes as NOTE.
 */
export function itemToVcf(item: OutlookItem): Buffer {
  const get = (name: string) => item.fields.find((f) => f.name === name)?.value ?? '';
  const lines = ['BEGIN:VCARD', 'VERSION:4.0'];
  const fn = get('displayName') || item.subject || [get('givenName'), get('surname')].filter(Boolean).join(' ');
  lines.push(`FN:${escape(fn)}`);
  lines.push(`N:${[get('surname'), get('givenName'), get('middleName'), get('displayNamePrefix'), get('generation')].map(escape).join(';')}`);
  for (const field of contactFieldsOf(item)) {
    if (!field.value.trim() || ['displayName', 'givenName', 'surname', 'middleName', 'displayNamePrefix', 'generation'].includes(field.name)) continue;
    const property = VCARD_PROPERTY[field.name] ?? `X-OUTLOOK-${field.name.toUpperCase()}`;
    lines.push(`${property}:${escape(field.value)}`);
  }
  if (item.body?.trim()) lines.push(`NOTE:${escape(item.body)}`);
  lines.push('END:VCARD');
  return Buffer.from(`${lines.map(fold).join('\r\n')}\r\n`, 'utf8');
}

/** RFC 6350 §3.4 value escaping. */
function escape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');
}

/** RFC 6350 §3.2: lines of at most 75 octets, continued with a space; never inside a UTF-8 sequence. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > 75) {
      out.push(current);
      current = ' ';
      bytes = 1;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n');
}
