import type { Controller } from '../workspace/workspace.js';
import { normalizeEmail } from './normalizeEmail.js';
import { lineNumbersOf, normalizePhone } from './normalizePhone.js';

/**
 * Local parts that name a function, not a person (RFC 2142 and what German companies use). An address
 * such as `info@kunde.example` is read by several people, so mail to it is not the subject's alone.
 */
export const DEFAULT_ROLE_LOCAL_PARTS: ReadonlyArray<string> = [
  'abuse', 'admin', 'bestellung', 'billing', 'buchhaltung', 'contact', 'datenschutz', 'dsb', 'empfang',
  'hallo', 'hello', 'hostmaster', 'info', 'kontakt', 'mail', 'marketing', 'noc', 'noreply', 'no-reply',
  'office', 'postmaster', 'presse', 'privacy', 'rechnung', 'sales', 'security', 'service', 'support',
  'team', 'vertrieb', 'webmaster', 'zentrale',
];

/** Why an identifier is not a person's own: it is the controller's, or a mailbox many people share. */
export type GuardReason =
  | { readonly kind: 'controller-address'; readonly value: string }
  | { readonly kind: 'controller-domain'; readonly domain: string }
  | { readonly kind: 'role-address'; readonly value: string }
  | { readonly kind: 'switchboard'; readonly value: string };

/** What belongs to the controller itself, normalised once per workspace. */
export interface ControllerIdentity {
  /** Exact addresses of the controller (its `email`, the DPO's, listed full role addresses). */
  readonly addresses: ReadonlySet<string>;
  /** Domains of the controller: every address at them is the company's own. */
  readonly domains: ReadonlySet<string>;
  /** Local parts that make an address a shared role mailbox at any domain. */
  readonly roleLocalParts: ReadonlySet<string>;
  /** E.164 numbers of the switchboard and hotlines. */
  readonly phones: ReadonlySet<string>;
  /** Why `email` (already normalised) is not a person's, or undefined. */
  guardEmail(email: string): GuardReason | undefined;
  /** Why `e164` is not a person's, or undefined. */
  guardPhone(e164: string): GuardReason | undefined;
}

/**
 * Compile the controller's own addresses, domains and numbers from the workspace. Entries that do not
 * parse are skipped here; the workspace loader has already accepted the strings, and a guard that
 * throws would stop every search over one typo in a list that only narrows matching.
 */
export function compileControllerIdentity(controller: Controller): ControllerIdentity {
  const addresses = new Set<string>();
  const domains = new Set<string>();
  const roleLocalParts = new Set<string>(DEFAULT_ROLE_LOCAL_PARTS);
  const phones = new Set<string>();

  for (const raw of [controller.email, controller.dpo?.email]) {
    const email = raw === undefined ? null : normalizeEmail(raw);
    if (email === null) continue;
    addresses.add(email);
    domains.add(domainOf(email));
  }
  for (const raw of controller.ownDomains ?? []) {
    const domain = raw.trim().replace(/^@/, '').toLowerCase().normalize('NFC');
    if (domain !== '') domains.add(domain);
  }
  for (const raw of controller.roleAddresses ?? []) {
    const entry = raw.trim().toLowerCase().normalize('NFC');
    if (entry.endsWith('@')) roleLocalParts.add(entry.slice(0, -1));
    else {
      const email = normalizeEmail(entry);
      if (email !== null) addresses.add(email);
    }
  }
  for (const raw of [controller.phone, ...(controller.switchboardNumbers ?? [])]) {
    const phone = raw === undefined ? null : normalizePhone(raw);
    if (phone !== null) for (const e164 of lineNumbersOf(phone)) phones.add(e164);
  }

  return {
    addresses,
    domains,
    roleLocalParts,
    phones,
    guardEmail(email) {
      if (addresses.has(email)) return { kind: 'controller-address', value: email };
      const domain = domainOf(email);
      if (domains.has(domain)) return { kind: 'controller-domain', domain };
      if (roleLocalParts.has(email.slice(0, email.lastIndexOf('@')))) return { kind: 'role-address', value: email };
      return undefined;
    },
    guardPhone(e164) {
      return phones.has(e164) ? { kind: 'switchboard', value: e164 } : undefined;
    },
  };
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}
