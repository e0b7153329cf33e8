/** Limits for hostile or broken log files (docs/STYLE.md §8); hitting one is a warning, never a silent gap. */

/** Progress is reported every this many lines. */
export const PROGRESS_EVERY_LINES = 1000;

/**
 * A log line longer than this is searched only up to here: Apache caps a request line at 8 KB by
 * default, so anything near 1 MiB is a binary file or a log without line breaks, and reading it
 * whole would break the flat-memory bar.
 */
export const MAX_LINE_BYTES = 1024 * 1024;

/** Longest request shown in a finding's title; the full line is in the record. */
export const MAX_TITLE_REQUEST_CHARS = 80;
