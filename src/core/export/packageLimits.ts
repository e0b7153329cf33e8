import type { SearchResult } from '../../shared/findings.js';
import { localize, type Lang } from '../register/localizedText.js';
import type { Activity } from '../register/registerSchema.js';

/**
 * What the answer covers and what it leaves out, and why (Art. 12(4), 15(4); EDPB Guidelines 01/2022
 * on what an answer must say about its own limits): the sources searched, the records redacted and the
 * files withheld with their legal reason, and the register activities with a local copy that no
 * source covered, each either confirmed by the officer to hold nothing or named as not searched.
 */
export interface PackageLimits {
  readonly searchedSources: { readonly id: string; readonly type: string; readonly status: string }[];
  readonly redactedItems: number;
  readonly withheldFiles: number;
  /** Legal reason categories of the redactions and withheld files; `art-15-4` is the rights and freedoms of others. */
  readonly reasonCategories: string[];
  readonly notSearched: { readonly id: string; readonly name: string }[];
  readonly confirmedNoData: { readonly id: string; readonly name: string }[];
}

export interface LimitsInput {
  readonly sources: SearchResult['sources'];
  readonly redactedItems: number;
  readonly withheldFiles: number;
  readonly unsearched: readonly Activity[];
  readonly confirmed: ReadonlySet<string>;
  readonly lang: Lang;
}

export function packageLimits(input: LimitsInput): PackageLimits {
  const named = (a: Activity) => ({ id: a.id, name: localize(a.name, input.lang) });
  return {
    searchedSources: input.sources.filter((s) => s.status !== 'failed').map((s) => ({ id: s.id, type: s.type, status: s.status })),
    redactedItems: input.redactedItems,
    withheldFiles: input.withheldFiles,
    // Auskunft redacts and withholds only to protect other people (Art. 15(4)); every reason the
    // officer writes is a text under that category.
    reasonCategories: input.redactedItems + input.withheldFiles > 0 ? ['art-15-4'] : [],
    notSearched: input.unsearched.filter((a) => !input.confirmed.has(a.id)).map(named),
    confirmedNoData: input.unsearched.filter((a) => input.confirmed.has(a.id)).map(named),
  };
}

/** Whether anything is held back, so the letter names the remedies (Art. 77, 79). */
export function somethingWithheld(limits: PackageLimits): boolean {
  return limits.redactedItems > 0 || limits.withheldFiles > 0;
}
