/**
 * Limits for documents (docs/STYLE.md §8). PDF and DOCX readers need the whole file in memory, so size is
 * capped; a file over a limit is a warning with its path, never a silent gap.
 */

/**
 * A PDF, DOCX or text file larger than this is not read. pdf.js holds the file plus its parsed
 * objects, several times the size; letters and contracts are far below this, while a larger file
 * is usually a scan, which has no text to search anyway.
 */
export const MAX_DOCUMENT_BYTES = 128 * 1024 * 1024;

/** The document text kept in a finding's record; the whole document is still searched. */
export const MAX_DOCUMENT_RECORD_CHARS = 2 * 1024 * 1024;
