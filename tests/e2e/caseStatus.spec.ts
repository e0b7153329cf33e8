import { expect, isoDaysAgo, test } from './fixtures/auskunftTest.js';
import { expectAccessible } from './fixtures/axe.js';
import { CasePage } from './pages/CasePage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { SAMPLE_SUBJECT } from './pages/sampleSubject.js';

test('the status offers only the allowed moves, each one audited; a closed case can be reopened', async ({ app, page }) => {
  const created = await app.call('cases.create', { receivedOn: isoDaysAgo(5), subject: SAMPLE_SUBJECT, identityVerification: { method: 'knownContact', note: '' } });
  await app.call('search.start', { caseId: created.id });
  await expect.poll(async () => (await app.call('search.status', { caseId: created.id }))?.state).toBe('done');

  // Opened straight on the review, as after a reload: the list arrives without a click.
  await app.open(page, `#/case/${created.id}/review`);
  await expect(new ReviewPage(page).options.first()).toBeVisible();

  const casePage = new CasePage(page);
  await expect(casePage.status).toHaveValue('review'); // the search moved it out of "open"
  await expect(casePage.status.locator('option')).toHaveText(['In Prüfung', 'Beantwortet', 'Abgeschlossen']);
  await casePage.status.selectOption('closed');
  await expect(casePage.status).toHaveValue('closed');
  await expect(casePage.status.locator('option')).toHaveText(['Wieder aufnehmen (In Prüfung)', 'Abgeschlossen']);
  await expectAccessible(page, 'case-closed');

  await casePage.status.selectOption('review');
  await expect(casePage.status).toHaveValue('review');
  const log = await app.call('review.audit', { caseId: created.id });
  expect(log.filter((e) => e.action === 'case.statusChanged').map((e) => [e.detail['from'], e.detail['to']])).toEqual([
    ['open', 'review'],
    ['review', 'closed'],
    ['closed', 'review'],
  ]);
  expect((await app.call('cases.get', { caseId: created.id, lang: 'de' })).closedAt).toBeNull();
});
