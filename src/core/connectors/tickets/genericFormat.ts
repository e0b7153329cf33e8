import type { JsonTicketFormat, ParsedItem } from './jsonTicketSource.js';
import { looksLikeHtml } from './scanTicket.js';
import { flattenFields, isObject, scalarText, valueAt, type Ticket, type TicketArticle } from './ticket.js';
import { ticketDate } from './ticketDate.js';
import type { GenericTicketFields } from './ticketsConfig.js';

/**
 * Any other helpdesk's JSON export, read through a field mapping (`fields: {id, title, …}`, dot
 * paths). The mapping only says what the ticket's id, title, date and conversation are: every value
 * of the record is searched either way, mapped or not.
 */
export function genericFormat(fields: GenericTicketFields, root: string | undefined): JsonTicketFormat {
  const article = { from: fields.articleFrom ?? 'from', date: fields.articleDate ?? 'date', body: fields.articleBody ?? 'body' };
  return {
    ...(root ? { unwrap: new Set([root]) } : {}),
    *read(item: ParsedItem) {
      if (root !== undefined && item.key !== root) return;
      if (!isObject(item.value)) {
        yield `not a ticket object (found ${Array.isArray(item.value) ? 'a list' : typeof item.value})`;
        return;
      }
      yield genericTicket(item.value, item.line, fields, article);
    },
  };
}

function genericTicket(record: Readonly<Record<string, unknown>>, line: number, fields: GenericTicketFields, article: { from: string; date: string; body: string }): Ticket {
  const problems: string[] = [];
  const key = scalarText(valueAt(record, fields.id));
  if (key === undefined) problems.push(`no ticket id at "${fields.id}"`);
  const rawArticles = fields.articles === undefined ? undefined : valueAt(record, fields.articles);
  const articleList = Array.isArray(rawArticles) ? rawArticles : [];
  if (fields.articles !== undefined && rawArticles !== undefined && rawArticles !== null && !Array.isArray(rawArticles)) {
    problems.push(`"${fields.articles}" is not a list; its content was searched as ticket fields`);
  }
  const created = fields.created === undefined ? null : ticketDate(valueAt(record, fields.created));
  const articles: TicketArticle[] = [];
  const body = fields.body === undefined ? undefined : valueAt(record, fields.body);
  if (typeof body === 'string' && body.trim()) {
    articles.push({ label: fields.body!, bodyField: pathName(fields.body!), ...(created ? { date: created } : {}), body, html: looksLikeHtml(body), fields: [] });
  }
  articleList.forEach((entry, i) => {
    const label = `${pathName(fields.articles!)}[${i}]`;
    if (!isObject(entry)) {
      articles.push({ label, bodyField: label, body: typeof entry === 'string' ? entry : JSON.stringify(entry), html: typeof entry === 'string' && looksLikeHtml(entry), fields: [] });
      return;
    }
    const text = valueAt(entry, article.body);
    const from = scalarText(valueAt(entry, article.from));
    const date = ticketDate(valueAt(entry, article.date));
    articles.push({
      label,
      ...(from ? { from } : {}),
      ...(date ? { date } : {}),
      body: typeof text === 'string' ? text : '',
      bodyField: `${label}.${pathName(article.body)}`,
      html: typeof text === 'string' && looksLikeHtml(text),
      fields: flattenFields(entry, '', (path) => path === article.body && typeof text === 'string'),
    });
  });
  const skipped = new Set<string>();
  if (articleList.length) skipped.add(pathName(fields.articles!));
  if (articles.length && fields.body !== undefined && typeof body === 'string') skipped.add(pathName(fields.body));
  return {
    key,
    line,
    title: fields.title === undefined ? undefined : scalarText(valueAt(record, fields.title)),
    created,
    fields: flattenFields(record, '', (path) => skipped.has(path)),
    articles,
    problems,
  };
}

/** A mapping's dot path as flattenFields names it (`a.0.b` → `a[0].b`). */
function pathName(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}
