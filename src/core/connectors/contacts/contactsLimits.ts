/**
 * Limits for hostile or merely huge contact files (docs/STYLE.md §8). Each bounds memory; hitting one
 * is reported as a warning with a locator, never a silent gap.
 */

/** Progress is reported every this many cards or rows. */
export const PROGRESS_EVERY_CARDS = 1000;

/** A physical line longer than this means the file is not line-structured text (binary, no line breaks): the source fails. */
export const MAX_LINE_CHARS = 16 * 1024 * 1024;

/**
 * One property (a NOTE, an embedded XML design blob) is searched up to this size after unfolding;
 * the rest is reported as not searched. Binary properties (PHOTO, LOGO, SOUND, KEY) are skipped
 * without being held at all, whatever their size.
 */
export const MAX_PROPERTY_CHARS = 4 * 1024 * 1024;

/**
 * A card's record (kept for review and the copy) holds property values up to this many characters
 * in total; the card is still searched in full. A contact that large is almost certainly a
 * mis-exported blob, and the original stays in the source.
 */
export const MAX_CARD_RECORD_CHARS = 1024 * 1024;

/** Lines outside any BEGIN:VCARD…END:VCARD block kept for a finding: the matching lines only, up to this many. */
export const MAX_STRAY_LINES_KEPT = 100;

/** Problems listed in one card's warning; more are counted, so a card of garbage lines stays one short warning. */
export const MAX_PROBLEMS_LISTED = 20;
