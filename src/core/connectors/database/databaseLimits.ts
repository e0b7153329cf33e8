/**
 * Limits of the database source (docs/STYLE.md §8). Each bounds memory; hitting one is a warning
 * with the table named, never a silent gap.
 */

/** Rows per FETCH/batch: few round trips, and a batch of wide rows still fits in a few MB. */
export const BATCH_ROWS = 1000;

/**
 * Rows of one table that concern the subject and are remembered so that rows of other tables
 * referencing them are found (one level of foreign keys). One subject has a handful; more than this
 * means an over-broad identifier, and the rest are not followed (an `uncovered` warning says so).
 */
export const MAX_REFERENCED_ROWS = 10_000;

/** Values taken from one JSON or array cell; a bigger document is cut off with a warning. */
export const MAX_JSON_VALUES = 10_000;

/** Progress is reported every this many rows. */
export const PROGRESS_EVERY_ROWS = 1000;
