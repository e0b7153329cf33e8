/**
 * One ticket as every format is read into: the vendor shapes (Zammad, Zendesk, OTRS, Jira, generic)
 * differ, the matching and the finding they produce do not.
 */

/** A value of the ticket as held, under the name it has in the export (`title`, `custom_fields[0].value`). */
export interface TicketField {
  readonly name: string;
  readonly value: string;
  /** Searched for the subject; false for numbers and flags that only describe the ticket. */
  readonly scan: boolean;
}

/** One message of the ticket's conversation: an article, comment or note. */
export interface TicketArticle {
  /** Prefix for match fields and record field names, e.g. `article[101]`. */
  readonly label: string;
  readonly from?: string;
  readonly date?: string;
  /** The body as held: HTML or plain text. */
  readonly body: string;
  /** The body's name in match fields, when it is not `<label>.body` (a mapped path). */
  readonly bodyField?: string;
  /** The body is HTML: the record keeps its rendered text, not the markup. */
  readonly html: boolean;
  /** The article's other values (to, cc, subject, sender); searched and kept like the ticket's. */
  readonly fields: ReadonlyArray<TicketField>;
  /** Decoded text attachments (OTRS inlines them), searched under `label.attachment:name`. */
  readonly attachments?: ReadonlyArray<{ readonly name: string; readonly text: string }>;
}

export interface Ticket {
  /** The ticket's number or key, the locator; undefined when the export gives none (then `line`). */
  readonly key: string | undefined;
  readonly line: number;
  readonly title: string | undefined;
  /** ISO 8601; without offset where the export has local time. */
  readonly created: string | null;
  readonly fields: ReadonlyArray<TicketField>;
  readonly articles: ReadonlyArray<TicketArticle>;
  /** Damage in this ticket that did not stop it from being searched. */
  readonly problems: ReadonlyArray<string>;
}

export type JsonObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as text: ids arrive as numbers in one export and strings in the next. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() ? value : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Every non-empty scalar below `value` as a field, named by its path (`a.b`, `a[0].c`). Arrays of
 * scalars become one field ("dsgvo, rückruf"). Strings are searched, numbers too (a numeric
 * customer or phone number), booleans only kept. `skip` leaves out paths read elsewhere (bodies).
 */
export function flattenFields(value: unknown, prefix: string, skip: (path: string) => boolean = () => false): TicketField[] {
  const out: TicketField[] = [];
  const walk = (node: unknown, path: string): void => {
    if (path && skip(path)) return;
    if (node === null || node === undefined) return;
    if (typeof node === 'string') {
      if (node.trim()) out.push({ name: path, value: node, scan: true });
    } else if (typeof node === 'number') {
      if (Number.isFinite(node)) out.push({ name: path, value: String(node), scan: true });
    } else if (typeof node === 'boolean') {
      out.push({ name: path, value: String(node), scan: false });
    } else if (Array.isArray(node)) {
      if (node.every((n) => n === null || typeof n !== 'object')) {
        const parts = node.map((n) => (n === null || n === undefined ? '' : String(n))).filter((s) => s.trim());
        if (parts.length) out.push({ name: path, value: parts.join(', '), scan: node.some((n) => typeof n === 'string' || typeof n === 'number') });
      } else node.forEach((n, i) => walk(n, `${path}[${i}]`));
    } else if (isObject(node)) {
      for (const [key, child] of Object.entries(node)) walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(value, prefix);
  return out;
}

/** The value at a dot path (`customer.email`, `articles.0.body`), for the generic field mapping. */
export function valueAt(value: unknown, path: string): unknown {
  let node = value;
  for (const part of path.split('.')) {
    if (Array.isArray(node) && /^\d+$/.test(part)) node = node[Number(part)];
    else if (isObject(node)) node = node[part];
    else return undefined;
  }
  return node;
}
