import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCase } from '../../../src/core/cases/openCase.js';
import { caseDeadline, extendDeadline, ExtensionTooLateError } from '../../../src/core/cases/extendDeadline.js';
import { writeExtensionNoticePdf } from '../../../src/core/export/extensionNoticePdf.js';
import { readAuditLog } from '../../../src/core/review/auditLog.js';
import { openCaseStore } from '../../../src/core/store/openCaseStore.js';
import { pdfText } from '../export/exportFixture.js';
import { tempDir } from '../helpers/runCli.js';

const subject = { name: 'Anna Beispiel', emails: ['anna@example.de'], phones: [], customerIds: [], ips: [], otherIds: [] };
const controller = { name: 'Firma GmbH', address: 'Weg 1', email: 'dsb@firma.example', supervisoryAuthority: 'LfDI Baden-Württemberg' };

function storeWithCase() {
  const dir = tempDir();
  const db = openCaseStore(join(dir, 'cases.db'));
  const c = openCase(db, { receivedOn: '2026-01-31', subject, workspacePath: '/w/auskunft.yaml' }, { actor: 'officer' });
  return { dir, db, caseId: c.id };
}

describe('extending the deadline (Art. 12(3))', () => {
  it('extends within the first month, with reasons from the list and in words, and writes the interim notice (DE, EN)', async () => {
    const { dir, db, caseId } = storeWithCase();
    const d = extendDeadline(db, caseId, 'Drei Standorte mit eigenen Archiven', { reasonCodes: ['many-systems', 'complex-request'], now: new Date('2026-02-20T09:00:00Z'), actor: 'officer' });
    expect(d).toMatchObject({ due: '2026-02-28', extendedDue: '2026-04-28', extensionReasonCodes: ['many-systems', 'complex-request'] });
    expect(caseDeadline(db, caseId).extensionReasonCodes).toEqual(['many-systems', 'complex-request']);
    expect(readAuditLog(db, caseId).at(-1)).toMatchObject({ action: 'deadline.extended', detail: { reasonCodes: ['many-systems', 'complex-request'], noticeOn: '2026-02-20' } });

    const facts = { caseId, controller, subjectName: 'Anna Beispiel', subjectEmail: 'anna@example.de', receivedOn: d.receivedOn, due: d.due, until: d.extendedDue!, reasonCodes: d.extensionReasonCodes, reason: d.extensionReason, date: '2026-02-20' };
    await writeExtensionNoticePdf(join(dir, 'de.pdf'), { ...facts, lang: 'de' });
    const de = pdfText(join(dir, 'de.pdf'));
    expect(de).toContain('Zwischenbescheid: Verlängerung der Frist (Art. 12 Abs. 3 DSGVO)');
    expect(de).toContain('Sie erhalten unsere Auskunft spätestens am 28.04.2026.');
    expect(de).toContain('Ihre Daten liegen in vielen Systemen, die einzeln durchsucht werden müssen');
    expect(de).toContain('Drei Standorte mit eigenen Archiven');
    expect(de).toContain('(Art. 79 DSGVO)');
    await writeExtensionNoticePdf(join(dir, 'en.pdf'), { ...facts, lang: 'en' });
    expect(pdfText(join(dir, 'en.pdf'))).toContain('Interim notice: extension of the deadline (Art. 12(3) GDPR)');
    db.close();
  });

  it('refuses an extension once the first month has run out, and the deadline stays', () => {
    const { db, caseId } = storeWithCase();
    const late = () => extendDeadline(db, caseId, 'zu spät', { now: new Date('2026-03-02T09:00:00Z') });
    expect(late).toThrow(ExtensionTooLateError);
    expect(late).toThrow('the first month of case ' + caseId + ' ended on 2026-02-28: Art. 12(3) allows an extension only if the person is told within it; the extension is refused and the deadline stays 2026-02-28');
    expect(caseDeadline(db, caseId)).toMatchObject({ effective: '2026-02-28', extendedDue: null });
    expect(readAuditLog(db, caseId).map((e) => e.action)).toEqual(['case.created']);
    // Recorded later, but the notice went out in time: accepted.
    expect(extendDeadline(db, caseId, 'rechtzeitig mitgeteilt', { noticeOn: '2026-02-27', now: new Date('2026-03-02T09:00:00Z') }).extendedDue).toBe('2026-04-28');
    expect(() => extendDeadline(db, caseId, 'x', { reasonCodes: ['weil'] })).toThrow(/unknown extension reason weil/);
    db.close();
  });
});
