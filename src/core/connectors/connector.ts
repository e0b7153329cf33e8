import { z, type ZodType } from 'zod';
import type { Locator, Match, RecordData } from '../../shared/findings.js';
import type { SubjectQuery } from '../domain/subjectQuery.js';

/** Fields every source has in `auskunft.yaml`; a connector's schema extends this. */
export const sourceBaseSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, ".", "_" or "-"'),
  type: z.string(),
  /** The name people use for the source ("Archiv Vertrieb"), shown instead of its id in the app. */
  label: z.string().trim().min(1).max(100).optional(),
  activities: z.array(z.string().min(1)).optional(),
});
export type SourceBase = z.infer<typeof sourceBaseSchema>;

/** A secret as the workspace names it: never a literal (no secrets in files). Defined once in shared/api (the app shows it too). */
import type { SecretRef } from '../../shared/api.js';
export { SecretRefSchema as secretRefSchema, type SecretRef } from '../../shared/api.js';

/** Progress of one source, for the CLI's stderr line and the app's progress bar. */
export interface SourceProgress {
  readonly scanned: number; // records (messages, rows, lines) looked at so far
  readonly total?: number; // when known up front
  readonly share?: number; // 0..1 of the source read so far, where records are not counted up front (the bytes of an mbox)
  readonly detail?: string; // e.g. the IMAP mailbox being scanned
}

/** Per-source state that survives between runs (IMAP UIDVALIDITY/UIDNEXT), never personal data. */
export interface SourceStateStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/**
 * Text a source derived from a file at great cost (OCR), kept by a key naming the file's content
 * (its SHA-256), so a second search need not derive it again. Values are personal data: the cache
 * lives in the case store, encrypted with it, and `auskunft cache clear` empties it.
 */
export interface DerivedTextCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

export interface SearchContext {
  readonly signal: AbortSignal;
  readonly sourceId: string;
  /** Resolve a path from the workspace file's folder. */
  resolvePath(path: string): string;
  /** Look up a secret; throws a SecretError naming the reference when it is not set. */
  resolveSecret(ref: SecretRef): Promise<string>;
  progress(update: SourceProgress): void;
  readonly state?: SourceStateStore;
  readonly textCache?: DerivedTextCache;
}

/** One record that concerns the subject, before the runner adds id, strength, activities and categories. */
export interface FoundRecord {
  readonly kind: 'finding';
  readonly locator: Locator;
  readonly matches: Match[];
  readonly title: string;
  readonly date: string | null;
  readonly record?: RecordData;
}

/** Something about the source the officer must know: a broken record, a skipped folder. */
export interface FoundWarning {
  readonly kind: 'warning';
  readonly locator: Locator;
  readonly message: string;
  /** Content that was not searched at all; makes the source `partial`. */
  readonly uncovered?: boolean;
}

export type SearchEvent = FoundRecord | FoundWarning;

export interface CheckResult {
  readonly ok: boolean;
  readonly message: string;
}

/** What re-reading one record needs: where the workspace is, its secrets, and a way to cancel. */
export type OriginalContext = Pick<SearchContext, 'signal' | 'sourceId' | 'resolvePath' | 'resolveSecret'>;

/** A record as the source holds it, for the `files/` folder of the response package (Art. 15(3)). */
export interface OriginalFile {
  /** A suggested name; the export sanitizes it before use. */
  readonly filename: string;
  readonly bytes: Buffer;
  /**
   * The original's text where its bytes do not show it (a PDF's or DOCX's compressed text, JSON
   * escapes), for the export's check against case-wide redactions; asked only when there are any.
   */
  readonly searchable?: () => Promise<string[]>;
}

/** One source type (docs/ARCHITECTURE.md "Connector interface"). Connectors stream: no whole file in memory. */
export interface Connector<C extends SourceBase = SourceBase> {
  readonly type: string;
  readonly configSchema: ZodType<C>;
  check(config: C, ctx: SearchContext): Promise<CheckResult>;
  search(config: C, subject: SubjectQuery, ctx: SearchContext): AsyncIterable<SearchEvent>;
  /**
   * The original of one found record (the `.eml` of a message), by its locator. Null when the source
   * no longer holds that record, or holds something else there now: the export then ships the record
   * as found instead of a file that may be someone else's. Optional: a source without originals
   * (table rows, log lines) leaves it out.
   */
  readOriginal?(config: C, locator: Locator, ctx: OriginalContext): Promise<OriginalFile | null>;
  /**
   * The originals of several records in one reading of the source, in the order of `locators`, each
   * as readOriginal would give it. For sources that can only be read from the start (a helpdesk's
   * JSON export): the export asks for a batch of records at once instead of re-reading per record.
   */
  readOriginals?(config: C, locators: readonly Locator[], ctx: OriginalContext): Promise<(OriginalFile | null)[]>;
  /**
   * One page of a scanned record as a PNG for the review, turned by `rotation` degrees as OCR read
   * it, with the factor it was scaled down by (the finding's word boxes refer to the full page).
   * Null when the source no longer holds the record. Only sources that OCR scans have it.
   */
  readPageImage?(config: C, locator: Locator, page: number, rotation: number, ctx: OriginalContext): Promise<{ png: Buffer; scale: number } | null>;
  /**
   * The tables a search of this source would read, with their row counts (null where counting
   * failed), for the Sources screen. Only sources made of tables (databases) have it.
   */
  describeTables?(config: C, ctx: OriginalContext): Promise<SourceTable[]>;
}

/** One table of a source, as the Sources screen lists it. */
export interface SourceTable {
  readonly name: string;
  readonly rows: number | null;
  readonly view: boolean;
}

/**
 * The source type (or this format of it) keeps no original per record, so there is nothing to
 * re-read: the export ships the record as found, and does not report the original as lost.
 */
export class OriginalNotKeptError extends Error {
  override readonly name = 'OriginalNotKeptError';
}

/** A source could not be read at all (file missing, server refused): the source is `failed`. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
}
