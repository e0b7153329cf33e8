import { PSTAttachment, type PSTFile, type PSTMessage } from 'pst-extractor';
import type { PSTDescriptorItem } from 'pst-extractor/dist/PSTDescriptorItem.class.js';
import { PSTNodeInputStream } from 'pst-extractor/dist/PSTNodeInputStream.class.js';
import { PSTTableBC } from 'pst-extractor/dist/PSTTableBC.class.js';
import { PSTUtil } from 'pst-extractor/dist/PSTUtil.class.js';
import { CONTACT_FIELDS, MAX_EMBEDDED_DEPTH, MAX_KEPT_ATTACHMENT_BYTES, type ItemField, type OutlookAttachment, type OutlookItem, type Recipient } from '../common/outlook/outlookItem.js';

/** PR_RECIPIENT_TYPE values (MS-OXOMSG 2.2.3.1). */
const RECIPIENT_TYPES: Record<number, Recipient['type']> = { 1: 'to', 2: 'cc', 3: 'bcc' };

/** Appointment, task and journal details that are searched and shipped as X-Outlook-… headers. */
const DETAIL_FIELDS = [
  'location', 'startTime', 'endTime', 'allAttendees', 'toAttendees', 'ccAttendees', 'requiredAttendees', 'netMeetingOrganizerAlias',
  'taskOwner', 'taskAssigner', 'taskLastUser', 'taskStartDate', 'taskDueDate', 'taskDateCompleted', 'percentComplete',
  'colorCategories', 'replyRecipientNames', 'sentRepresentingName', 'sentRepresentingEmailAddress', 'receivedByName', 'receivedByAddress',
  'rcvdRepresentingName', 'rcvdRepresentingEmailAddress', 'originalDisplayTo', 'originalDisplayCc', 'originalDisplayBcc', 'comment',
] as const;

/**
 * One PST/OST item as plain data: every property Auskunft searches, its bodies and attachments,
 * embedded messages read recursively. A property pst-extractor cannot read is a problem on the item,
 * never a reason to drop the rest of it.
 */
export function readPstItem(message: PSTMessage, depth = 0): OutlookItem {
  const problems: string[] = [];
  const get = <T>(what: string, read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (err) {
      problems.push(`${what} unreadable (${errorText(err)})`);
      return fallback;
    }
  };
  const body = get('plain body', () => message.body, '');
  const html = get('HTML body', () => message.bodyHTML, '');
  const rtf = body || html ? '' : get('RTF body', () => message.bodyRTF, '');
  const contact = /^IPM\.Contact/i.test(message.messageClass);
  const fields: ItemField[] = [];
  const record = contact ? ['displayName', ...CONTACT_FIELDS] : DETAIL_FIELDS;
  for (const name of record) {
    const value = get(`field ${name}`, () => (message as unknown as Record<string, unknown>)[name], undefined);
    const text = fieldText(value);
    if (text) fields.push({ name, value: text });
  }
  return {
    nid: get('descriptor id', () => Number(message.descriptorNodeId), 0),
    messageClass: message.messageClass || 'IPM.Note',
    subject: get('subject', () => message.subject, ''),
    headers: get('internet headers', () => message.transportMessageHeaders, '') || undefined,
    from: { name: message.senderName || message.sentRepresentingName || undefined, email: message.senderEmailAddress || message.sentRepresentingEmailAddress || undefined },
    recipients: get('recipients', () => recipientsOf(message), []),
    date: isoDate(message.messageDeliveryTime ?? message.clientSubmitTime ?? message.creationTime),
    messageId: message.internetMessageId || undefined,
    inReplyTo: message.inReplyToId || undefined,
    body: body || undefined,
    html: html || undefined,
    rtf: rtf || undefined,
    attachments: get('attachments', () => attachmentsOf(message, depth, problems), []),
    fields,
    problems,
  };
}

function recipientsOf(message: PSTMessage): Recipient[] {
  const out: Recipient[] = [];
  for (let i = 0; i < message.numberOfRecipients; i++) {
    const r = message.getRecipient(i);
    if (!r) continue;
    out.push({ type: RECIPIENT_TYPES[r.recipientType] ?? 'to', name: r.displayName || undefined, email: r.smtpAddress || r.emailAddress || undefined });
  }
  return out;
}

function attachmentsOf(message: PSTMessage, depth: number, problems: string[]): OutlookAttachment[] {
  const out: OutlookAttachment[] = [];
  for (let i = 0; i < message.numberOfAttachments; i++) {
    let attachment: PSTAttachment;
    try {
      attachment = message.getAttachment(i);
    } catch (err) {
      problems.push(`attachment ${i + 1} unreadable (${errorText(err)})`);
      continue;
    }
    const filename = attachment.longFilename || attachment.filename || attachment.displayName || `attachment-${i + 1}`;
    try {
      if (attachment.attachMethod === PSTAttachment.ATTACHMENT_METHOD_EMBEDDED) {
        // Ours first: pst-extractor's getter replaces the attachment's sub-node map as it reads.
        const inner = embeddedMessage(message, attachment) ?? attachment.embeddedPSTMessage;
        if (!inner) throw new Error('embedded message missing');
        if (depth >= MAX_EMBEDDED_DEPTH) {
          problems.push(`attached message "${filename}" nested deeper than ${MAX_EMBEDDED_DEPTH} levels; not searched`);
          continue;
        }
        const item = readPstItem(inner, depth + 1);
        problems.push(...item.problems.map((p) => `attached message "${filename}": ${p}`));
        out.push({ filename: filename.endsWith('.eml') ? filename : `${filename}.eml`, mimeType: 'message/rfc822', size: attachment.size, message: { ...item, problems: [] } });
        continue;
      }
      const size = attachment.filesize;
      let bytes: Uint8Array | undefined;
      if (size > MAX_KEPT_ATTACHMENT_BYTES) {
        problems.push(`attachment "${filename}" of ${size} bytes not kept (over ${MAX_KEPT_ATTACHMENT_BYTES})`);
      } else {
        const stream = attachment.fileInputStream;
        if (stream) {
          const buffer = Buffer.alloc(size);
          stream.readCompletely(buffer);
          bytes = buffer;
        }
      }
      out.push({ filename, mimeType: attachment.mimeTag || undefined, contentId: attachment.contentId || undefined, size, bytes });
    } catch (err) {
      problems.push(`attachment "${filename}" unreadable (${errorText(err)})`);
      out.push({ filename, mimeType: attachment.mimeTag || undefined, size: 0 });
    }
  }
  return out;
}

/** PR_ATTACH_DATA_OBJ (MS-OXCMSG 2.2.2.8): the embedded message's sub-node. */
const PR_ATTACH_DATA_OBJ = 0x3701;

/**
 * An embedded message pst-extractor's getter returns null for: it needs the attachment's own node,
 * which attachments do not have (only their message has). Read the sub-node the same way, with the
 * node of the message that carries it, so that message-in-message is searched and shipped.
 */
function embeddedMessage(parent: PSTMessage, attachment: PSTAttachment): PSTMessage | null {
  const internals = attachment as unknown as {
    pstFile: PSTFile;
    pstTableItems: Map<number, { entryValueType: number; data: Buffer }> | null;
    localDescriptorItems: Map<number, PSTDescriptorItem> | null;
  };
  const item = internals.pstTableItems?.get(PR_ATTACH_DATA_OBJ);
  if (!item || item.entryValueType !== 0x000d || item.data.length < 4) return null;
  const nested = internals.localDescriptorItems?.get(item.data.readUInt32LE(0));
  if (!nested) return null;
  const pst = internals.pstFile;
  const Long = parent.descriptorNodeId.constructor as unknown as { fromNumber(n: number): PSTMessage['descriptorNodeId'] };
  const local = nested.subNodeOffsetIndexIdentifier > 0 ? pst.getPSTDescriptorItems(Long.fromNumber(nested.subNodeOffsetIndexIdentifier)) : internals.localDescriptorItems!;
  const node = (parent as unknown as { descriptorIndexNode: Parameters<typeof PSTUtil.createAppropriatePSTMessageObject>[1] }).descriptorIndexNode;
  return PSTUtil.createAppropriatePSTMessageObject(pst, node, new PSTTableBC(new PSTNodeInputStream(pst, nested)), local) as PSTMessage;
}

function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) || value.getTime() <= 0 ? '' : value.toISOString();
  if (typeof value === 'string') return value.replace(TRAILING_NULS, '').trim();
  if (typeof value === 'number') return value ? String(value) : '';
  return '';
}

/** PT_STRING8 values are often stored with their terminating NULs. */
const TRAILING_NULS = new RegExp(`${String.fromCharCode(0)}+$`);

function isoDate(value: Date | null | undefined): string | undefined {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : undefined;
}

export function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);
}
