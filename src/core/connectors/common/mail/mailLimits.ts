/**
 * Limits for hostile or merely huge mail (docs/STYLE.md §8). Each one bounds memory or time; none of them
 * may silently drop content: hitting one is reported as a problem on the message.
 */

/** Text attachments larger than this are searched only up to this size (a 32 MB CSV is still read). */
export const MAX_TEXT_ATTACHMENT_BYTES = 32 * 1024 * 1024;

/** The body text kept in a finding's record for review and the copy; the original stays in the source. */
export const MAX_RECORD_TEXT_CHARS = 2 * 1024 * 1024;

/** HTML beyond this is searched as raw markup only: html-to-text is slow on multi-megabyte HTML. */
export const MAX_HTML_TO_TEXT_CHARS = 4 * 1024 * 1024;

/** A single message larger than this is refused (warning, uncovered): it would not fit the memory bar. */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

/**
 * Forwarded messages inside forwarded messages: real chains rarely pass 5; a crafted message with
 * thousands of levels must not exhaust the stack (compare postal-mime's MAX_RFC822_NESTING_DEPTH).
 */
export const MAX_RFC822_NESTING_DEPTH = 20;
