import { createHash } from 'node:crypto';
import libmime from 'libmime';
import type { Address, OutlookAttachment, OutlookItem } from './outlookItem.js';
import { MAX_EMBEDDED_DEPTH } from './outlookItem.js';
import { rtfToText } from './rtfText.js';

/** Headers of the arrived message that describe its old MIME structure; the `.eml` gets its own. */
const STRUCTURE_HEADERS = /^(content-type|content-transfer-encoding|mime-version|content-disposition|content-id)$/i;

/**
 * An Outlook item as an RFC 5322 message: the headers it arrived with (or, for an item that never
 * travelled by mail, headers built from its properties), its plain and HTML bodies, every
 * attachment, and attached Outlook items as `message/rfc822` parts, recursively. The same bytes are
 * searched by the mail scanner and shipped as the original, so what was matched is what is shipped.
 */
export function itemToEml(item: OutlookItem, depth = 0): Buffer {
  const lines = [...itemHeaders(item)];
  const boundary = boundaryOf(item, depth);
  const parts: Buffer[] = [];
  parts.push(bodyPart(item, `${boundary}a`));
  for (const attachment of item.attachments) parts.push(attachmentPart(attachment, depth));
  lines.push('MIME-Version: 1.0', `Content-Type: multipart/mixed; boundary="${boundary}"`);
  const chunks: Buffer[] = [Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8')];
  for (const part of parts) chunks.push(Buffer.from(`--${boundary}\r\n`), part, Buffer.from('\r\n'));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** The text of the item's body: plain, else HTML, else RTF converted (RTF-only bodies, MS-OXRTFCP). */
export function bodiesOf(item: OutlookItem): { text?: string; html?: string; fromRtf: boolean } {
  if (item.body || item.html) return { text: item.body || undefined, html: item.html || undefined, fromRtf: false };
  if (!item.rtf) return { fromRtf: false };
  const converted = rtfToText(item.rtf);
  return converted.kind === 'html' ? { html: converted.content, fromRtf: true } : { text: converted.content, fromRtf: true };
}

function itemHeaders(item: OutlookItem): string[] {
  const out: string[] = [];
  const arrived = item.headers ? unfoldedHeaders(item.headers) : [];
  const has = (name: string) => arrived.some((h) => h.name.toLowerCase() === name);
  for (const h of arrived) if (!STRUCTURE_HEADERS.test(h.name)) out.push(h.raw);
  if (!has('from') && item.from && (item.from.email || item.from.name)) out.push(`From: ${addressHeader(item.from)}`);
  for (const type of ['to', 'cc', 'bcc'] as const) {
    const name = type === 'to' ? 'To' : type === 'cc' ? 'Cc' : 'Bcc';
    const list = item.recipients.filter((r) => r.type === type);
    if (!has(type) && list.length) out.push(foldHeader(name, list.map(addressHeader).join(', ')));
  }
  if (!has('subject') && item.subject) out.push(foldHeader('Subject', libmime.encodeWords(item.subject, 'B', 52)));
  if (!has('date') && item.date) out.push(`Date: ${new Date(item.date).toUTCString().replace('GMT', '+0000')}`);
  if (!has('message-id') && item.messageId) out.push(`Message-ID: <${item.messageId.replace(/^<|>$/g, '')}>`);
  if (!has('in-reply-to') && item.inReplyTo) out.push(`In-Reply-To: ${item.inReplyTo}`);
  out.push(`X-Outlook-Message-Class: ${safeHeaderValue(item.messageClass)}`);
  // Appointment, task and note details have no mail header; as X- headers they are searched and shipped.
  for (const field of item.fields) {
    if (!field.value.trim()) continue;
    out.push(foldHeader(`X-Outlook-${field.name}`, libmime.encodeWords(field.value.replace(/\r?\n/g, ' '), 'B', 52)));
  }
  return out;
}

function bodyPart(item: OutlookItem, boundary: string): Buffer {
  const { text, html } = bodiesOf(item);
  const textPart = (type: string, content: string) => `Content-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(Buffer.from(content, 'utf8'))}`;
  if (text !== undefined && html !== undefined) {
    return Buffer.from(`Content-Type: multipart/alternative; boundary="${boundary}"\r\n\r\n--${boundary}\r\n${textPart('text/plain', text)}\r\n--${boundary}\r\n${textPart('text/html', html)}\r\n--${boundary}--\r\n`);
  }
  if (html !== undefined) return Buffer.from(textPart('text/html', html));
  return Buffer.from(textPart('text/plain', text ?? ''));
}

function attachmentPart(attachment: OutlookAttachment, depth: number): Buffer {
  const name = attachment.filename || (attachment.message ? 'message.eml' : 'attachment');
  const disposition = `Content-Disposition: attachment${headerParams('filename', name)}`;
  if (attachment.message && depth < MAX_EMBEDDED_DEPTH) {
    return Buffer.concat([Buffer.from(`Content-Type: message/rfc822${headerParams('name', name)}\r\n${disposition}\r\n\r\n`), itemToEml(attachment.message, depth + 1)]);
  }
  const type = safeHeaderValue(attachment.mimeType || libmime.detectMimeType(name) || 'application/octet-stream');
  const lines = [`Content-Type: ${type}${headerParams('name', name)}`, disposition, 'Content-Transfer-Encoding: base64'];
  if (attachment.contentId) lines.push(`Content-ID: <${safeHeaderValue(attachment.contentId).replace(/^<|>$/g, '')}>`);
  if (!attachment.bytes) lines.push(`X-Auskunft-Not-Kept: ${attachment.size} bytes`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${attachment.bytes ? base64Lines(Buffer.from(attachment.bytes)) : ''}`);
}

interface RawHeader {
  readonly name: string;
  readonly raw: string;
}

function unfoldedHeaders(block: string): RawHeader[] {
  const headers: RawHeader[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line === '') break;
    if (/^[ \t]/.test(line) && headers.length) {
      const last = headers[headers.length - 1]!;
      headers[headers.length - 1] = { name: last.name, raw: `${last.raw}\r\n${line}` };
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0) headers.push({ name: line.slice(0, colon).trim(), raw: line });
  }
  return headers;
}

function addressHeader(address: Address): string {
  const email = address.email && /@/.test(address.email) ? address.email : undefined;
  const name = address.name && address.name !== email ? libmime.encodeWords(address.name.replace(/["\\]/g, ''), 'B', 52) : undefined;
  if (email && name) return `"${name}" <${email}>`;
  if (email) return `<${email}>`;
  // An Exchange-internal address (EX type, /O=…) is no RFC 5322 address: keep it as a display name.
  return `"${libmime.encodeWords([address.name, address.email].filter(Boolean).join(' ').replace(/["\\]/g, ''), 'B', 52)}" <>`;
}

function headerParams(key: string, value: string): string {
  const params = libmime.buildHeaderParam(key, value) as { key: string; value: string }[];
  return params.map((p) => `;\r\n ${p.key}=${/^[\w.-]+$/.test(p.value) && !p.key.endsWith('*') ? p.value : p.key.endsWith('*') ? p.value : `"${p.value.replace(/["\\]/g, '')}"`}`).join('');
}

function foldHeader(name: string, value: string): string {
  return `${name}: ${safeHeaderValue(value)}`;
}

/** Header values come from the store: a CR/LF in them must not start a header of its own. */
function safeHeaderValue(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

function base64Lines(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/** Deterministic boundaries, so that the same item gives the same bytes on every reading. */
function boundaryOf(item: OutlookItem, depth: number): string {
  return `----auskunft-${createHash('sha256').update(`${item.nid}\u0000${item.subject}\u0000${depth}`).digest('hex').slice(0, 24)}`;
}
