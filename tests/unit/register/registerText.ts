import { parseYamlText } from '../../../src/core/config/yamlFile.js';
import { parseRegister } from '../../../src/core/register/loadRegister.js';
import type { Register } from '../../../src/core/register/registerSchema.js';

/**
 * A minimal valid register, one line per field, so a test can change line N and expect an error at
 * line N. Two activities, so that cross-references between them can be tested.
 */
export const BASE_LINES: readonly string[] = [
  /*  1 */ 'activities:',
  /*  2 */ '  - id: contact-email',
  /*  3 */ '    name: { de: Kontakt per E-Mail, en: Contact by email }',
  /*  4 */ '    purposes: [{ de: Anfrage bearbeiten, en: Handling your enquiry }]',
  /*  5 */ '    categories: [contact.name, contact.email]',
  /*  6 */ '    legalBasis: ["6(1)(b)"]',
  /*  7 */ '    recipients: []',
  /*  8 */ '    retention: { de: 6 Monate, en: 6 months }',
  /*  9 */ '    automatedDecisions: false',
  /* 10 */ '    localCopy: true',
  /* 11 */ '    sourceTypes: [mbox, imap]',
  /* 12 */ '  - id: web-logs',
  /* 13 */ '    name: Webserver-Logs',
  /* 14 */ '    purposes: [Angriffsschutz]',
  /* 15 */ '    categories: [device.ip_address]',
  /* 16 */ '    legalBasis: ["6(1)(f)"]',
  /* 17 */ '    recipients: [{ name: Hoster GmbH, role: processor }]',
  /* 18 */ '    retention: { de: 7 Tage, en: 7 days }',
  /* 19 */ '    automatedDecisions: false',
  /* 20 */ '    localCopy: true',
  /* 21 */ 'categories:',
  /* 22 */ '  - { id: contact.name, name: { de: Name, en: Name } }',
  /* 23 */ '  - { id: contact.email, name: { de: E-Mail-Adresse, en: Email address } }',
  /* 24 */ '  - { id: device.ip_address, name: { de: IP-Adresse, en: IP address } }',
];

/** BASE_LINES with line `n` (1-based) replaced by `lines` (none: deleted). */
export function replaceLine(n: number, ...lines: string[]): string {
  const copy = [...BASE_LINES];
  copy.splice(n - 1, 1, ...lines);
  return copy.join('\n');
}

/** BASE_LINES with `lines` inserted after line `n`. */
export function insertAfter(n: number, ...lines: string[]): string {
  const copy = [...BASE_LINES];
  copy.splice(n, 0, ...lines);
  return copy.join('\n');
}

export function parseRegisterText(text: string): Register {
  return parseRegister(parseYamlText('register.yaml', text));
}

/** The one-line message the CLI would print, or a failure when the text loads fine. */
export function registerError(text: string): string {
  try {
    parseRegisterText(text);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected the register to be rejected');
}
