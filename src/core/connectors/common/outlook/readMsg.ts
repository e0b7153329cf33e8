import * as msgreader from '@kenjiuno/msgreader';
import type { FieldsData } from '@kenjiuno/msgreader';
import { decompressRTF } from '@kenjiuno/decompressrtf';
import { CONTACT_FIELDS, MAX_EMBEDDED_DEPTH, type ItemField, type OutlookAttachment, type OutlookItem, type Recipient } from './outlookItem.js';

// The package is CommonJS with `exports.default`; under ESM interop the class may sit one level down.
// A type import of the CommonJS default gives its module namespace; only import() names the class.
// eslint-disable-next-line @typescript-eslint/consistent-type-imports
type MsgReaderClass = typeof import('@kenjiuno/msgreader/lib/MsgReader.js').default;
const interop = msgreader as unknown as { default: MsgReaderClass | { default: MsgReaderClass } };
const MsgReader: MsgReaderClass = 'default' in interop.default ? interop.default.default : interop.default;

/** Contact properties msgreader names differently from pst-extractor, and those only it reads. */
const MSG_CONTACT_FIELDS: Record<string, string> = {
  name: 'displayName', streetAddress: 'homeAddressStreet', addressCity: 'homeAddressCity', postalCode: 'homeAddressPostalCode',
  stateOrProvince: 'homeAddressStateOrProvince', country: 'homeAddressCountry', instMsg: 'instantMessagingAddress', department: 'department',
  fax1EmailAddress: 'fax1EmailAddress', yomiFirstName: 'yomiFirstName', yomiLastName: 'yomiLastName', yomiCompanyName: 'yomiCompanyName',
};
const MSG_DETAIL_FIELDS: Record<string, string> = {
  apptLocation: 'location', location: 'location', apptStartWhole: 'startTime', apptEndWhole: 'endTime', inetAcctName: 'account', lastModifierName: 'lastModifierName',
};

/**
 * Windows code page of the ANSI (PT_STRING8) properties by the message's locale (MS-LCID), when the
 * file does not name its code page: a Japanese Outlook writes CP932, a Russian one CP1251.
 */
const LOCALE_CODEPAGES: Record<number, number> = {
  0x0411: 932, 0x0412: 949, 0x0804: 936, 0x1004: 936, 0x0404: 950, 0x0c04: 950, 0x0419: 1251, 0x0422: 1251, 0x0402: 1251, 0x0c1a: 1251,
  0x0405: 1250, 0x0415: 1250, 0x040e: 1250, 0x041b: 1250, 0x0424: 1250, 0x041a: 1250, 0x0418: 1250, 0x0408: 1253, 0x041f: 1254,
  0x040d: 1255, 0x0401: 1256, 0x0425: 1257, 0x0426: 1257, 0x0427: 1257, 0x042a: 1258, 0x041e: 874,
};

/**
 * One `.msg` file (an Outlook item saved on its own) as an OutlookItem, like a PST item, so that it is
 * searched and shipped the same way. Used by the `outlook` source, for `.msg` files in `documents`
 * folders and for `.msg` files attached to mails.
 */
export function readMsg(bytes: Uint8Array): OutlookItem {
  const plain = new MsgReader(toArrayBuffer(bytes));
  const first = plain.getFileData();
  if (first.error) throw new Error(`not an Outlook .msg file (${first.error})`);
  const codepage = first.messageCodepage ?? LOCALE_CODEPAGES[first.messageLocaleId ?? 0];
  // msgreader decodes ANSI strings as ASCII unless told the code page: read again with it.
  if (codepage && codepage !== 1252 && codepage !== 20127 && codepage !== 65001) {
    const reader = new MsgReader(toArrayBuffer(bytes));
    reader.parserConfig = { ansiEncoding: `cp${codepage}` };
    return toItem(reader, reader.getFileData(), 0);
  }
  return toItem(plain, first, 0);
}

type Reader = InstanceType<typeof MsgReader>;

function toItem(reader: Reader, data: FieldsData, depth: number): OutlookItem {
  const problems: string[] = [];
  const messageClass = data.messageClass || 'IPM.Note';
  const contact = /^IPM\.Contact/i.test(messageClass);
  const record = data as unknown as Record<string, unknown>;
  const fields: ItemField[] = [];
  const add = (name: string, value: unknown) => {
    const text = typeof value === 'string' ? value.replace(TRAILING_NULS, '').trim() : '';
    if (text && !fields.some((f) => f.name === name && f.value === text)) fields.push({ name, value: text });
  };
  if (contact) {
    for (const name of CONTACT_FIELDS) add(name, record[name]);
    for (const [from, to] of Object.entries(MSG_CONTACT_FIELDS)) add(to, record[from]);
  } else {
    for (const [from, to] of Object.entries(MSG_DETAIL_FIELDS)) add(to, record[from]);
  }
  const body = data.body?.trim() ? data.body : undefined;
  const html = data.bodyHtml || (data.html ? new TextDecoder().decode(data.html) : undefined);
  let rtf: string | undefined;
  if (!body && !html && data.compressedRtf?.length) {
    try {
      rtf = Buffer.from(decompressRTF(Array.from(data.compressedRtf))).toString('latin1');
    } catch (err) {
      problems.push(`RTF body unreadable (${(err as Error).message})`);
    }
  }
  return {
    nid: 0,
    messageClass,
    subject: data.subject ?? '',
    headers: data.headers || undefined,
    from: { name: data.senderName || undefined, email: data.senderSmtpAddress || data.senderEmail || undefined },
    recipients: (data.recipients ?? []).map((r): Recipient => ({ type: r.recipType === 'cc' || r.recipType === 'bcc' ? r.recipType : 'to', name: r.name || undefined, email: r.smtpAddress || r.email || undefined })),
    date: isoDate(data.messageDeliveryTime ?? data.clientSubmitTime ?? data.creationTime),
    messageId: data.messageId || undefined,
    body,
    html: html || undefined,
    rtf,
    attachments: (data.attachments ?? []).map((att, i) => attachmentOf(reader, att, i, depth, problems)).filter((a): a is OutlookAttachment => a !== null),
    fields,
    problems,
  };
}

function attachmentOf(reader: Reader, att: FieldsData, index: number, depth: number, problems: string[]): OutlookAttachment | null {
  const filename = att.fileName || att.fileNameShort || att.name || `attachment-${index + 1}`;
  if (att.innerMsgContent && att.innerMsgContentFields) {
    if (depth >= MAX_EMBEDDED_DEPTH) {
      problems.push(`attached message "${filename}" nested deeper than ${MAX_EMBEDDED_DEPTH} levels; not searched`);
      return null;
    }
    const inner = toItem(reader, att.innerMsgContentFields, depth + 1);
    problems.push(...inner.problems.map((p) => `attached message "${filename}": ${p}`));
    const name = att.name || inner.subject || 'message';
    return { filename: `${name}.eml`, mimeType: 'message/rfc822', size: att.contentLength ?? 0, message: { ...inner, problems: [] } };
  }
  try {
    const content = reader.getAttachment(att).content;
    // An attached .eml is a message: as message/rfc822 the mail scanner descends into it.
    const mimeType = /\.eml$/i.test(filename) ? 'message/rfc822' : att.attachMimeTag || undefined;
    return { filename, mimeType, contentId: att.pidContentId || undefined, size: content.length, bytes: content };
  } catch (err) {
    problems.push(`attachment "${filename}" unreadable (${(err as Error).message})`);
    return { filename, size: 0 };
  }
}

/** PT_STRING8 values are often stored with their terminating NULs. */
const TRAILING_NULS = new RegExp(`${String.fromCharCode(0)}+$`);

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
