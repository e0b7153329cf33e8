import type { Finding, IdentifierWarning, MatchGuard } from '../../shared/findings.js';
import type { ControllerIdentity, GuardReason } from './controllerIdentity.js';
import { describeIdentifier, identifierKey, type SubjectIdentifier } from './subjectIdentifiers.js';

/**
 * Over-broad identifiers. An identifier is over-broad in a source when the findings it alone makes
 * strong (no other exact identifier of the subject matched) are at least OVER_BROAD_MIN_FINDINGS and
 * more than OVER_BROAD_SHARE of the records the source scanned: a shared office IP, a NAT address or
 * a family phone, not one person. The share is of records scanned, not of findings, because in a web
 * log every finding of an IP-only subject is an IP match; the minimum keeps a small file from
 * tripping it on a handful of lines. A source that reports no scanned count is measured against its
 * findings.
 */
export const OVER_BROAD_SHARE = 0.25;
export const OVER_BROAD_MIN_FINDINGS = 20;

const GUARD_TEXT: Record<GuardReason['kind'], (r: GuardReason) => string> = {
  'controller-address': () => "is the controller's own address (controller.email, dpo.email or roleAddresses)",
  'controller-domain': (r) => `is at the controller's own domain ${r.kind === 'controller-domain' ? r.domain : ''} (controller.email or ownDomains)`,
  'role-address': () => 'is a shared role mailbox (a local part like info@, support@, datenschutz@ or one in roleAddresses)',
  switchboard: () => "is the controller's switchboard or hotline (controller.phone or switchboardNumbers)",
};

/**
 * The subject's identifiers that belong to the controller or to a shared mailbox: mail to the privacy
 * office or a call to the switchboard is not the person's own. Their matches never make a finding
 * strong (strengthOf); the search still runs, with each one named in a warning.
 */
export function guardIdentifiers(identifiers: readonly SubjectIdentifier[], controller: ControllerIdentity): { guards: Map<string, MatchGuard>; warnings: IdentifierWarning[] } {
  const guards = new Map<string, MatchGuard>();
  const warnings: IdentifierWarning[] = [];
  for (const id of identifiers) {
    const reason = id.type === 'email' ? controller.guardEmail(id.value) : id.type === 'phone' ? controller.guardPhone(id.value) : undefined;
    if (!reason) continue;
    guards.set(identifierKey(id.type, id.value), reason.kind);
    warnings.push({
      kind: reason.kind,
      type: id.type,
      value: id.value,
      message: `${describeIdentifier(id)} ${GUARD_TEXT[reason.kind](reason)}: searched, but its matches count as weak and are held for review`,
    });
  }
  return { guards, warnings };
}

/**
 * The identifiers that are over-broad in one source's findings (see OVER_BROAD_SHARE), with how many
 * findings each alone makes strong.
 */
export function overBroadIdentifiers(findings: readonly Finding[], scanned: number): Map<string, { type: Finding['matches'][number]['type']; value: string; findings: number }> {
  const alone = new Map<string, { type: Finding['matches'][number]['type']; value: string; findings: number }>();
  for (const f of findings) {
    const exact = f.matches.filter((m) => m.type !== 'name' && m.guard === undefined);
    const keys = new Set(exact.map((m) => identifierKey(m.type, m.value)));
    if (keys.size !== 1) continue;
    const [key] = keys;
    const entry = alone.get(key!) ?? { type: exact[0]!.type === 'phoneHash' ? 'phone' : exact[0]!.type, value: exact[0]!.value, findings: 0 };
    entry.findings++;
    alone.set(key!, entry);
  }
  const records = scanned > 0 ? scanned : findings.length;
  return new Map([...alone].filter(([, e]) => e.findings >= OVER_BROAD_MIN_FINDINGS && e.findings > OVER_BROAD_SHARE * records));
}

/** The warning for an identifier found over-broad in `source`. */
export function overBroadWarning(source: string, id: { type: IdentifierWarning['type']; value: string; findings: number }, scanned: number): IdentifierWarning {
  const records = scanned > 0 ? `${scanned} records scanned` : 'its findings';
  return {
    kind: 'over-broad',
    type: id.type,
    value: id.value,
    source,
    findings: id.findings,
    message:
      `${describeIdentifier(id)} alone matched ${id.findings} of ${records} in source ${source} ` +
      `(more than ${OVER_BROAD_SHARE * 100}% and at least ${OVER_BROAD_MIN_FINDINGS}): likely shared (office IP, NAT, family phone); these findings are held for review`,
  };
}
