import { decodeText, isTextLike } from '../common/mail/textPart.js';
import { MAX_TEXT_ATTACHMENT_BYTES } from '../common/mail/mailLimits.js';
import type { JsonTicketFormat, ParsedItem } from './jsonTicketSource.js';
import { looksLikeHtml } from './scanTicket.js';
import { flattenFields, isObject, scalarText, type JsonObject, type Ticket, type TicketArticle, type TicketField } from './ticket.js';
import { ticketDate } from './ticketDate.js';

/**
 * OTRS / Znuny GenericInterface TicketGet (AllArticles=1, Attachments=1, DynamicFields=1):
 * `{"Ticket": [...]}` per response; one response, an array or NDJSON of them. Locator: the
 * TicketNumber agents quote, else TicketID. `Created` is server-local time without a zone.
 */
export const otrsFormat: JsonTicketFormat = {
  unwrap: new Set(['Ticket']),
  *read(item: ParsedItem) {
    if (item.key === 'Ticket') {
      yield* otrsTickets(item.value, item.line);
    } else if (item.key === 'Error') {
      const message = isObject(item.value) ? scalarText(item.value.ErrorMessage) ?? scalarText(item.value.ErrorCode) : undefined;
      yield `the export holds an error instead of tickets: ${message ?? JSON.stringify(item.value)}`;
    } else if (item.key === undefined) {
      if (isObject(item.value) && Array.isArray(item.value.Ticket)) for (const t of item.value.Ticket) yield* otrsTickets(t, item.line);
      else yield* otrsTickets(item.value, item.line);
    }
  },
};

function* otrsTickets(value: unknown, line: number): Generator<Ticket | string> {
  if (isObject(value)) yield otrsTicket(value, line);
  else yield 'not an OTRS ticket (expected an object with TicketID and Article)';
}

function otrsTicket(ticket: JsonObject, line: number): Ticket {
  const problems: string[] = [];
  const rawArticles = ticket.Article;
  const articleList = Array.isArray(rawArticles) ? rawArticles : isObject(rawArticles) ? [rawArticles] : [];
  const fields = flattenFields(ticket, '', (path) => path === 'Article' || path === 'DynamicField');
  fields.push(...dynamicFields(ticket.DynamicField));
  const key = scalarText(ticket.TicketNumber) ?? scalarText(ticket.TicketID);
  if (key === undefined) problems.push('the ticket has neither TicketNumber nor TicketID');

  const articles = articleList.map((article, i): TicketArticle => {
    const label = `Article[${isObject(article) ? (scalarText(article.ArticleNumber) ?? scalarText(article.ArticleID) ?? i + 1) : i + 1}]`;
    if (!isObject(article)) {
      problems.push(`article ${i + 1} is not an object; searched as text`);
      return { label, body: JSON.stringify(article), html: false, fields: [] };
    }
    const body = typeof article.Body === 'string' ? article.Body : '';
    const type = `${scalarText(article.ContentType) ?? ''} ${scalarText(article.MimeType) ?? ''}`;
    const from = scalarText(article.From);
    const date = ticketDate(article.CreateTime);
    const attachmentFields: TicketField[] = [];
    const attachments = readAttachments(article.Attachment, attachmentFields, problems, label);
    return {
      label,
      ...(from ? { from } : {}),
      ...(date ? { date } : {}),
      body,
      html: /html/i.test(type) || looksLikeHtml(body),
      fields: [...flattenFields(article, '', (path) => path === 'Body' || path === 'Attachment'), ...attachmentFields],
      attachments,
    };
  });
  return { key, line, title: scalarText(ticket.Title), created: ticketDate(ticket.Created), fields, articles, problems };
}

/** `DynamicField: [{Name, Value}]` as fields named by the field (`DynamicField.Telefon`), as agents see them. */
function dynamicFields(value: unknown): TicketField[] {
  if (!Array.isArray(value)) return flattenFields(value, 'DynamicField');
  return value.flatMap((entry, i) => {
    if (isObject(entry) && typeof entry.Name === 'string') return flattenFields(entry.Value, `DynamicField.${entry.Name}`);
    return flattenFields(entry, `DynamicField[${i}]`);
  });
}

/**
 * Attachments arrive inline as base64. Text ones are decoded and searched like a mail's text
 * attachments; their metadata is kept, the content itself stays in the source.
 */
function readAttachments(value: unknown, fields: TicketField[], problems: string[], label: string): Array<{ name: string; text: string }> {
  const list = Array.isArray(value) ? value : isObject(value) ? [value] : [];
  const out: Array<{ name: string; text: string }> = [];
  list.forEach((attachment, i) => {
    fields.push(...flattenFields(attachment, `Attachment[${i}]`, (path) => path === `Attachment[${i}].Content`));
    if (!isObject(attachment) || typeof attachment.Content !== 'string') return;
    const contentType = scalarText(attachment.ContentType) ?? 'application/octet-stream';
    const type = contentType.split(';')[0]!.trim();
    if (!isTextLike(type)) return;
    const name = scalarText(attachment.Filename) ?? `${i + 1}`;
    let bytes = Buffer.from(attachment.Content, 'base64');
    if (bytes.length > MAX_TEXT_ATTACHMENT_BYTES) {
      problems.push(`${label}: text attachment "${name}" searched only in its first ${MAX_TEXT_ATTACHMENT_BYTES} bytes`);
      bytes = bytes.subarray(0, MAX_TEXT_ATTACHMENT_BYTES);
    }
    const charset = /charset="?([^";\s]+)/i.exec(contentType)?.[1];
    // An HTML attachment is also searched as rendered text: scanTicket sees its markup.
    out.push({ name, text: decodeText(bytes, charset) });
  });
  return out;
}
