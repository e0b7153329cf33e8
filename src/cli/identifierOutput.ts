import type { VerificationInput } from '../core/cases/caseIdentifiers.js';
import { ConfigError } from '../core/config/configError.js';
import type { NormalizedSubject } from '../core/identity/subjectIdentifiers.js';
import type { IdentifierWarning } from '../shared/findings.js';
import { VerificationMethodSchema } from '../shared/verification.js';
import { say } from './output.js';

/** Every identifier warning on stderr, one line each, naming the identifier. */
export function printIdentifierWarnings(warnings: readonly IdentifierWarning[]): void {
  for (const w of warnings) say(`warning: ${w.message}`);
}

/** The identifiers as they will be searched for: the normal form where it differs from what was written, and merged duplicates. */
export function printNormalForms(normalized: NormalizedSubject): void {
  for (const id of normalized.identifiers) {
    const differs = id.written.filter((w) => w !== id.value);
    if (id.written.length > 1) say(`${id.type} ${id.value}: merged ${id.written.length} entries (${id.written.map((w) => JSON.stringify(w)).join(', ')})`);
    else if (differs.length) say(`${id.type} ${JSON.stringify(differs[0])} is searched as ${id.value}`);
  }
}

export const VERIFY_OPTION = [
  '--verify <how...>',
  'how an identifier was verified (Art. 12(6)): IDENTIFIER=METHOD[:NOTE] for one, METHOD[:NOTE] for all; ' +
    `METHOD is one of ${VerificationMethodSchema.options.join(', ')} (idDocument needs the doubt as NOTE). ` +
    'Findings matched only by unverified identifiers are held for review.',
] as const;

/**
 * Parse `--verify` values. "callback:Rückruf 12.3." applies to every identifier; "j.weiss@x.de=knownContact"
 * to one. An IPv6 address holds colons but no "=", so the identifier is what precedes the first "="
 * unless the value starts with a method.
 */
export function parseVerifyOptions(values: readonly string[] | undefined, identity: string | undefined): VerificationInput[] {
  const inputs: VerificationInput[] = [];
  // `--identity TEXT` (before per-identifier verification) recorded how the person was verified; it
  // still applies to every identifier, as method "other" with that text.
  if (identity !== undefined && identity.trim()) inputs.push({ method: 'other', note: identity.trim() });
  for (const value of values ?? []) {
    const head = value.split(':', 1)[0]!;
    const eq = value.indexOf('=');
    const forAll = VerificationMethodSchema.safeParse(head).success || eq < 0;
    const identifier = forAll ? undefined : value.slice(0, eq).trim();
    const rest = forAll ? value : value.slice(eq + 1);
    const colon = rest.indexOf(':');
    const methodText = (colon < 0 ? rest : rest.slice(0, colon)).trim();
    const note = colon < 0 ? '' : rest.slice(colon + 1).trim();
    const method = VerificationMethodSchema.safeParse(methodText);
    if (!method.success) throw new ConfigError('--verify', value, `unknown method "${methodText}"; use one of ${VerificationMethodSchema.options.join(', ')}`);
    if (method.data === 'idDocument' && note.length < 10) throw new ConfigError('--verify', value, 'an ID document is only proportionate with reasonable doubts: give them as NOTE');
    if (method.data === 'other' && note.length < 3) throw new ConfigError('--verify', value, 'method "other" needs a NOTE saying how the identity was verified');
    inputs.push({ ...(identifier === undefined ? {} : { identifier }), method: method.data, note });
  }
  return inputs;
}
