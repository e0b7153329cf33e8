import { describe, expect, it } from 'vitest';
import { responseDeadline } from '../../../src/core/cases/deadline.js';
import { numberRanges } from '../../../src/core/export/letterPdf.js';
import { buildResponsePackage } from '../../../src/core/export/responsePackage.js';
import { parseRegister } from '../../../src/core/register/loadRegister.js';
import { parseYamlText } from '../../../src/core/config/yamlFile.js';
import type { CaseReview, FindingDecision, Redaction } from '../../../src/core/review/reviewTypes.js';
import type { CaseId } from '../../../src/core/store/ids.js';
import type { Finding, SearchResult } from '../../../src/shared/findings.js';

const register = parseRegister(
  parseYamlText(
    'register.yaml',
    `
activities:
  - id: contact-email
    name: { de: Kontaktaufnahme per E-Mail, en: Contact by email }
    purposes: [{ de: Bearbeitung Ihrer Anfrage, en: Handling your enquiry }]
    categories: [contact.email, communication.content]
    legalBasis: ["6(1)(b)"]
    recipients: [{ name: Mailhoster GmbH, role: processor }]
    retention: { de: Drei Jahre, en: Three years }
    automatedDecisions: false
    localCopy: true
  - id: orders
    name: { de: Bestellungen, en: Orders }
    purposes: [{ de: Vertrag, en: Contract }]
    categories: [contact.email]
    legalBasis: ["6(1)(b)", "6(1)(c)"]
    recipients: []
    transfers: [{ country: US, recipient: Shop Inc., safeguard: { de: Standardvertragsklauseln, en: Standard contractual clauses } }]
    retention: { de: Zehn Jahre, en: Ten years }
    source: { de: Händler, en: Reseller }
    automatedDecisions: false
    localCopy: true
  - id: analytics
    name: { de: Webanalyse, en: Web analytics }
    purposes: [{ de: Statistik, en: Statistics }]
    categories: [contact.email]
    legalBasis: ["6(1)(a)"]
    recipients: [{ name: Google Ireland Ltd., role: processor }]
    retention: { de: 14 Monate, en: 14 months }
    automatedDecisions: false
    localCopy: false
categories:
  - { id: contact.email, name: { de: E-Mail-Adresse, en: Email address } }
  - { id: communication.content, name: { de: Inhalt, en: Content } }
`,
  ),
);

function finding(id: string, overrides: Partial<Finding> = {}): Finding {
  return {
    id,
    source: 'mail',
    locator: { path: 'm.mbox', offset: Number.parseInt(id.slice(-2), 16) },
    strength: 'strong',
    matches: [{ type: 'email', value: 'anna@example.de' }],
    activities: ['contact-email'],
    categories: ['contact.email'],
    title: `Mail ${id}`,
    date: null,
    record: { kind: 'mail', from: 'Erika Muster <erika@example.de>', to: 'anna@example.de', text: `Hallo Anna, Gruß Erika Muster (${id})` },
    ...overrides,
  };
}

const result = (findings: Finding[]): SearchResult => ({
  subject: { name: 'Anna Beispiel', emails: ['anna@example.de'], phones: [], customerIds: [], ips: [], otherIds: [] },
  sources: [
    { id: 'crm', type: 'table', status: 'ok', scanned: 10, warnings: [], error: null },
    { id: 'mail', type: 'mbox', status: 'ok', scanned: 10, warnings: [], error: null },
    { id: 'gone', type: 'eml', status: 'failed', scanned: 0, warnings: [], error: 'missing' },
  ],
  findings,
});

function review(included: string[], redactions: Redaction[] = [], excluded: string[] = []): CaseReview {
  const decisions = new Map<string, FindingDecision>();
  for (const id of included) decisions.set(id, { findingId: id, state: 'included', reason: null, decidedAt: 'x' });
  for (const id of excluded) decisions.set(id, { findingId: id, state: 'excluded', reason: 'not about her', decidedAt: 'x' });
  return { decisions, redactions };
}

const build = (findings: Finding[], r: CaseReview, lang: 'de' | 'en' = 'de') =>
  buildResponsePackage({
    caseId: 'AUS-2026-0001-K7QF' as CaseId,
    subject: result([]).subject,
    deadline: responseDeadline('2026-01-31'),
    controller: { name: 'Firma GmbH', address: 'Weg 1', email: 'dsb@firma.example', supervisoryAuthority: 'LfDI BW' },
    register,
    result: result(findings),
    review: r,
    lang,
    now: new Date('2026-02-10T10:00:00Z'),
  });

describe('buildResponsePackage', () => {
  it('takes only included findings, numbers them in copy order (mail before rows) and groups them by activity', () => {
    const mails = [finding('aaaaaaaaaaaaaa02'), finding('aaaaaaaaaaaaaa01'), finding('aaaaaaaaaaaaaa03')];
    const row = finding('bbbbbbbbbbbbbb01', { source: 'crm', locator: { line: 2 }, activities: ['orders'], record: { kind: 'row', fields: [{ name: 'E-Mail', value: 'anna@example.de' }] } });
    const pkg = build([row, ...mails], review(['bbbbbbbbbbbbbb01', 'aaaaaaaaaaaaaa01', 'aaaaaaaaaaaaaa02'], [], ['aaaaaaaaaaaaaa03']));
    expect(pkg.items.map((i) => [i.no, i.id, i.kind])).toEqual([
      [1, 'aaaaaaaaaaaaaa01', 'mail'],
      [2, 'aaaaaaaaaaaaaa02', 'mail'],
      [3, 'bbbbbbbbbbbbbb01', 'row'],
    ]);
    expect(pkg.dataProcessed).toBe(true);
    expect(pkg.activities.map((a) => [a.id, a.items])).toEqual([
      ['contact-email', [1, 2]],
      ['orders', [3]],
      ['analytics', []], // register-only: always stated, with no copy
    ]);
    const orders = pkg.activities[1]!;
    expect(orders.legalBasis).toEqual(['Art. 6 Abs. 1 lit. b DSGVO – Vertragserfüllung', 'Art. 6 Abs. 1 lit. c DSGVO – rechtliche Verpflichtung']);
    expect(orders.transfers).toEqual([{ country: 'US', recipient: 'Shop Inc.', safeguard: 'Standardvertragsklauseln' }]);
    expect(orders.source).toBe('Händler');
    expect(pkg.searched).toEqual(['table', 'mbox']); // the failed source is not claimed as searched
    expect(pkg.case.deadline.due).toBe('2026-02-28');
  });

  it('is the "no data" answer when nothing is included', () => {
    const pkg = build([finding('aaaaaaaaaaaaaa01', { strength: 'weak' })], review([]));
    expect(pkg.dataProcessed).toBe(false);
    expect(pkg.items).toEqual([]);
    expect(pkg.activities.map((a) => a.id)).toEqual(['analytics']);
  });

  it('applies redactions of the finding and case-wide ones, and marks only the records they touch', () => {
    const redactions: Redaction[] = [
      { id: 1, findingId: 'aaaaaaaaaaaaaa01', text: 'Erika Muster', reason: 'Art. 15(4): Dritte', createdAt: 'x' },
      { id: 2, findingId: null, text: 'erika@example.de', reason: 'Art. 15(4): Dritte (Adresse)', createdAt: 'x' },
    ];
    const other = finding('aaaaaaaaaaaaaa02', { record: { kind: 'mail', from: 'anna@example.de', text: 'nothing about others' } });
    const pkg = build([finding('aaaaaaaaaaaaaa01'), other], review(['aaaaaaaaaaaaaa01', 'aaaaaaaaaaaaaa02'], redactions), 'en');
    const [first, second] = pkg.items;
    expect(JSON.stringify(first)).not.toMatch(/Erika Muster|erika@example\.de/);
    expect(first!.data).toMatchObject({ from: '[redacted] <[redacted]>', text: 'Hallo Anna, Gruß [redacted] (aaaaaaaaaaaaaa01)' });
    expect(first!.redacted).toBe(true);
    expect(first!.redactionReasons.sort()).toEqual(['Art. 15(4): Dritte', 'Art. 15(4): Dritte (Adresse)']);
    expect(second!.redacted).toBe(false);
    expect(pkg.redactions).toEqual({ records: 1, reasons: expect.arrayContaining(['Art. 15(4): Dritte']) });
  });
});

describe('numberRanges', () => {
  it('collapses runs', () => {
    expect(numberRanges([1, 2, 3, 5, 7, 8, 10])).toBe('1–3, 5, 7–8, 10');
    expect(numberRanges([4])).toBe('4');
  });
});
