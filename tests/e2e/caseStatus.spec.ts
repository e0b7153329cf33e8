import { expect, isoDaysAgo, test } from './fixtures/auskunftTest.js';
import { expectAccessible } from './fixtures/axe.js';
import { CasePage } from './pages/CasePage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { SAMPLE_SUBJECT } from './pages/sampleSubject.js';

test('every status is offered, a move outside the workflow says where the case can go, each move audited; a closed case can be reopened', async ({ app, page }) => {
  const created = await app.call('cases.create', { receivedOn: isoDaysAgo(5), subject: SAMPLE_SUBJECT, identityVerification: { method: 'knownContact', note: '' } });
  await app.call('search.start', { caseId: created.id });
  await expect.poll(async () => (await app.call('search.status', { caseId: created.id }))?.state).toBe('done');

  // Opened straight on the review, as after a reload: the list arrives without a click.
  await app.open(page, `#/case/${created.id}/review`);
  await expect(new ReviewPage(page).options.first()).toBeVisible();

  const casePage = new CasePage(page);
  await expect(casePage.currentStatus).toHaveText('In Prüfung'); // the search moved it out of "open"
  await expect(casePage.status.getByRole('button')).toHaveText(['Offen', 'In Prüfung', 'Versendet', 'Beantwortet', 'Abgeschlossen']);
  // Back to "open" is not a move the engine allows: the officer reads why, nothing changes.
  await casePage.statusButton('Offen').click();
  await expect(page.getByRole('alert')).toContainText('Von „In Prüfung“ geht es nicht zu „Offen“. Möglich ist: Versendet, Beantwortet, Abgeschlossen.');
  await expect(casePage.currentStatus).toHaveText('In Prüfung');

  await casePage.statusButton('Abgeschlossen').click();
  await expect(casePage.currentStatus).toHaveText('Abgeschlossen');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(casePage.status.getByRole('button')).toHaveText(['Offen', 'Wieder aufnehmen (In Prüfung)', 'Versendet', 'Beantwortet', 'Abgeschlossen']);
  await expectAccessible(page, 'case-closed');

  await casePage.statusButton('Wieder aufnehmen (In Prüfung)').click();
  await expect(casePage.currentStatus).toHaveText('In Prüfung');
  const log = await app.call('review.audit', { caseId: created.id });
  expect(log.filter((e) => e.action === 'case.statusChanged').map((e) => [e.detail['from'], e.detail['to']])).toEqual([
    ['open', 'review'],
    ['review', 'closed'],
    ['closed', 'review'],
  ]);
  expect((await app.call('cases.get', { caseId: created.id, lang: 'de' })).closedAt).toBeNull();
});
