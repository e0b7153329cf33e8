import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/config/configError.js';
import { parseYamlText } from '../../../src/core/config/yamlFile.js';
import { parseRegister } from '../../../src/core/register/loadRegister.js';
import { BASE_LINES, insertAfter, parseRegisterText, registerError, replaceLine } from './registerText.js';

describe('parseRegister: a valid register', () => {
  const register = parseRegisterText(BASE_LINES.join('\n'));

  it('keeps every field as written', () => {
    const [mail, logs] = register.activities;
    expect(mail).toMatchObject({
      id: 'contact-email',
      name: { de: 'Kontakt per E-Mail', en: 'Contact by email' },
      categories: ['contact.name', 'contact.email'],
      legalBasis: ['6(1)(b)'],
      recipients: [],
      automatedDecisions: false,
      localCopy: true,
      sourceTypes: ['mbox', 'imap'],
    });
    expect(logs?.recipients).toEqual([{ name: 'Hoster GmbH', role: 'processor' }]);
    expect(register.categories.map((c) => c.id)).toEqual(['contact.name', 'contact.email', 'device.ip_address']);
  });

  it('reads omitted transfers and source types as none, and an omitted source as "from the data subject"', () => {
    const logs = register.activities[1];
    expect(logs?.transfers).toEqual([]);
    expect(logs?.sourceTypes).toEqual([]);
    expect(logs?.source).toBeUndefined();
  });

  it('is frozen: nothing downstream can change what the letter will say', () => {
    expect(Object.isFrozen(register)).toBe(true);
    expect(Object.isFrozen(register.activities)).toBe(true);
    expect(Object.isFrozen(register.activities[0]?.categories)).toBe(true);
  });

  it('accepts a transfer, a source and a described automated decision', () => {
    const r = parseRegisterText(
      insertAfter(
        18,
        '    transfers: [{ country: US, recipient: Hoster Inc., safeguard: { de: Standardvertragsklauseln, en: Standard contractual clauses } }]',
        '    source: { de: Öffentliche Verzeichnisse, en: Public directories }',
      ).replace('automatedDecisions: false\n    localCopy: true\ncategories', 'automatedDecisions: { de: Sperrliste, en: Block list }\n    localCopy: true\ncategories'),
    );
    expect(r.activities[1]).toMatchObject({
      transfers: [{ country: 'US', recipient: 'Hoster Inc.' }],
      source: { de: 'Öffentliche Verzeichnisse', en: 'Public directories' },
      automatedDecisions: { de: 'Sperrliste', en: 'Block list' },
    });
  });
});

describe('parseRegister: errors name file, line and field', () => {
  it('rejects a category that is not defined', () => {
    expect(registerError(replaceLine(5, '    categories: [contact.name, contact.mail]'))).toBe(
      'register.yaml:5: activities[0].categories[1]: unknown category "contact.mail"',
    );
  });

  it('rejects a category listed twice in one activity', () => {
    expect(registerError(replaceLine(5, '    categories: [contact.name, contact.name]'))).toBe(
      'register.yaml:5: activities[0].categories[1]: category "contact.name" is listed twice',
    );
  });

  it('rejects duplicate activity ids, pointing at both', () => {
    expect(registerError(replaceLine(12, '  - id: contact-email'))).toBe(
      'register.yaml:12: activities[1].id: duplicate activity id "contact-email" (first at activities[0].id, line 2)',
    );
  });

  it('rejects duplicate category ids', () => {
    expect(registerError(replaceLine(24, '  - { id: contact.name, name: { de: IP-Adresse, en: IP address } }'))).toBe(
      'register.yaml:24: categories[2].id: duplicate category id "contact.name" (first at categories[0].id, line 22)',
    );
  });

  it('rejects an unknown legal basis code', () => {
    expect(registerError(replaceLine(6, '    legalBasis: ["6(1)(b)", "6(1)(g)"]'))).toBe(
      'register.yaml:6: activities[0].legalBasis[1]: unknown legal basis "6(1)(g)" (use codes like "6(1)(b)", "9(2)(a)" or "88(1)+§26 BDSG")',
    );
  });

  it('rejects an Art. 9(2) exception without an Art. 6(1) ground (recital 51)', () => {
    expect(registerError(replaceLine(6, '    legalBasis: ["9(2)(a)"]'))).toBe(
      'register.yaml:6: activities[0].legalBasis[0]: "9(2)(a)" only lifts the Art. 9(1) ban: add an Art. 6(1) legal basis as well',
    );
    expect(() => parseRegisterText(replaceLine(6, '    legalBasis: ["6(1)(a)", "9(2)(a)"]'))).not.toThrow();
  });

  it('rejects a localized text with one language only', () => {
    expect(registerError(replaceLine(8, '    retention: { de: 6 Monate }'))).toBe(
      'register.yaml:8: activities[0].retention: a localized text needs both "de" and "en" as non-empty texts',
    );
  });

  it('rejects a missing required field at the activity line', () => {
    expect(registerError(replaceLine(8))).toBe('register.yaml:2: activities[0].retention: required');
    expect(registerError(replaceLine(7))).toBe('register.yaml:2: activities[0].recipients: required');
    expect(registerError(replaceLine(10))).toBe('register.yaml:2: activities[0].localCopy: required');
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    expect(registerError(replaceLine(8, '    retension: { de: 6 Monate, en: 6 months }'))).toBe(
      'register.yaml:8: activities[0].retension: unknown field',
    );
  });

  it('rejects automatedDecisions: true, which says nothing about the logic (Art. 15(1)(h))', () => {
    expect(registerError(replaceLine(9, '    automatedDecisions: true'))).toBe(
      'register.yaml:9: activities[0].automatedDecisions: use false, or a text describing the logic involved and its consequences (Art. 15(1)(h))',
    );
  });

  it('rejects an unknown recipient role', () => {
    expect(registerError(replaceLine(17, '    recipients: [{ name: Hoster GmbH, role: partner }]'))).toBe(
      'register.yaml:17: activities[1].recipients[0].role: use processor, controller or authority',
    );
  });

  it('rejects a transfer without a safeguard (Art. 15(2))', () => {
    expect(registerError(insertAfter(17, '    transfers: [{ country: US, recipient: Hoster Inc. }]'))).toBe(
      'register.yaml:18: activities[1].transfers[0].safeguard: required',
    );
  });

  it('rejects an EU/EEA country as a third-country transfer (Art. 44)', () => {
    expect(registerError(insertAfter(17, '    transfers: [{ country: IE, recipient: Hoster Ltd., safeguard: keine }]'))).toBe(
      'register.yaml:18: activities[1].transfers[0].country: IE is in the EU/EEA: list only third countries (Art. 44 GDPR)',
    );
    expect(registerError(insertAfter(17, '    transfers: [{ country: usa, recipient: Hoster Inc., safeguard: SCC }]'))).toBe(
      'register.yaml:18: activities[1].transfers[0].country: use an ISO 3166-1 alpha-2 code in capitals (e.g. US)',
    );
  });

  it('rejects an unknown source type, so a typo cannot leave a source without activity', () => {
    expect(registerError(replaceLine(11, '    sourceTypes: [mbox, mobx]'))).toBe(
      'register.yaml:11: activities[0].sourceTypes[1]: unknown source type "mobx" (use mbox, eml, maildir, imap, table, calls, tickets, weblog, documents, outlook, database)',
    );
  });

  it('rejects an activity without purposes or categories', () => {
    expect(registerError(replaceLine(4, '    purposes: []'))).toBe('register.yaml:4: activities[0].purposes: name at least one purpose');
    expect(registerError(replaceLine(15, '    categories: []'))).toBe('register.yaml:15: activities[1].categories: name at least one category');
  });

  it('rejects ids that workspaces and findings could not refer to', () => {
    expect(registerError(replaceLine(2, '  - id: Contact Email'))).toBe(
      'register.yaml:2: activities[0].id: use lower-case letters, digits and "-" (e.g. contact-email)',
    );
    expect(registerError(replaceLine(22, '  - { id: name, name: { de: Name, en: Name } }'))).toBe(
      'register.yaml:22: categories[0].id: use dotted lower-case words (e.g. contact.email)',
    );
  });

  it('rejects a file that is not a register at all', () => {
    expect(() => parseRegister(parseYamlText('register.yaml', '- just\n- a list\n'))).toThrow(ConfigError);
    expect(registerError('- just\n- a list\n')).toBe('register.yaml:1: expected a register with `activities` and `categories`');
    expect(registerError('activities: []\ncategories: []\n')).toBe('register.yaml:1: activities: name at least one activity');
  });
});
