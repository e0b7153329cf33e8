import { resolve } from 'node:path';
import type { Finding, Locator } from '../../shared/findings.js';
import type { Subject } from '../../shared/subject.js';
import { compileControllerIdentity } from '../identity/controllerIdentity.js';
import { compileSubject } from '../identity/compileSubject.js';
import { environmentSecrets } from '../search/secrets.js';
import type { Workspace } from '../workspace/workspace.js';
import { findingThirdParty, type FindingThirdParty, type UncheckedAttachment } from './findingThirdParty.js';
import { thirdPartyScanner } from './thirdPartyScan.js';

/** Why `auskunft run` did not include a strong finding on its own. */
export interface ThirdPartyHold {
  readonly findingId: string;
  readonly title: string;
  readonly locator: Locator;
  /** Where other people's data was found: record fields and attachment names. */
  readonly foundIn: string[];
  readonly unchecked: UncheckedAttachment[];
  /** The reason recorded with the pending decision (German, English second: it goes into the log and report). */
  readonly reason: string;
}

/** The check of one finding against this workspace's controller and this subject, originals read from its sources. */
export function workspaceThirdParty(workspace: Workspace, subject: Subject): (finding: Finding) => Promise<FindingThirdParty> {
  const scanner = thirdPartyScanner(compileSubject(subject), subject, compileControllerIdentity(workspace.controller));
  const access = {
    sources: new Map(workspace.sources.map((s) => [s.config.id, s])),
    context: (sourceId: string) => ({ signal: new AbortController().signal, sourceId, resolvePath: (path: string) => resolve(workspace.dir, path), resolveSecret: environmentSecrets }),
  };
  return (finding) => findingThirdParty(finding, scanner, access);
}

/** The flag the review and the reason show. */
export const THIRD_PARTY_FLAG = 'enthält Daten Dritter (contains third-party data)';
export const UNCHECKED_FLAG = 'Anhang nicht prüfbar (attachment could not be checked)';

/**
 * The findings among `findings` that must not go out without a person's look: those holding other
 * people's identifiers (in the body or an attachment) and those with an attachment that could not
 * be read. Each is named with where it is, so the officer finds it in the review.
 */
export async function screenForThirdParties(findings: readonly Finding[], workspace: Workspace, subject: Subject): Promise<ThirdPartyHold[]> {
  const check = workspaceThirdParty(workspace, subject);
  const holds: ThirdPartyHold[] = [];
  for (const finding of findings) {
    const third = await check(finding);
    if (third.hits.length === 0 && third.unchecked.length === 0) continue;
    const names = new Map(third.attachments.map((a) => [a.field, a.name]));
    const foundIn = [...new Set(third.hits.map((h) => names.get(h.field) ?? h.field))];
    const parts: string[] = [];
    if (foundIn.length > 0) parts.push(`${THIRD_PARTY_FLAG}: ${foundIn.join(', ')}`);
    for (const u of third.unchecked) parts.push(`${UNCHECKED_FLAG}: ${u.message}`);
    holds.push({ findingId: finding.id, title: finding.title, locator: finding.locator, foundIn, unchecked: third.unchecked, reason: parts.join('; ') });
  }
  return holds;
}
