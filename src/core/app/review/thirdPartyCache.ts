import type { FindingThirdParty } from '../../thirdParty/findingThirdParty.js';

/**
 * The review's last third-party checks, by case and finding (reviewService). They hold attachment
 * texts, so forgetFindingSummaries empties this too when a case is erased.
 */
export const thirdPartyCache = new Map<string, Promise<FindingThirdParty>>();

/** Findings whose check is kept: moving through the list and back must not re-read an IMAP message. */
export const CACHED_THIRD_PARTY = 16;
