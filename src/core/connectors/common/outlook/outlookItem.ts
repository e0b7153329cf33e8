/**
 * One Outlook item as both readers (pst-extractor for PST/OST, msgreader for .msg) hand it on: plain
 * data only, so that it crosses the worker boundary by structured clone and is turned into an `.eml`
 * or `.vcf` by one writer for both formats.
 */
export interface OutlookItem {
  /** The descriptor node id in a PST/OST; 0 for a `.msg` file. */
  readonly nid: number;
  readonly messageClass: string;
  readonly subject: string;
  /** The internet headers the message arrived with (PR_TRANSPORT_MESSAGE_HEADERS), when it arrived by mail. */
  readonly headers?: string;
  readonly from?: Address;
  readonly recipients: readonly Recipient[];
  readonly date?: string; // ISO 8601
  readonly messageId?: string;
  readonly inReplyTo?: string;
  readonly body?: string;
  readonly html?: string;
  /** The body as RTF (decompressed), kept only when there is no plain or HTML body to search. */
  readonly rtf?: string;
  readonly attachments: readonly OutlookAttachment[];
  /** Contact fields (IPM.Contact), appointment, task and note details, by their Outlook names. */
  readonly fields: readonly ItemField[];
  /** What could not be read of this item; the rest was searched. */
  readonly problems: readonly string[];
}

export interface Address {
  readonly name?: string;
  readonly email?: string;
}

export interface Recipient extends Address {
  readonly type: 'to' | 'cc' | 'bcc';
}

export interface ItemField {
  readonly name: string;
  readonly value: string;
}

export interface OutlookAttachment {
  readonly filename: string;
  readonly mimeType?: string;
  readonly contentId?: string;
  readonly size: number;
  /** The file's bytes; absent for an embedded message or an attachment too large to keep. */
  readonly bytes?: Uint8Array;
  /** An attached Outlook item (message in message), read recursively. */
  readonly message?: OutlookItem;
}

/** Attachments beyond this are listed but not kept: they could not be searched as text anyway. */
export const MAX_KEPT_ATTACHMENT_BYTES = 64 * 1024 * 1024;

/** Embedded messages inside embedded messages; a crafted chain must not exhaust the stack. */
export const MAX_EMBEDDED_DEPTH = 20;

export function isContact(item: OutlookItem): boolean {
  return /^IPM\.Contact(\.|$)/i.test(item.messageClass);
}

/**
 * Contact properties searched and shipped, by the getter names pst-extractor's PSTContact and
 * msgreader's fields share (msgreader's differing names are mapped in readMsg.ts).
 */
export const CONTACT_FIELDS = [
  'displayNamePrefix', 'givenName', 'middleName', 'surname', 'generation', 'nickname', 'fileUnder',
  'email1EmailAddress', 'email1DisplayName', 'email2EmailAddress', 'email2DisplayName', 'email3EmailAddress', 'email3DisplayName',
  'businessTelephoneNumber', 'business2TelephoneNumber', 'homeTelephoneNumber', 'home2TelephoneNumber', 'mobileTelephoneNumber',
  'primaryTelephoneNumber', 'companyMainPhoneNumber', 'otherTelephoneNumber', 'carTelephoneNumber', 'pagerTelephoneNumber',
  'assistantTelephoneNumber', 'callbackTelephoneNumber', 'radioTelephoneNumber', 'businessFaxNumber', 'homeFaxNumber', 'primaryFaxNumber',
  'companyName', 'title', 'departmentName', 'officeLocation', 'profession', 'managerName', 'assistant', 'spouseName', 'childrensNames',
  'homeAddress', 'workAddress', 'otherAddress', 'postalAddress',
  'homeAddressStreet', 'homeAddressCity', 'homeAddressPostalCode', 'homeAddressStateOrProvince', 'homeAddressCountry',
  'workAddressStreet', 'workAddressCity', 'workAddressPostalCode', 'workAddressState', 'workAddressCountry',
  'businessHomePage', 'personalHomePage', 'instantMessagingAddress', 'customerId', 'governmentIdNumber', 'organizationalIdNumber',
  'account', 'birthday', 'anniversary', 'hobbies', 'language', 'keyword',
] as const;

/** A contact's fields plus who created or sent it: part of the item, so searched and shipped with it. */
export function contactFieldsOf(item: OutlookItem): ItemField[] {
  const sender = [item.from?.name, item.from?.email && `<${item.from.email}>`].filter(Boolean).join(' ');
  return sender ? [...item.fields, { name: 'from', value: sender }] : [...item.fields];
}
