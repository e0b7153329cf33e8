/**
 * Limits for hostile or merely huge helpdesk exports (docs/STYLE.md §8). Each bounds memory; hitting one
 * is a warning with the ticket's locator, never a silent gap.
 */

/**
 * One ticket's JSON larger than this is not parsed. OTRS inlines attachments as base64, so a real
 * ticket can run to tens of megabytes; JSON.parse needs several times the text in memory.
 */
export const MAX_TICKET_JSON_CHARS = 128 * 1024 * 1024;

/** Fields kept in a finding's record; the rest are still searched, and the record says how many were left out. */
export const MAX_RECORD_FIELDS = 1000;

/** Zendesk users held to resolve author ids; beyond this, ids stay unresolved and the source says so. */
export const MAX_RESOLVED_USERS = 2_000_000;

/** Progress is reported every this many tickets. */
export const PROGRESS_EVERY_TICKETS = 200;
