import { z } from 'zod';
import { EXTENSION_REASON_CODES } from './extensionReasons.js';
import { SEND_CHANNELS, type SendChannel } from './sendChannels.js';
import { FindingSchema, IdentifierTypeSchema, IdentifierWarningSchema, LocatorSchema, SourceStatusSchema, SourceWarningSchema, StrengthSchema } from './findings.js';
import { SubjectSchema } from './subject.js';
import { VerificationMethodSchema } from './verification.js';

/**
 * The one API contract between the UI and the engine (docs/ARCHITECTURE.md "Architecture", docs/STYLE.md §2).
 *
 * Every method is `service.method` with a zod schema for its input and its output. Electron's main
 * process validates each call against it before forwarding it to the engine process, the HTTP bridge
 * does the same, the preload exposes exactly these names, and the renderer's client types are
 * inferred from it. Add a method here and TypeScript shows every place that must implement it.
 */

// ---------------------------------------------------------------------------------------------
// Building blocks

/** A case reference like `AUS-2026-0001-K7QF` (core/store/ids.ts). */
export const CaseIdSchema = z.string().regex(/^AUS-\d{4}-\d{4,}-[0-9A-HJKMNP-TV-Z]{4}$/, 'not a case reference');
const IsoDateSchema = z.iso.date();
const IsoDateTimeSchema = z.string().min(1);
/** A finding id (core/search/findingId.ts): opaque, bounded so a hostile payload cannot be huge. */
const FindingIdSchema = z.string().min(1).max(200);
const SourceIdSchema = z.string().min(1).max(200);
const ReasonSchema = z.string().trim().min(3, 'give a reason of at least 3 characters').max(2000);

export const LangSchema = z.enum(['de', 'en']);
export type Lang = z.infer<typeof LangSchema>;

/** An error as it crosses a process boundary: never a stack to the renderer, always a readable message. */
/** One problem with one field of a payload (src/shared/fieldMessages.ts): path, code, zod's parameters. */
export const FieldIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
  expected: z.string().optional(),
  received: z.string().optional(),
  format: z.string().optional(),
  origin: z.string().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  keys: z.array(z.string()).optional(),
});

/** `issues`: for InvalidInput, every problem of the payload, so a form shows each at its field. */
export const ApiErrorSchema = z.object({ name: z.string(), message: z.string(), issues: z.array(FieldIssueSchema).optional() });
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** What every transport returns for a call: a value or an error, never a thrown exception. */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

// ---------------------------------------------------------------------------------------------
// Cases

/**
 * Where a case stands in the officer's job: received and being worked on, waiting for a review of
 * its findings, the answer sent (with date and channel), answered, or closed without an answer
 * (withdrawn, or refused under Art. 12(5)).
 */
export const CaseStatusSchema = z.enum(['open', 'review', 'sent', 'answered', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

/** How the answer went to the person: by post, by e-mail (the ZIP; its password separately), or handed over in person. */
export const SendChannelSchema = z.enum(SEND_CHANNELS);
export type { SendChannel };

/** When and how the answer was sent: the proof that it went out within the deadline (Art. 12(3)). */
export const SentSchema = z.object({ on: IsoDateSchema, channel: SendChannelSchema });
export type Sent = z.infer<typeof SentSchema>;

/**
 * How the requester's identity was checked (Art. 12(6), EDPB Guidelines 01/2022 §§ 58–79). A copy of an
 * ID card is not the routine: it is only proportionate when there are reasonable doubts, and then it
 * needs that doubt written down.
 */
export { VerificationMethodSchema, type VerificationMethod } from './verification.js';

export const IdentityVerificationSchema = z
  .object({
    method: VerificationMethodSchema,
    note: z.string().trim().max(2000).default(''),
    /**
     * The identifiers this verification covers, in any spelling; absent: every identifier (as before
     * verification was per identifier). Findings matched only by uncovered identifiers are held for review.
     */
    identifiers: z.array(z.string().max(500)).max(200).optional(),
  })
  .refine((v) => v.method !== 'idDocument' || v.note.length >= 10, {
    message: 'an ID document is only proportionate with reasonable doubts: record them in the note',
    path: ['note'],
  })
  .refine((v) => v.method !== 'other' || v.note.length >= 3, { message: 'describe how the identity was verified', path: ['note'] });
export type IdentityVerification = z.infer<typeof IdentityVerificationSchema>;

export const DeadlineWarningSchema = z.enum(['overdue', 'dueSoon']).nullable();

export const ExtensionSchema = z.object({
  /** The new due date: two more months (Art. 12(3) sentence 2). */
  until: IsoDateSchema,
  reason: z.string(),
  /** The notice to the person, drafted for the officer to send within the first month. */
  notice: z.string(),
});
export type Extension = z.infer<typeof ExtensionSchema>;

export const CaseSummarySchema = z.object({
  id: CaseIdSchema,
  receivedOn: IsoDateSchema,
  status: CaseStatusSchema,
  subjectName: z.string().nullable(),
  /** One month from receipt (Art. 12(3), counted as core/cases/deadline.ts does). */
  dueOn: IsoDateSchema,
  /** The deadline that applies now: `extension.until` when extended, else `dueOn`. */
  effectiveDueOn: IsoDateSchema,
  extension: ExtensionSchema.nullable(),
  /** Days from today until the effective due date; negative when overdue. */
  daysLeft: z.number().int(),
  warning: DeadlineWarningSchema,
  /** When and how the answer was last sent; null while it has not been. */
  sent: SentSchema.nullable(),
  /** How many of the case's identifiers (the name aside) are verified (Art. 12(6)); counts only, so the list shows no identifiers. */
  identityCheck: z.object({ verified: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const LastSearchSchema = z.object({
  startedAt: IsoDateTimeSchema,
  finishedAt: IsoDateTimeSchema.nullable(),
  status: z.enum(['running', 'ok', 'partial', 'failed']),
  findings: z.number().int().nonnegative(),
});

/** One identifier of a case in normal form, with how, when and by whom it was verified (null: unverified). */
export const CaseIdentifierSchema = z.object({
  type: IdentifierTypeSchema,
  value: z.string(),
  label: z.string().nullable(),
  verification: z.object({ method: VerificationMethodSchema, note: z.string(), at: IsoDateTimeSchema, by: z.string() }).nullable(),
});
export type CaseIdentifierView = z.infer<typeof CaseIdentifierSchema>;

/** What case entry shows before the case exists: identifiers in normal form, duplicates merged, and named warnings. */
export const SubjectCheckSchema = z.object({
  identifiers: z.array(z.object({ type: IdentifierTypeSchema, value: z.string(), written: z.array(z.string()), label: z.string().nullable() })),
  warnings: z.array(IdentifierWarningSchema),
  /** Every identifier that cannot be searched for, at its path (`['subject', 'phones', 0]`, code `invalid_identifier`); the rest is checked without them. */
  issues: z.array(FieldIssueSchema),
});
export type SubjectCheck = z.infer<typeof SubjectCheckSchema>;

export const CaseDetailSchema = CaseSummarySchema.extend({
  subject: SubjectSchema,
  identityVerification: IdentityVerificationSchema.nullable(),
  identifiers: z.array(CaseIdentifierSchema),
  /** The controller's own identifiers, unverified ones, open cases with the same identifier, and the last run's over-broad ones. */
  identifierWarnings: z.array(IdentifierWarningSchema),
  workspacePath: z.string().nullable(),
  lastSearch: LastSearchSchema.nullable(),
  /** The statuses this case may move to now (core/cases/changeCaseStatus.ts); reopening is `review`. */
  nextStatuses: z.array(CaseStatusSchema),
  /** When the case was answered or closed; the retention period runs from here. Null while worked on. */
  closedAt: IsoDateTimeSchema.nullable(),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const NewCaseSchema = z.object({
  receivedOn: IsoDateSchema,
  subject: SubjectSchema,
  identityVerification: IdentityVerificationSchema,
});
export type NewCase = z.input<typeof NewCaseSchema>;

// ---------------------------------------------------------------------------------------------
// Sources

/** A secret reference as the workspace stores it: never the secret itself. */
export const SecretRefSchema = z.union([z.object({ env: z.string().min(1) }).strict(), z.object({ keychain: z.string().min(1) }).strict()]);
export type SecretRef = z.infer<typeof SecretRefSchema>;

export const SourceViewSchema = z.object({
  id: z.string(),
  type: z.string(),
  /** The workspace's `label:` for the source, to show instead of the id; null when it has none. */
  label: z.string().nullable(),
  /** One line for the list: the path or host the source reads. */
  summary: z.string(),
  /** The source's entry in auskunft.yaml as written; secrets appear only as references. */
  config: z.record(z.string(), z.unknown()),
  activities: z.array(z.string()),
  /** For sources with a password: where it comes from and whether the keychain holds it. */
  secret: z.object({ field: z.string(), ref: SecretRefSchema.nullable(), stored: z.boolean() }).nullable(),
});
export type SourceView = z.infer<typeof SourceViewSchema>;

export const SourceTypeSchema = z.object({
  type: z.string(),
  /** JSON Schema of the source's config (generated from the connector's zod schema) for its form. */
  schema: z.record(z.string(), z.unknown()),
  /** The config field that holds a secret reference, if the type has one. */
  secretField: z.string().nullable(),
});

export const SourcesViewSchema = z.object({
  workspacePath: z.string(),
  sources: z.array(SourceViewSchema),
  types: z.array(SourceTypeSchema),
  activities: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type SourcesView = z.infer<typeof SourcesViewSchema>;

export const SaveSourceSchema = z.object({
  /** The id of the source being edited; null adds a new one. */
  originalId: SourceIdSchema.nullable(),
  config: z.record(z.string(), z.unknown()),
  /** Write-only: goes to the OS keychain, never into auskunft.yaml or the case store. */
  password: z.string().min(1).max(4096).nullable(),
});

// ---------------------------------------------------------------------------------------------
// Search

export const SourceSearchStateSchema = z.enum(['waiting', 'running', 'ok', 'partial', 'failed', 'cancelled']);

/** Warnings of one source, shown in full up to this many; the rest are counted. */
export const MAX_WARNINGS_SHOWN = 200;

export const SourceSearchStatusSchema = z.object({
  id: z.string(),
  type: z.string(),
  state: SourceSearchStateSchema,
  scanned: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  detail: z.string().nullable(),
  /** Seconds left, from the rate so far; null while unknown. */
  etaSeconds: z.number().nonnegative().nullable(),
  /** 0..1 of the source read, for a source that does not count its records up front (an mbox's bytes). */
  share: z.number().min(0).max(1).nullable(),
  findings: z.number().int().nonnegative(),
  warnings: z.array(SourceWarningSchema),
  warningCount: z.number().int().nonnegative(),
  error: z.string().nullable(),
});
export type SourceSearchStatus = z.infer<typeof SourceSearchStatusSchema>;

export const SearchStatusSchema = z.object({
  searchId: z.string(),
  caseId: CaseIdSchema,
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  startedAt: IsoDateTimeSchema,
  finishedAt: IsoDateTimeSchema.nullable(),
  sources: z.array(SourceSearchStatusSchema),
  error: z.string().nullable(),
});
export type SearchStatus = z.infer<typeof SearchStatusSchema>;

// ---------------------------------------------------------------------------------------------
// Review

/** `redact`: included with parts blacked out. `open`: not decided yet (the default for every finding). */
export const DecisionStateSchema = z.enum(['open', 'include', 'exclude', 'redact']);
export type DecisionState = z.infer<typeof DecisionStateSchema>;

export const RecordKindSchema = z.enum(['mail', 'row', 'call', 'ticket', 'logline', 'document', 'unknown']);
export type RecordKind = z.infer<typeof RecordKindSchema>;

/**
 * A text to remove from the copy, with why (Art. 15(4)). Like core/review, a redaction is a text, not
 * a position: every occurrence is removed (ignoring case and line breaks), in this finding or, with
 * `caseWide`, in every record of the case (one third party named in fifty mails).
 */
export const RedactionInputSchema = z
  .object({
    text: z.string().trim().min(3, 'redact at least 3 characters').max(10_000),
    reason: ReasonSchema,
    caseWide: z.boolean().default(false),
  })
  .strict();
export type RedactionInput = z.input<typeof RedactionInputSchema>;

export const RedactionSchema = z.object({
  id: z.string(),
  text: z.string(),
  reason: z.string(),
  caseWide: z.boolean(),
  createdAt: IsoDateTimeSchema,
});
export type Redaction = z.infer<typeof RedactionSchema>;

/** Where a redaction hits a record text (`field` as in src/shared/recordFields.ts), to show it in place. */
export const RedactionMarkSchema = z.object({ field: z.string(), start: z.number().int().nonnegative(), end: z.number().int().positive(), redactionId: z.string() });
export type RedactionMark = z.infer<typeof RedactionMarkSchema>;

export const DecisionSchema = z.object({
  findingId: z.string(),
  state: DecisionStateSchema,
  reason: z.string().nullable(),
  redactions: z.array(RedactionSchema),
  decidedAt: IsoDateTimeSchema.nullable(),
});
export type Decision = z.infer<typeof DecisionSchema>;

/** One line of the review list: enough to filter and sort 50,000 of them without loading records. */
export const FindingSummarySchema = z.object({
  id: z.string(),
  source: z.string(),
  kind: RecordKindSchema,
  strength: StrengthSchema,
  title: z.string(),
  date: z.string().nullable(),
  categories: z.array(z.string()),
  activities: z.array(z.string()),
  matchTypes: z.array(IdentifierTypeSchema),
  decision: DecisionStateSchema,
  redactions: z.number().int().nonnegative(),
  /**
   * The same data found elsewhere (the same mail in two mailboxes, an archive and its backup) is one
   * entry: the group's first finding lists the others in `copies`, each of those names it in `copyOf`.
   * A decision on any of them applies to all.
   */
  copies: z.array(z.string()).optional(),
  copyOf: z.string().optional(),
  /** The copies were decided differently (one included, another excluded): the group is not sent until decided again. */
  duplicateConflict: z.boolean().optional(),
});
export type FindingSummary = z.infer<typeof FindingSummarySchema>;

export const ReviewListSchema = z.object({
  caseId: CaseIdSchema,
  searchedAt: IsoDateTimeSchema.nullable(),
  /** All findings of the latest search; `rows` may be one page of them. */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(FindingSummarySchema),
  /** Display names for filters (every category and activity of the register). */
  categories: z.array(z.object({ id: z.string(), name: z.string() })),
  activities: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ReviewList = z.infer<typeof ReviewListSchema>;

/**
 * Another person's data in a record or one of its attachments (Art. 15(4)), proposed for redaction:
 * an e-mail address, phone number or customer id, or (`row`) a whole table row about someone else.
 */
export const RedactionSuggestionSchema = z.object({
  field: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string(),
  type: z.enum(['email', 'phone', 'customerId', 'row']),
  reason: z.string(),
});
export type RedactionSuggestion = z.infer<typeof RedactionSuggestionSchema>;

export const FindingDetailSchema = z.object({
  finding: FindingSchema,
  kind: RecordKindSchema,
  decision: DecisionSchema,
  /** Every place a redaction removes text from this record. */
  marks: z.array(RedactionMarkSchema),
  suggestions: z.array(RedactionSuggestionSchema),
  /**
   * The readable attachments of a message as text (a table row per line), keyed by `field`
   * ("attachment:0") like the record's texts, so marks and suggestions address them the same way.
   */
  attachments: z.array(z.object({ field: z.string(), name: z.string(), format: z.string(), text: z.string() })),
  /**
   * "enthält Daten Dritter": other people's data found in the record or its attachments, and the
   * attachments that could not be checked (each holds the finding for review).
   */
  thirdParty: z.object({ flagged: z.boolean(), unchecked: z.array(z.object({ name: z.string(), message: z.string() })) }),
  /** Whether the original message can be read back from a local file (its HTML via review.mailHtml). */
  original: z.boolean(),
  /** Whether `finding.activities` is the officer's choice rather than its source's mapping (review.setActivities). */
  activitiesOverridden: z.boolean(),
  /** The other places the same data was found, with their decisions (absent: found once). */
  copies: z.array(z.object({ id: z.string(), source: z.string(), locator: LocatorSchema, decision: DecisionStateSchema })).optional(),
});
export type FindingDetail = z.infer<typeof FindingDetailSchema>;

/** One entry of the case's tamper-evident audit log (core/review/auditLog.ts). */
export const AuditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: IsoDateTimeSchema,
  actor: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

// ---------------------------------------------------------------------------------------------
// Overview, register, export, settings

export const CountSchema = z.object({ key: z.string(), label: z.string(), count: z.number().int().nonnegative() });

export const OverviewSchema = z.object({
  caseId: CaseIdSchema,
  total: z.number().int().nonnegative(),
  strong: z.number().int().nonnegative(),
  weak: z.number().int().nonnegative(),
  bySource: z.array(CountSchema),
  byCategory: z.array(CountSchema),
  byActivity: z.array(CountSchema),
  byDecision: z.array(CountSchema),
  byKind: z.array(CountSchema),
  incompleteSources: z.array(z.object({ id: z.string(), status: SourceStatusSchema, error: z.string().nullable(), warnings: z.number().int() })),
});
export type Overview = z.infer<typeof OverviewSchema>;

export const RegisterIssueSchema = z.object({ path: z.string(), line: z.number().int().nullable(), message: z.string() });
export type RegisterIssue = z.infer<typeof RegisterIssueSchema>;

export const RegisterActivityViewSchema = z.object({
  index: z.number().int().nonnegative(),
  id: z.string().nullable(),
  name: z.string(),
  line: z.number().int().nullable(),
  purposes: z.array(z.string()),
  categories: z.array(z.string()),
  legalBasis: z.array(z.string()),
  recipients: z.array(z.string()),
  transfers: z.array(z.string()),
  retention: z.string().nullable(),
  source: z.string().nullable(),
  automatedDecisions: z.string().nullable(),
  localCopy: z.boolean().nullable(),
  errors: z.array(RegisterIssueSchema),
});
export type RegisterActivityView = z.infer<typeof RegisterActivityViewSchema>;

export const RegisterViewSchema = z.object({
  file: z.string(),
  valid: z.boolean(),
  /** Problems that belong to no single activity (YAML syntax, categories, top-level fields). */
  errors: z.array(RegisterIssueSchema),
  activities: z.array(RegisterActivityViewSchema),
  categories: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type RegisterView = z.infer<typeof RegisterViewSchema>;

export const ExportPreviewSchema = z.object({
  caseId: CaseIdSchema,
  included: z.number().int().nonnegative(),
  redacted: z.number().int().nonnegative(),
  excluded: z.number().int().nonnegative(),
  undecided: z.number().int().nonnegative(),
  /** Undecided strong findings: an exact identifier matched, but nobody has looked yet. */
  undecidedStrong: z.number().int().nonnegative(),
  /** Why the package cannot be written yet (`noSearch`); empty when it can. */
  blockers: z.array(z.enum(['noSearch'])),
  /**
   * Register activities with a local copy that no searched source covers: the letter says they were not
   * searched, unless the officer checked them by hand and confirmed "keine Daten" (exports.confirmNoData).
   */
  unsearched: z.array(z.object({ id: z.string(), name: z.string(), confirmed: z.boolean() })),
});
export type ExportPreview = z.infer<typeof ExportPreviewSchema>;

export const ExportStatusSchema = z.object({
  exportId: z.string(),
  caseId: CaseIdSchema,
  state: z.enum(['running', 'done', 'failed']),
  step: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** The finished package folder. */
  path: z.string().nullable(),
  /** Files of the package, relative to its folder. */
  files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative() })),
  /** The folder of the internal report, beside the package (never inside it: it is not for the person). */
  internPath: z.string().nullable(),
  summary: z
    .object({
      items: z.number().int(),
      pages: z.number().int(),
      withheld: z.number().int(),
      redactedItems: z.number().int(),
      zip: z.string().nullable(),
      auditProblems: z.array(z.string()),
      /** Records older than their activity's retention period (Art. 5(1)(e)): the officer sees them before sending. */
      retentionWarnings: z.array(z.object({ finding: z.string(), source: z.string(), date: z.string(), activity: z.string(), retentionDays: z.number().int(), ageDays: z.number().int() })),
      /** Activities the letter names as not searched. */
      notSearched: z.array(z.string()),
    })
    .nullable(),
  error: z.string().nullable(),
});
export type ExportStatus = z.infer<typeof ExportStatusSchema>;

export const SettingsSchema = z.object({
  /** Closed cases are purged this many months after closing, keeping only the accountability record; null: never. */
  retentionMonths: z.number().int().min(1).max(120).nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  transport: z.enum(['electron', 'http']),
  workspacePath: z.string().nullable(),
  controllerName: z.string().nullable(),
  /** Why the workspace cannot be used (file, line, field), or null. */
  workspaceError: z.string().nullable(),
  dbEncrypted: z.boolean(),
  /** Where secrets go: the OS keychain, or (HTTP bridge) this process's memory only. */
  keychain: z.enum(['os', 'memory', 'unavailable']),
  today: IsoDateSchema,
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

// ---------------------------------------------------------------------------------------------
// The contract

const empty = z.object({}).strict();
const caseRef = z.object({ caseId: CaseIdSchema }).strict();

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): { readonly input: I; readonly output: O } {
  return { input, output };
}

export const apiContract = {
  app: {
    info: method(empty, AppInfoSchema),
    /** Choose another auskunft.yaml (a file dialog in the desktop app; the bridge takes --workspace). */
    openWorkspace: method(empty, AppInfoSchema),
  },
  cases: {
    list: method(empty, z.array(CaseSummarySchema)),
    get: method(z.object({ caseId: CaseIdSchema, lang: LangSchema.default('de') }).strict(), CaseDetailSchema),
    create: method(NewCaseSchema.strict(), CaseDetailSchema),
    /** Normalise and check a subject as entered, before creating the case (the new-case dialog). */
    checkSubject: method(z.object({ subject: SubjectSchema, identityVerification: IdentityVerificationSchema.nullable() }).strict(), SubjectCheckSchema),
    /** Extend by two months (Art. 12(3)); refused once the first month has run out (the deadline stays). */
    extend: method(
      z.object({ caseId: CaseIdSchema, reason: ReasonSchema, reasonCodes: z.array(z.enum(EXTENSION_REASON_CODES)).max(10).default([]), lang: LangSchema }).strict(),
      CaseDetailSchema,
    ),
    /**
     * Move a case along open → review → sent → answered/closed, or reopen it; audited, and refused for
     * other moves (CaseStatusError). `sent` needs `sent` (date and channel).
     */
    setStatus: method(
      z
        .object({ caseId: CaseIdSchema, status: CaseStatusSchema, reason: z.string().max(2000).nullable().optional(), sent: SentSchema.optional(), lang: LangSchema.default('de') })
        .strict(),
      CaseDetailSchema,
    ),
    delete: method(caseRef, z.object({ deleted: z.boolean() })),
  },
  sources: {
    list: method(empty, SourcesViewSchema),
    check: method(z.object({ sourceId: SourceIdSchema }).strict(), z.object({ ok: z.boolean(), message: z.string() })),
    /** A database source's tables with their row counts (null: not countable); `supported` is false for other types. */
    tables: method(
      z.object({ sourceId: SourceIdSchema }).strict(),
      z.object({ supported: z.boolean(), tables: z.array(z.object({ name: z.string(), rows: z.number().int().nonnegative().nullable(), view: z.boolean() })), error: z.string().nullable() }),
    ),
    save: method(SaveSourceSchema.strict(), z.object({ id: z.string() })),
    remove: method(z.object({ sourceId: SourceIdSchema }).strict(), z.object({ removed: z.boolean() })),
  },
  search: {
    start: method(caseRef, SearchStatusSchema),
    cancel: method(z.object({ searchId: z.string().min(1).max(100) }).strict(), z.object({ cancelled: z.boolean() })),
    status: method(caseRef, SearchStatusSchema.nullable()),
  },
  review: {
    /** The findings to review; with `limit`, one page, so the first rows can be painted while the rest loads. */
    list: method(
      z.object({ caseId: CaseIdSchema, lang: LangSchema, offset: z.number().int().nonnegative().default(0), limit: z.number().int().positive().nullable().default(null) }).strict(),
      ReviewListSchema,
    ),
    detail: method(z.object({ caseId: CaseIdSchema, findingId: FindingIdSchema, lang: LangSchema }).strict(), FindingDetailSchema),
    mailHtml: method(z.object({ caseId: CaseIdSchema, findingId: FindingIdSchema }).strict(), z.object({ html: z.string().nullable() })),
    /**
     * One OCR'd page of a scanned finding as the review shows it, beside the recognised text: a PNG
     * `data:` URL (the renderer's CSP allows data: images, nothing remote) and the factor by which it
     * is smaller than the page the finding's word boxes refer to. Null when the scan is gone.
     */
    scanPage: method(
      z.object({ caseId: CaseIdSchema, findingId: FindingIdSchema, page: z.number().int().positive() }).strict(),
      z.object({ image: z.string().nullable(), scale: z.number().positive() }),
    ),
    decide: method(
      z
        .object({
          caseId: CaseIdSchema,
          findingIds: z.array(FindingIdSchema).min(1).max(200_000),
          decision: z.enum(['open', 'include', 'exclude']),
          reason: ReasonSchema.nullable(),
        })
        .strict()
        .refine((d) => d.decision !== 'exclude' || d.reason !== null, { message: 'excluding a finding needs a reason', path: ['reason'] }),
      z.array(DecisionSchema),
    ),
    /** Add redactions and include the finding if it was undecided; returns the finding as it now stands. */
    redact: method(
      z.object({ caseId: CaseIdSchema, findingId: FindingIdSchema, redactions: z.array(RedactionInputSchema).min(1).max(1000), lang: LangSchema }).strict(),
      FindingDetailSchema,
    ),
    /**
     * Take one redaction back (it belongs to this finding, or is case-wide and shown on it): the text
     * appears in the copy again; the audit log records it. Returns the finding as it now stands.
     */
    unredact: method(
      z.object({ caseId: CaseIdSchema, findingId: FindingIdSchema, redactionId: z.string().regex(/^\d{1,15}$/), reason: ReasonSchema.nullable().default(null), lang: LangSchema }).strict(),
      FindingDetailSchema,
    ),
    /**
     * Choose the register activities a finding belongs to (an accounting mail in the support mailbox is
     * not "contact by email"); `null` goes back to its source's mapping. The letter follows it. Audited.
     */
    setActivities: method(
      z.object({ caseId: CaseIdSchema, findingId: FindingIdSchema, activities: z.array(z.string().min(1).max(200)).min(1).max(50).nullable(), lang: LangSchema }).strict(),
      FindingDetailSchema,
    ),
    audit: method(caseRef, z.array(AuditEntrySchema)),
  },
  overview: {
    get: method(z.object({ caseId: CaseIdSchema, lang: LangSchema }).strict(), OverviewSchema),
  },
  register: {
    get: method(z.object({ lang: LangSchema }).strict(), RegisterViewSchema),
  },
  exports: {
    preview: method(caseRef, ExportPreviewSchema),
    start: method(
      z
        .object({
          caseId: CaseIdSchema,
          lang: LangSchema,
          /** Also write an AES-256 ZIP with this password (never stored). */
          password: z.string().min(12, 'the ZIP password needs at least 12 characters').max(1024).nullable(),
          /** Undecided findings are left out of the answer; the officer confirms that knowingly. */
          acceptUndecided: z.boolean(),
        })
        .strict(),
      ExportStatusSchema,
    ),
    /** Confirm that these unsearched activities were checked by hand and hold no data about the person ("keine Daten"). Audited. */
    confirmNoData: method(z.object({ caseId: CaseIdSchema, activityIds: z.array(z.string().min(1).max(200)).min(1).max(200) }).strict(), ExportPreviewSchema),
    status: method(z.object({ exportId: z.string().min(1).max(100) }).strict(), ExportStatusSchema.nullable()),
    openFolder: method(z.object({ exportId: z.string().min(1).max(100) }).strict(), z.object({ opened: z.boolean() })),
  },
  settings: {
    get: method(empty, SettingsSchema),
    set: method(SettingsSchema.strict(), SettingsSchema),
  },
} as const;

export type ApiContract = typeof apiContract;
export type ApiService = keyof ApiContract;
/** `"service.method"`, the name a call travels under on every transport. */
export type ApiMethodName = { [S in ApiService]: `${S}.${keyof ApiContract[S] & string}` }[ApiService];

type SpecOf<N extends ApiMethodName> = N extends `${infer S extends ApiService}.${infer M}` ? (M extends keyof ApiContract[S] ? ApiContract[S][M] : never) : never;
/** What a caller passes (before defaults and transforms). */
export type ApiInput<N extends ApiMethodName> = SpecOf<N> extends { input: infer I extends z.ZodType } ? z.input<I> : never;
/** What a handler receives (after validation). */
export type ApiParsedInput<N extends ApiMethodName> = SpecOf<N> extends { input: infer I extends z.ZodType } ? z.output<I> : never;
export type ApiOutput<N extends ApiMethodName> = SpecOf<N> extends { output: infer O extends z.ZodType } ? z.output<O> : never;

/** The API as the renderer calls it: `api.cases.list({})`. */
export type AuskunftApi = {
  [S in ApiService]: {
    [M in keyof ApiContract[S] & string]: (input: ApiInput<`${S}.${M}` & ApiMethodName>) => Promise<ApiOutput<`${S}.${M}` & ApiMethodName>>;
  };
};

/** The API as the engine implements it: inputs arrive validated. */
export type AuskunftHandlers = {
  [S in ApiService]: {
    [M in keyof ApiContract[S] & string]: (input: ApiParsedInput<`${S}.${M}` & ApiMethodName>) => Promise<ApiOutput<`${S}.${M}` & ApiMethodName>>;
  };
};

/** Every method name, for transports that route by name. */
export const API_METHOD_NAMES: readonly ApiMethodName[] = Object.entries(apiContract).flatMap(([service, methods]) =>
  Object.keys(methods).map((name) => `${service}.${name}` as ApiMethodName),
);

/** The schemas of a method by its name, or undefined for a name the contract does not have. */
export function methodSpec(name: string): { readonly input: z.ZodType; readonly output: z.ZodType } | undefined {
  const [service, method, ...rest] = name.split('.');
  if (!service || !method || rest.length) return undefined;
  if (!Object.hasOwn(apiContract, service)) return undefined;
  const methods = apiContract[service as ApiService] as Record<string, { input: z.ZodType; output: z.ZodType }>;
  return Object.hasOwn(methods, method) ? methods[method] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Events: pushed from the engine while a search or an export runs

export const ApiEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('search'), status: SearchStatusSchema }),
  z.object({ type: z.literal('export'), status: ExportStatusSchema }),
  /** Cases changed (created, extended, purged): lists refresh. */
  z.object({ type: z.literal('cases') }),
]);
export type ApiEvent = z.infer<typeof ApiEventSchema>;
