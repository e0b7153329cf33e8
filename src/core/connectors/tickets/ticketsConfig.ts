import { z } from 'zod';
import { sourceBaseSchema } from '../connector.js';
import { delimiterOptionSchema, encodingOptionSchema } from '../common/table/csvOptionSchemas.js';

const base = sourceBaseSchema.extend({
  type: z.literal('tickets'),
  /** The export file, relative to the workspace file. */
  path: z.string().min(1),
});

/** A dot path into a ticket record (`customer.email`, `articles.0.body`). */
const fieldPath = z.string().regex(/^[^.\s]+(\.[^.\s]+)*$/, 'a dot path such as "id" or "customer.email"');

const genericFieldsSchema = z
  .object({
    /** The ticket's number or key: the finding's locator. */
    id: fieldPath,
    title: fieldPath.optional(),
    /** Creation time: the finding's date. */
    created: fieldPath.optional(),
    /** The ticket's own text (first message), if it has one outside the articles. */
    body: fieldPath.optional(),
    /** The list of messages (articles, comments, notes). */
    articles: fieldPath.optional(),
    /** Paths inside one article; default `from`, `date`, `body`. */
    articleFrom: fieldPath.optional(),
    articleDate: fieldPath.optional(),
    articleBody: fieldPath.optional(),
  })
  .strict();
export type GenericTicketFields = z.infer<typeof genericFieldsSchema>;

export const ticketsConfigSchema = z.discriminatedUnion('format', [
  /** Zammad API JSON: `{ticket, articles}` records as an array, NDJSON or one object. */
  base.extend({ format: z.literal('zammad') }).strict(),
  /** Zendesk API JSON: responses with tickets, comments and sideloaded users. */
  base.extend({ format: z.literal('zendesk') }).strict(),
  /** OTRS / Znuny TicketGet JSON. */
  base.extend({ format: z.literal('otrs') }).strict(),
  /** Jira's "Export CSV (all fields)". */
  base
    .extend({
      format: z.literal('jira-csv'),
      /** Overrides detection (BOM, else UTF-8 if the whole file is valid UTF-8, else windows-1252). */
      encoding: encodingOptionSchema
        .optional(),
      /** Overrides the sniffed delimiter; one character, or `tab`. */
      delimiter: delimiterOptionSchema
        .optional(),
    })
    .strict(),
  /** Any JSON export, read through a field mapping. */
  base
    .extend({
      format: z.literal('generic'),
      /** A top-level member holding the ticket list (`{"data": [...]}`); default: the file is the list. */
      root: z.string().min(1).optional(),
      fields: genericFieldsSchema,
    })
    .strict(),
]);

export type TicketsConfig = z.infer<typeof ticketsConfigSchema>;
export type TicketFormat = TicketsConfig['format'];
