/**
 * Limits for hostile or merely broken table files (docs/STYLE.md §8). Each one bounds memory; hitting one
 * is reported as a warning with a locator, never a silent gap.
 */

/** Progress is reported every this many rows: often enough for a live counter, rare enough to be free. */
export const PROGRESS_EVERY_ROWS = 1000;

/** Bytes read from a CSV at a time: few reads (each a trip to the thread pool) for a big export. */
export const READ_CHUNK_BYTES = 256 * 1024;

/** Lines read before parsing to find the delimiter; a header plus a few rows settles it. */
export const SNIFF_LINES = 20;

/**
 * A quoted field that spans more physical lines than this is taken to be a stray, unclosed quote:
 * otherwise one `"` early in a 1M-row export would turn the rest of the file into one cell, held in
 * memory. Real multi-line cells (addresses, notes) span a handful of lines.
 */
export const MAX_RECORD_LINES = 1000;

/** The same guard by size: one record (all its cells) larger than this is treated as an unclosed quote. */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

/** A single physical line longer than this is not a CSV line (binary file, no line breaks): the source fails. */
export const MAX_LINE_CHARS = 16 * 1024 * 1024;
