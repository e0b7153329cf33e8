/**
 * The reasons Art. 12(3) sentence 2 accepts for extending the deadline, as the short list the officer
 * picks from (their words for the person: core/cases/extensionReasons.ts, renderer i18n).
 */
export const EXTENSION_REASON_CODES = ['complex-request', 'many-systems', 'many-requests', 'third-party-review'] as const;
export type ExtensionReasonCode = (typeof EXTENSION_REASON_CODES)[number];
