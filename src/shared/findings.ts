import { z } from 'zod';
import { SubjectSchema } from './subject.js';

/**
 * The findings contract of `auskunft search` (docs/ARCHITECTURE.md "Findings and match strength").
 * Users script against this JSON and later issues store and export it: change it only additively.
 */

/** Where a record lives in its source, precise enough to find it again by hand. */
export const LocatorSchema = z
  .object({
    messageId: z.string().optional(), // without angle brackets
    path: z.string().optional(), // relative to the source's path (file sources)
    offset: z.number().int().nonnegative().optional(), // byte offset of the "From " line in an mbox
    mailbox: z.string().optional(), // IMAP mailbox, decoded (not modified UTF-7)
    uid: z.number().int().positive().optional(),
    uidValidity: z.number().int().nonnegative().optional(),
    line: z.number().int().positive().optional(), // 1-based physical line where the record starts
    sheet: z.string().optional(),
    row: z.number().int().positive().optional(),
    ticket: z.string().optional(),
    page: z.number().int().positive().optional(),
    file: z.string().optional(), // an Outlook store or .msg, relative like `path`
    folder: z.string().optional(), // folder inside an Outlook store, "Posteingang/Projekte"
    item: z.number().int().nonnegative().optional(), // descriptor node id of the item in a PST/OST
    subject: z.string().optional(), // the item's subject, to tell a replaced item from the one found
    table: z.string().optional(), // a database table, "schema.table" (SQLite: the table's name)
    key: z.record(z.string(), z.union([z.string(), z.number()])).optional(), // the row's primary key, column → value
    hash: z.string().regex(/^[0-9a-f]{64}$/).optional(), // SHA-256 of the row's values, to tell a changed or replaced row from the one found
  })
  .strict();
export type Locator = z.infer<typeof LocatorSchema>;

export const IdentifierTypeSchema = z.enum(['email', 'phone', 'phoneHash', 'customerId', 'ip', 'otherId', 'name']);
export type IdentifierType = z.infer<typeof IdentifierTypeSchema>;

/**
 * Why a match does not make its finding strong: the identifier is the controller's own (its address,
 * a domain of its own, a shared role mailbox, its switchboard) or over-broad in this source.
 */
export const MatchGuardSchema = z.enum(['controller-address', 'controller-domain', 'role-address', 'switchboard', 'over-broad']);
export type MatchGuard = z.infer<typeof MatchGuardSchema>;

/** One identifier of the subject found in a record. `value` is the subject's normalized identifier. */
export const MatchSchema = z.object({
  type: IdentifierTypeSchema,
  value: z.string(),
  field: z.string().optional(), // where in the record: header name, column, "body", "attachment:x.txt"
  found: z.string().optional(), // the text as it stood in the record, when it differs from value
  guard: MatchGuardSchema.optional(), // set when this match counts as weak (see MatchGuardSchema)
  confidence: z.number().int().min(0).max(100).optional(), // OCR text: tesseract's confidence in the matched words
  tolerant: z.boolean().optional(), // OCR text: matched only with OCR noise tolerance (a dropped hyphen, 0 for O)
});
export type Match = z.infer<typeof MatchSchema>;

export const StrengthSchema = z.enum(['strong', 'weak']);
export type Strength = z.infer<typeof StrengthSchema>;

/** The content of a found record, kept so that review and export need not re-read the source. */
export const RecordSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('mail'),
    from: z.string().optional(),
    to: z.string().optional(),
    cc: z.string().optional(),
    subject: z.string().optional(),
    date: z.string().optional(),
    text: z.string().optional(),
    attachments: z.array(z.object({ filename: z.string().optional(), contentType: z.string(), size: z.number().int().nonnegative() })).optional(),
  }),
  z.object({ kind: z.literal('row'), fields: z.array(z.object({ name: z.string(), value: z.string() })) }),
  z.object({ kind: z.literal('call'), fields: z.array(z.object({ name: z.string(), value: z.string() })), recording: z.string().optional() }),
  z.object({ kind: z.literal('ticket'), title: z.string().optional(), fields: z.array(z.object({ name: z.string(), value: z.string() })), articles: z.array(z.object({ from: z.string().optional(), date: z.string().optional(), text: z.string() })) }),
  z.object({ kind: z.literal('logline'), text: z.string(), fields: z.array(z.object({ name: z.string(), value: z.string() })).optional() }),
  z.object({
    kind: z.literal('document'),
    text: z.string().optional(),
    pages: z.number().int().optional(),
    /** The text, or part of it, was read by OCR from a scan ("maschinell erkannt"), not typed. */
    machineRead: z.boolean().optional(),
    /** Per OCR'd page: how it was read, and the boxes of the words that matched, for the review. */
    ocr: z
      .array(
        z.object({
          page: z.number().int().positive(),
          confidence: z.number().int().min(0).max(100),
          rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
          width: z.number().int().positive(),
          height: z.number().int().positive(),
          boxes: z.array(z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number(), value: z.string() })),
        }),
      )
      .optional(),
  }),
]);
export type RecordData = z.infer<typeof RecordSchema>;

export const FindingSchema = z.object({
  id: z.string(),
  source: z.string(),
  locator: LocatorSchema,
  strength: StrengthSchema,
  matches: z.array(MatchSchema).min(1),
  activities: z.array(z.string()),
  categories: z.array(z.string()),
  title: z.string(),
  date: z.string().nullable(),
  record: RecordSchema.optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const SourceWarningSchema = z.object({
  locator: LocatorSchema,
  message: z.string(),
  /** true when content could not be searched at all: the source is then `partial`. */
  uncovered: z.boolean().optional(),
});
export type SourceWarning = z.infer<typeof SourceWarningSchema>;

export const SourceStatusSchema = z.enum(['ok', 'partial', 'failed']);
export type SourceStatus = z.infer<typeof SourceStatusSchema>;

export const SourceReportSchema = z.object({
  id: z.string(),
  type: z.string(),
  status: SourceStatusSchema,
  scanned: z.number().int().nonnegative(),
  warnings: z.array(SourceWarningSchema),
  error: z.string().nullable(),
});
export type SourceReport = z.infer<typeof SourceReportSchema>;

/**
 * A warning about one of the subject's identifiers, naming it: it belongs to the controller, it is
 * over-broad in a source, it is not verified, or an open case already has it.
 */
export const IdentifierWarningSchema = z.object({
  kind: z.enum(['controller-address', 'controller-domain', 'role-address', 'switchboard', 'over-broad', 'unverified', 'open-case']),
  type: IdentifierTypeSchema,
  value: z.string(), // the identifier in its normal form
  source: z.string().optional(), // over-broad: the source it is over-broad in
  findings: z.number().int().nonnegative().optional(), // over-broad, unverified: the findings held because of it
  caseId: z.string().optional(), // open-case: the other case
  message: z.string(),
});
export type IdentifierWarning = z.infer<typeof IdentifierWarningSchema>;

export const SearchResultSchema = z.object({
  subject: SubjectSchema,
  sources: z.array(SourceReportSchema),
  findings: z.array(FindingSchema),
  /** Added with the identifier guard; absent in results written before it. */
  identifierWarnings: z.array(IdentifierWarningSchema).optional(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;
