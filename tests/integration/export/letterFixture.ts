import { join } from 'node:path';
import { openCase } from '../../../src/core/cases/openCase.js';
import { searchCase } from '../../../src/core/cases/searchCase.js';
import { identifierKey } from '../../../src/core/identity/subjectIdentifiers.js';
import { includeStrongFindings } from '../../../src/core/review/includeStrongFindings.js';
import { loadReview } from '../../../src/core/review/loadReview.js';
import type { WritableDb } from '../../../src/core/store/db.js';
import type { CaseId } from '../../../src/core/store/ids.js';
import { openCaseStore } from '../../../src/core/store/openCaseStore.js';
import type { Finding } from '../../../src/shared/findings.js';
import type { Subject } from '../../../src/shared/subject.js';
import { tempDir, writeFiles } from '../helpers/runCli.js';

/**
 * A small workspace for the letter's limits (written here, no fixture files): an mbox configured by
 * its absolute path (so a path of "the officer's machine" would show if it leaked), a CRM table, a
 * web log with a line older than its 21-day retention, a register activity with a local copy that no
 * source covers (letters), one without a stated origin (web logs) and a register-only one (analytics).
 */
export const REGISTER = `
activities:
  - id: contact-email
    name: { de: Kontaktaufnahme per E-Mail, en: Contact by email }
    purposes: [{ de: Bearbeitung Ihrer Anfrage, en: Handling your enquiry }]
    categories: [contact.email, communication.content]
    legalBasis: ["6(1)(b)"]
    recipients: [{ name: Mailhoster GmbH, role: processor }]
    retention: { de: Drei Jahre, en: Three years }
    source: data-subject
    automatedDecisions: false
    localCopy: true
    sourceTypes: [mbox]
  - id: orders
    name: { de: Bestellungen, en: Orders }
    purposes: [{ de: Vertrag, en: Contract }]
    categories: [contact.email]
    legalBasis: ["6(1)(b)"]
    recipients: []
    retention: { de: Zehn Jahre, en: Ten years }
    source: { de: Händler, en: Reseller }
    automatedDecisions: false
    localCopy: true
    sourceTypes: [table]
  - id: web-logs
    name: { de: Webserver-Logs, en: Web server logs }
    purposes: [{ de: Angriffsschutz, en: Protection against attacks }]
    categories: [device.ip_address]
    legalBasis: ["6(1)(f)"]
    recipients: []
    retention: { de: "7 Tage, in Backups 21 Tage", en: "7 days, backups 21 days" }
    retentionDays: 21
    automatedDecisions: false
    localCopy: true
    sourceTypes: [weblog]
  - id: letters
    name: { de: Briefpost, en: Letters by post }
    purposes: [{ de: Korrespondenz, en: Correspondence }]
    categories: [contact.email]
    legalBasis: ["6(1)(b)"]
    recipients: []
    retention: { de: Sechs Jahre, en: Six years }
    source: data-subject
    automatedDecisions: false
    localCopy: true
  - id: analytics
    name: { de: Webanalyse, en: Web analytics }
    purposes: [{ de: Statistik, en: Statistics }]
    categories: [device.ip_address]
    legalBasis: ["6(1)(a)"]
    recipients: [{ name: Google Ireland Ltd., role: processor }]
    retention: { de: 14 Monate, en: 14 months }
    source: data-subject
    automatedDecisions: false
    localCopy: false
categories:
  - { id: contact.email, name: { de: E-Mail-Adresse, en: Email address } }
  - { id: communication.content, name: { de: Inhalt, en: Content } }
  - { id: device.ip_address, name: { de: IP-Adresse, en: IP address } }
`;

const mail = (n: number, from: string, subject: string, body: string) =>
  [
    `From ${from} Mon Jan 13 09:0${n}:00 2026`,
    `From: ${from}`,
    'To: support@firma.example',
    `Subject: ${subject}`,
    `Date: Mon, 13 Jan 2026 09:0${n}:00 +0100`,
    `Message-ID: <m${n}@firma.example>`,
    '',
    body,
    '',
  ].join('\n');

export const SUBJECT: Subject = { name: 'Anna Beispiel', emails: ['anna@example.de'], phones: [], customerIds: [], ips: ['203.0.113.7'], otherIds: [] };
export const NOBODY: Subject = { name: 'Niemand Bekannt', emails: ['niemand@example.org'], phones: [], customerIds: [], ips: [], otherIds: [] };

/** When the package is written: the log line of 10 January is then 50 days old. */
export const EXPORT_NOW = new Date('2026-03-01T10:00:00Z');

export interface LetterCase {
  readonly root: string;
  readonly db: WritableDb;
  readonly caseId: CaseId;
  readonly findings: readonly Finding[];
}

export function letterWorkspace(): { root: string; workspace: string } {
  const root = tempDir('auskunft-letter-');
  writeFiles(root, {
    'ws/register.yaml': REGISTER,
    'ws/mail/archive.mbox': [
      mail(1, 'anna@example.de', 'Frage zum Vertrag', 'Hallo, ich habe eine Frage. Gruss Anna Beispiel'),
      mail(2, 'anna@example.de', 'Rechnung 2026-17', 'Anbei meine Rechnungsanschrift. Kollegin Erika Muster weiss Bescheid.'),
    ].join('\n'),
    'ws/crm/kunden.csv': 'Kundennummer;Name;E-Mail\nK-1;Anna Beispiel;anna@example.de\nK-2;Otto Normal;otto@example.de\n',
    'ws/logs/access.log': '203.0.113.7 - - [10/Jan/2026:10:00:00 +0100] "GET / HTTP/1.1" 200 1024 "-" "Mozilla/5.0"\n',
    'ws/auskunft.yaml': [
      'controller:',
      '  name: Firma GmbH',
      '  address: Weg 1, 12345 Stadt',
      '  email: dsb@firma.example',
      '  supervisoryAuthority: LfDI Baden-Württemberg',
      'register: register.yaml',
      'sources:',
      `  - { id: archive, type: mbox, path: ${JSON.stringify(join(root, 'ws', 'mail', 'archive.mbox'))} }`,
      '  - { id: crm, type: table, path: crm/kunden.csv }',
      '  - { id: weblog, type: weblog, path: logs/access.log }',
      '',
    ].join('\n'),
  });
  return { root, workspace: join(root, 'ws', 'auskunft.yaml') };
}

/** A searched case on the letter workspace with its strong findings included. */
export async function searchedLetterCase(subject: Subject = SUBJECT): Promise<LetterCase> {
  const { root, workspace } = letterWorkspace();
  const db = openCaseStore(join(root, 'cases.db'));
  const c = openCase(db, { receivedOn: '2026-02-10', subject, workspacePath: workspace }, { actor: 'officer' });
  const { result } = await searchCase(db, c.id, { now: () => new Date('2026-02-11T09:00:00Z') });
  // The person's identity is taken as verified here: every identifier may include its findings.
  const verified = new Set(result.findings.flatMap((f) => f.matches.map((m) => identifierKey(m.type, m.value))));
  includeStrongFindings(db, c.id, result.findings, loadReview(db, c.id), verified);
  return { root, db, caseId: c.id, findings: result.findings };
}
