import type { SubjectQuery } from '../../domain/subjectQuery.js';
import type { SearchContext, SearchEvent } from '../connector.js';
import { jsonItems, type JsonItem } from './jsonItems.js';
import { itemWarning } from './jsonTicketSource.js';
import { ticketEvents, ticketMatches } from './scanTicket.js';
import { flattenFields, isObject, scalarText, type JsonObject, type Ticket, type TicketArticle, type TicketField } from './ticket.js';
import { ticketDate } from './ticketDate.js';
import { MAX_RESOLVED_USERS, MAX_TICKET_JSON_CHARS, PROGRESS_EVERY_TICKETS } from './ticketLimits.js';
import { detectTicketEncoding, ticketText } from './ticketText.js';

/**
 * Zendesk API JSON: responses of /api/v2/tickets (+ `?include=users`) and
 * /tickets/{id}/comments, one response, an array or NDJSON of them. People appear only as ids, so
 * author ids are resolved to the sideloaded users: a comment written by the subject must match on
 * their email even though its text never names them.
 *
 * Comments belong to a ticket by `ticket_id`, or else by sitting in a response with exactly one
 * ticket. That join is done in three passes over the file, each streaming, so memory holds the
 * users and the subject's tickets but never the export:
 * 1. users (id → name and email), and which response holds which single ticket;
 * 2. every ticket and comment is searched on its own; the ids of matching tickets are kept;
 * 3. the matching tickets and all their comments are read again and reported.
 */
export async function* searchZendesk(absolute: string, subject: SubjectQuery, ctx: SearchContext): AsyncGenerator<SearchEvent> {
  const encoding = await detectTicketEncoding(absolute, ctx.signal);
  const read = async function* (want?: (key: string | undefined) => boolean): AsyncGenerator<JsonItem> {
    const text = await ticketText(absolute, ctx.signal, encoding);
    yield* jsonItems(text, { unwrap: CONTAINER_KEYS, maxItemChars: MAX_TICKET_JSON_CHARS, ...(want ? { want } : {}) });
  };

  // Pass 1: who is who.
  const users = new Map<string, string>();
  let usersDropped = 0;
  const soleTicket = new Map<number, string | null>();
  for await (const item of read((key) => key !== 'comments' && key !== 'comment')) {
    ctx.signal.throwIfAborted();
    for (const entry of entries(item)) {
      if (typeof entry === 'string') continue;
      const id = scalarText(entry.value.id);
      if (id === undefined) continue;
      if (entry.kind === 'user') {
        if (users.size < MAX_RESOLVED_USERS || users.has(id)) users.set(id, describeUser(entry.value));
        else usersDropped++;
      } else if (entry.kind === 'ticket') {
        soleTicket.set(entry.container, soleTicket.has(entry.container) && soleTicket.get(entry.container) !== id ? null : id);
      }
    }
  }
  if (usersDropped) {
    yield { kind: 'warning', locator: {}, message: `more than ${MAX_RESOLVED_USERS} users: ${usersDropped} were not kept, so their ids could not be resolved to names and emails`, uncovered: true };
  }

  // Pass 2: which tickets concern the subject.
  const matched = new Set<string>();
  let scanned = 0;
  for await (const item of read()) {
    ctx.signal.throwIfAborted();
    if (item.error !== undefined) {
      yield itemWarning(item, item.error);
      continue;
    }
    for (const entry of entries(item)) {
      if (typeof entry === 'string') {
        yield itemWarning(item, entry);
        continue;
      }
      if (entry.kind === 'ticket') {
        const ticket = zendeskTicket(entry.value, scalarText(entry.value.id), entry.line, [], users);
        if (ticket.key === undefined) {
          yield* ticketEvents(ticket, subject); // no id: nothing can join it, report it as it stands
        } else if (ticketMatches(ticket, subject).length) matched.add(ticket.key);
        if (++scanned % PROGRESS_EVERY_TICKETS === 0) ctx.progress({ scanned });
      } else if (entry.kind === 'comment') {
        const key = commentTicket(entry, soleTicket);
        const alone = zendeskTicket(undefined, key, entry.line, [entry.value], users);
        const concerns = ticketMatches(alone, subject).length > 0;
        if (key !== undefined) {
          if (concerns) matched.add(key);
          continue;
        }
        yield {
          kind: 'warning',
          locator: { line: entry.line },
          message: `comment ${scalarText(entry.value.id) ?? '(no id)'} has no ticket_id and its response holds ${soleTicket.get(entry.container) === null ? 'several tickets' : 'no ticket'}, so it belongs to no ticket${concerns ? '; it mentions the subject' : ''}`,
          uncovered: concerns,
        };
      }
    }
  }
  ctx.progress({ scanned });
  if (!matched.size) return;

  // Pass 3: the subject's tickets with every comment, for the record.
  const gathered = new Map<string, { ticket: JsonObject | undefined; line: number; comments: Map<string, JsonObject> }>();
  const slot = (key: string, line: number) => {
    let entry = gathered.get(key);
    if (!entry) gathered.set(key, (entry = { ticket: undefined, line, comments: new Map() }));
    return entry;
  };
  for await (const item of read((key) => key !== 'users' && key !== 'user')) {
    ctx.signal.throwIfAborted();
    for (const entry of entries(item)) {
      if (typeof entry === 'string') continue;
      if (entry.kind === 'ticket') {
        const key = scalarText(entry.value.id);
        if (key === undefined || !matched.has(key)) continue;
        // Incremental exports repeat a ticket after each update: the last version is the one held.
        const target = slot(key, entry.line);
        target.ticket = entry.value;
        target.line = entry.line;
      } else if (entry.kind === 'comment') {
        const key = commentTicket(entry, soleTicket);
        if (key === undefined || !matched.has(key)) continue;
        const comments = slot(key, entry.line).comments;
        comments.set(scalarText(entry.value.id) ?? `#${comments.size}`, entry.value);
      }
    }
  }
  for (const [key, { ticket, line, comments }] of gathered) {
    const built = zendeskTicket(ticket, key, line, [...comments.values()], users);
    yield* ticketEvents(ticket ? built : { ...built, problems: [...built.problems, 'the ticket itself is not in the export, only comments on it'] }, subject);
  }
}

/** Members of a Zendesk response that hold records; the rest (count, next_page) is paging. */
const CONTAINER_KEYS: ReadonlySet<string> = new Set(['tickets', 'comments', 'users']);
const KIND_OF_KEY: Readonly<Record<string, Entry['kind']>> = {
  ticket: 'ticket',
  tickets: 'ticket',
  comment: 'comment',
  comments: 'comment',
  user: 'user',
  users: 'user',
};

interface Entry {
  readonly kind: 'ticket' | 'comment' | 'user';
  readonly value: JsonObject;
  readonly line: number;
  readonly container: number;
}

/** The records in one item: a streamed array element, a singular member, or a whole response. */
function* entries(item: JsonItem): Generator<Entry | string> {
  if (item.error !== undefined) return;
  const { line, container, value } = item;
  if (item.key !== undefined) {
    const kind = KIND_OF_KEY[item.key];
    if (!kind) return;
    const list = Array.isArray(value) ? value : [value];
    for (const v of list) {
      if (isObject(v)) yield { kind, value: v, line, container };
      else if (v !== null) yield `"${item.key}" holds something that is not an object`;
    }
    return;
  }
  if (!isObject(value)) {
    yield 'not a Zendesk response, ticket or comment';
    return;
  }
  const members = Object.keys(value).filter((k) => k in KIND_OF_KEY);
  if (members.length) {
    for (const key of members) yield* entries({ line, container, key, value: value[key] });
  } else if ('author_id' in value && ('body' in value || 'html_body' in value)) yield { kind: 'comment', value, line, container };
  else if ('id' in value) yield { kind: 'ticket', value, line, container };
  else yield 'not a Zendesk response, ticket or comment';
}

function commentTicket(entry: Entry, soleTicket: ReadonlyMap<number, string | null>): string | undefined {
  return scalarText(entry.value.ticket_id) ?? soleTicket.get(entry.container) ?? undefined;
}

/** "Name <email>, phone": how a resolved person reads in the record, and what is searched. */
function describeUser(user: JsonObject): string {
  const name = scalarText(user.name);
  const email = scalarText(user.email);
  const phone = scalarText(user.phone);
  const who = name && email ? `${name} <${email}>` : (name ?? email ?? `user ${scalarText(user.id) ?? '?'}`);
  return phone ? `${who}, ${phone}` : who;
}

/** Ticket fields naming people by id, and the name they get once resolved. */
const PEOPLE: ReadonlyArray<readonly [string, string]> = [
  ['requester_id', 'requester'],
  ['submitter_id', 'submitter'],
  ['assignee_id', 'assignee'],
  ['collaborator_ids', 'collaborators'],
  ['follower_ids', 'followers'],
  ['email_cc_ids', 'email_ccs'],
];

const BODIES = new Set(['body', 'html_body', 'plain_body']);

function zendeskTicket(ticket: JsonObject | undefined, key: string | undefined, line: number, comments: ReadonlyArray<JsonObject>, users: ReadonlyMap<string, string>): Ticket {
  const fields: TicketField[] = ticket ? flattenFields(ticket, '') : [];
  for (const [idField, name] of PEOPLE) {
    const ids = ticket?.[idField];
    const resolved = (Array.isArray(ids) ? ids : [ids]).map((id) => users.get(scalarText(id) ?? '')).filter((u): u is string => u !== undefined);
    if (resolved.length) fields.push({ name, value: resolved.join('; '), scan: true });
  }
  const articles = comments.map((comment, i): TicketArticle => {
    const author = users.get(scalarText(comment.author_id) ?? '');
    const via = isObject(comment.via) && isObject(comment.via.source) && isObject(comment.via.source.from) ? scalarText(comment.via.source.from.address) : undefined;
    const html = typeof comment.html_body === 'string' ? comment.html_body : undefined;
    const text = html ?? (typeof comment.body === 'string' ? comment.body : typeof comment.plain_body === 'string' ? comment.plain_body : '');
    const date = ticketDate(comment.created_at);
    const from = author ?? via ?? (scalarText(comment.author_id) ? `user ${scalarText(comment.author_id)}` : undefined);
    const commentFields = flattenFields(comment, '', (path) => BODIES.has(path));
    if (author) commentFields.push({ name: 'author', value: author, scan: true });
    return {
      label: `comment[${scalarText(comment.id) ?? i + 1}]`,
      ...(from ? { from } : {}),
      ...(date ? { date } : {}),
      body: text,
      html: html !== undefined,
      fields: commentFields,
    };
  });
  const problems = ticket && key === undefined ? ['the ticket has no "id"'] : [];
  return { key, line, title: ticket ? (scalarText(ticket.subject) ?? scalarText(ticket.raw_subject)) : undefined, created: ticketDate(ticket?.created_at), fields, articles, problems };
}
