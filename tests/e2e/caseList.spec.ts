import { expect, isoDaysAgo, test } from './fixtures/auskunftTest.js';
import { expectAccessible } from './fixtures/axe.js';
import { CasesPage } from './pages/CasesPage.js';
import { SAMPLE_SUBJECT } from './pages/sampleSubject.js';

const german = (iso: string) => iso.split('-').reverse().join('.');

test('the case list: by deadline, those in work first; due in days with urgency in colour and words; identity check and sending; filter by status', async ({ app, page }) => {
  const verification = { method: 'knownContact' as const, note: '' };
  const far = await app.call('cases.create', { receivedOn: isoDaysAgo(2), subject: { name: 'Fern', emails: ['fern@muster.example'] }, identityVerification: verification });
  const overdue = await app.call('cases.create', { receivedOn: isoDaysAgo(40), subject: { name: 'Erika Muster', emails: ['erika.muster@muster.example'] }, identityVerification: verification });
  const soon = await app.call('cases.create', {
    receivedOn: isoDaysAgo(27),
    subject: SAMPLE_SUBJECT,
    identityVerification: { ...verification, identifiers: ['j.weiss@beispiel-gmbh.de'] },
  });
  const sent = await app.call('cases.create', { receivedOn: isoDaysAgo(35), subject: { name: 'Max Mustermann', customerIds: ['K-20001'] }, identityVerification: verification });
  await app.call('search.start', { caseId: sent.id });
  await expect.poll(async () => (await app.call('search.status', { caseId: sent.id }))?.state).toBe('done');
  await app.call('cases.setStatus', { caseId: sent.id, status: 'sent', sent: { on: isoDaysAgo(1), channel: 'email' }, lang: 'de' });

  await app.open(page, '#/cases');
  const cases = new CasesPage(page);
  const rows = cases.table.locator('tbody tr');
  // Overdue, due soon, later; the sent one last although its deadline is near.
  await expect(rows.locator('td:first-child')).toHaveText([overdue.id, soon.id, far.id, sent.id]);

  await expect(cases.row(overdue.id).getByTestId('due-in')).toHaveText(/^seit \d+ Tagen überfällig$/);
  await expect(cases.row(overdue.id).getByTestId('due-in')).toHaveClass(/due-overdue/);
  await expect(cases.row(soon.id).getByTestId('due-in')).toHaveText(/^fällig in [1-7] Tagen?$/);
  await expect(cases.row(soon.id).getByTestId('due-in')).toHaveClass(/due-dueSoon/);
  await expect(cases.row(far.id).getByTestId('due-in')).toHaveText(/^fällig in \d{2} Tagen$/);
  await expect(cases.row(far.id).getByTestId('due-in')).not.toHaveClass(/due-/);
  await expect(cases.row(sent.id).getByTestId('due-in')).toHaveText('—');

  await expect(cases.row(soon.id).getByTestId('identity-check')).toHaveText('1 von 5');
  await expect(cases.row(far.id).getByTestId('identity-check')).toHaveText('ja');
  await expect(cases.row(sent.id).getByTestId('sent')).toHaveText(`${german(isoDaysAgo(1))}, E-Mail`);
  await expect(cases.row(far.id).getByTestId('sent')).toHaveText('—');
  // Orange and red with enough contrast (axe's color-contrast is a serious violation).
  await expectAccessible(page, 'case-list');

  const filter = page.getByRole('combobox', { name: 'Status anzeigen' });
  await filter.selectOption({ label: 'Versendet' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(sent.id);
  await expect(page.getByText('1 von 4 Fällen')).toBeVisible();
  await filter.selectOption({ label: 'in Arbeit (offen, in Prüfung)' });
  await expect(rows.locator('td:first-child')).toHaveText([overdue.id, soon.id, far.id]);
  await filter.selectOption({ label: 'alle' });
  await expect(rows).toHaveCount(4);
});
