import { expect, isoDaysAgo, test } from './fixtures/auskunftTest.js';
import { expectAccessible } from './fixtures/axe.js';
import { CasePage } from './pages/CasePage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { SAMPLE_SUBJECT } from './pages/sampleSubject.js';

test('a bar of the overview opens the review filtered to what it counts; labels stay on at most two lines', async ({ app, page }) => {
  const created = await app.call('cases.create', { receivedOn: isoDaysAgo(3), subject: SAMPLE_SUBJECT, identityVerification: { method: 'knownContact', note: '' } });
  await app.call('search.start', { caseId: created.id });
  await expect.poll(async () => (await app.call('search.status', { caseId: created.id }))?.state).toBe('done');
  const listed = await app.call('review.list', { caseId: created.id, lang: 'de', offset: 0, limit: null });
  const shown = listed.rows.filter((r) => !r.copyOf);
  const fromArchive = shown.filter((r) => r.source === 'archive').length;
  expect(fromArchive).toBeGreaterThan(0);
  expect(fromArchive).toBeLessThan(shown.length);

  await app.open(page, `#/case/${created.id}/overview`);
  const bySource = page.getByRole('figure', { name: 'Treffer je Quelle' });
  await expect(bySource).toBeVisible();
  await expectAccessible(page, 'overview with linked charts');

  // No chart label takes more than two lines.
  for (const label of await page.locator('.bars .bar-label').all()) {
    const lines = await label.evaluate((e) => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)));
    expect(lines, (await label.textContent()) ?? '').toBeLessThanOrEqual(2);
  }

  // Clicking the bar itself (not only its label) opens the review with that source's findings.
  await bySource.locator('tr[data-key="archive"]').getByTestId('bar-link').click();
  await expect(page).toHaveURL(/#\/case\/[^/]+\/review\?source=archive$/);
  const review = new ReviewPage(page);
  await expect(review.options).toHaveCount(fromArchive);
  await expect(page.getByRole('search').getByLabel('Quelle')).toHaveValue('archive');
  await expect(page.getByText(`${fromArchive} von ${shown.length} angezeigt`)).toBeVisible();

  // The filter can be cleared as any other; the keyboard reaches the links by their labels.
  await review.filter(/Quelle/, '');
  await expect(review.options).toHaveCount(shown.length);
  await new CasePage(page).tab('overview');
  const byKind = page.getByRole('figure', { name: /Treffer je Art/ });
  await byKind.getByRole('link', { name: /^E-Mail: Treffer in der Prüfung zeigen$/ }).press('Enter');
  await expect(page).toHaveURL(/review\?kind=mail$/);
  await expect(review.options).toHaveCount(shown.filter((r) => r.kind === 'mail').length);
});
