import type { JsonTicketFormat, ParsedItem } from './jsonTicketSource.js';
import { looksLikeHtml } from './scanTicket.js';
import { flattenFields, isObject, scalarText, type JsonObject, type Ticket, type TicketArticle } from './ticket.js';
import { ticketDate } from './ticketDate.js';

/**
 * Zammad: `{ticket, articles}` per record as the REST API returns them (GET /api/v1/tickets/:id and
 * /api/v1/ticket_articles/by_ticket/:id), or a bare ticket with its `articles` inside. Locator: the
 * ticket `number` (what agents and customers quote), else its database `id`.
 */
export const zammadFormat: JsonTicketFormat = {
  *read(item: ParsedItem) {
    if (!isObject(item.value)) {
      yield 'not a Zammad ticket (expected an object with "ticket" and "articles")';
      return;
    }
    yield zammadTicket(item.value, item.line);
  },
};

function zammadTicket(record: JsonObject, line: number): Ticket {
  const wrapped = isObject(record.ticket);
  const ticket: JsonObject = wrapped ? (record.ticket as JsonObject) : record;
  const problems: string[] = [];
  const rawArticles = wrapped ? record.articles : ticket.articles;
  const articleList = Array.isArray(rawArticles) ? rawArticles : [];
  if (rawArticles !== undefined && rawArticles !== null && !Array.isArray(rawArticles)) problems.push('"articles" is not a list; its content was searched as ticket fields');

  const fields = flattenFields(ticket, '', (path) => path === 'articles' && articleList.length > 0);
  if (wrapped) {
    // Members beside ticket/articles (expanded customer, organization) are data of the same record.
    for (const [key, value] of Object.entries(record)) {
      if (key === 'ticket' || (key === 'articles' && Array.isArray(value))) continue;
      fields.push(...flattenFields(value, key));
    }
  }
  const key = scalarText(ticket.number) ?? scalarText(ticket.id);
  if (key === undefined) problems.push('the ticket has neither "number" nor "id"');

  const articles: TicketArticle[] = [];
  articleList.forEach((article, i) => {
    if (!isObject(article)) {
      problems.push(`article ${i + 1} is not an object; searched as text`);
      articles.push({ label: `article[${i + 1}]`, body: JSON.stringify(article), html: false, fields: [] });
      return;
    }
    const body = typeof article.body === 'string' ? article.body : '';
    const contentType = typeof article.content_type === 'string' ? article.content_type : '';
    const from = scalarText(article.from) ?? scalarText(article.created_by);
    const date = ticketDate(article.created_at);
    articles.push({
      label: `article[${scalarText(article.id) ?? i + 1}]`,
      ...(from ? { from } : {}),
      ...(date ? { date } : {}),
      body,
      html: /html/i.test(contentType) || looksLikeHtml(body),
      fields: flattenFields(article, '', (path) => path === 'body'),
    });
  });

  return { key, line, title: scalarText(ticket.title), created: ticketDate(ticket.created_at), fields, articles, problems };
}
