import type { Match } from '../../shared/findings.js';

/** Hash algorithms a pseudonymised phone column may use (seed: the caller-ID cache keeps only a hash). */
export type PhoneHashAlgorithm = 'sha256-e164' | 'sha1-e164' | 'md5-e164';

/**
 * The subject, compiled for matching. Built once per search by `compileSubject` (core/identity) and
 * handed to every connector. Connectors find records; this decides whether a record concerns the
 * subject, with one match model for all sources (docs/ARCHITECTURE.md "Findings and match strength").
 */
export interface SubjectQuery {
  /** Every identifier of the subject in a decoded text. `field` is copied into each match. */
  scanText(text: string, field?: string): Match[];
  /**
   * A cell known to hold one phone number (call lists, vCard TEL), compared in E.164. Call-detail
   * records write international numbers without "+" ("4970227896848"): `assumeInternationalWithoutPlus`.
   */
  matchPhoneField(value: string, field?: string, options?: { assumeInternationalWithoutPlus?: boolean }): Match[];
  /**
   * False when scanText can find nothing in `text`, nor in any part of it read as a CSV cell (a
   * substring, with `""` taken as `"`): a connector can then test a record's raw line once instead
   * of scanning each cell. True means "scan to know". One regex pass, no allocation.
   */
  mayConcern(text: string): boolean;
  /**
   * False when scanText(text) finds nothing, for `text` as a whole (not its substrings: unlike
   * mayConcern, it may use lookarounds). Tighter than mayConcern; a source that builds every text
   * scanText could be handed can test those instead (the mail prefilter). Optional for test doubles.
   */
  mayMatch?(text: string): boolean;
  /**
   * Every identifier in text that OCR produced: the exact matches of scanText, plus matches that
   * needed OCR tolerance (a dropped separator, a confused character), each with its span in `text`.
   * Optional so that a test double of a subject need not implement it; sources then use scanText.
   */
  scanOcrText?(text: string, field?: string): OcrScan;
  /** A hashed phone number (hex, any case) equal to a hash of one of the subject's numbers. */
  matchPhoneHash(hash: string, algorithm: PhoneHashAlgorithm, field?: string): Match[];
  /**
   * SHA-256 of the subject's normalized identifiers and the match model's revision. Equal
   * fingerprints mean equal matching, so a source may keep what concerns this subject (matched IMAP
   * UIDs) to re-search incrementally. Never the identifiers themselves.
   */
  readonly fingerprint?: string;
  /** Literal strings a server-side search can look for (IMAP SEARCH): emails, ids, name variants. */
  readonly searchTerms: ReadonlyArray<string>;
}

/** What scanOcrText found: exact matches, and tolerated ones with where they stand in the text. */
export interface OcrScan {
  readonly exact: Match[];
  readonly tolerant: Array<Match & { readonly start: number; readonly end: number }>;
}
