import { syntheticResult } from '../../bench/review-list/syntheticFindings.js';
import { openCaseStore, recordSearchRun, type CaseId } from '../../src/core/store/index.js';
import { expect, isoDaysAgo, test } from './fixtures/auskunftTest.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { SAMPLE_SUBJECT } from './pages/sampleSubject.js';

const FINDINGS = 12_000;
/** The person the synthetic findings are about (the benchmark's). */
const SUBJECT = { name: 'Jürgen Weiß', emails: ['j.weiss@beispiel-gmbh.de'], phones: [], customerIds: [], ips: ['203.0.113.77'], otherIds: [] };

/**
 * A large review list loads in pages (src/renderer/screens/review/reviewListPreload.ts): the first
 * rows at once, then 5,000 per call. The current finding's detail does not wait for the rest; filters
 * and bulk actions wait for the whole list (a filter must not hide findings that have not arrived),
 * and then work on all of it.
 */
test('a large review list loads in pages; the detail does not wait, the filters cover the whole list', async ({ app, page }) => {
  const created = await app.call('cases.create', { receivedOn: isoDaysAgo(3), subject: SAMPLE_SUBJECT, identityVerification: { method: 'knownContact', note: '' } });
  // A search result of 12,000 findings, written straight into this test's case store.
  const db = openCaseStore(app.dbFile, { key: app.dbKey });
  try {
    recordSearchRun(db, created.id as CaseId, syntheticResult(SUBJECT, FINDINGS), { startedAt: new Date(), finishedAt: new Date(), workspacePath: app.workspaceFile });
  } finally {
    db.close();
  }

  const pages: { offset: number; limit: number | null; bytes: number }[] = [];
  page.on('requestfinished', (request) => {
    if (!request.url().endsWith('/api/call/review.list')) return;
    const input = request.postDataJSON() as { offset: number; limit: number | null };
    void request.sizes().then((sizes) => pages.push({ offset: input.offset, limit: input.limit, bytes: sizes.responseBodySize }));
  });

  await app.open(page, `#/case/${created.id}/review`);
  const review = new ReviewPage(page);
  await expect(review.detail).toBeVisible();
  await expect(page.getByText(`12.000 von 12.000 angezeigt · 12.000 offen`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('review-loading')).toHaveCount(0);

  await expect.poll(() => pages.length).toBe(4);
  expect(pages.map((p) => [p.offset, p.limit]).sort((a, b) => a[0]! - b[0]!)).toEqual([
    [0, 200],
    [200, 5000],
    [5200, 5000],
    [10200, 5000],
  ]);
  for (const p of pages) expect(p.bytes, `page at ${p.offset}`).toBeLessThan(2_000_000);

  // The filters now cover every finding, including those of the last page.
  const strength = page.locator('select[data-filter="strength"]');
  await expect(strength).toBeEnabled();
  await strength.selectOption('weak');
  const weak = syntheticResult(SUBJECT, FINDINGS).findings.filter((f) => f.strength === 'weak').length;
  await expect(page.getByText(`${weak.toLocaleString('de-DE')} von 12.000 angezeigt`)).toBeVisible();
  await expect(page.getByTestId('finding-list').getByRole('option').first()).toHaveAttribute('aria-setsize', String(weak));
});

/**
 * A page of the list that fails is asked for again; when it keeps failing the officer sees how much
 * is there and why, and "Erneut versuchen" goes on from where the list stopped.
 */
test('a page of the list that keeps failing is offered again, and the list goes on from there', async ({ app, page }) => {
  const created = await app.call('cases.create', { receivedOn: isoDaysAgo(3), subject: SAMPLE_SUBJECT, identityVerification: { method: 'knownContact', note: '' } });
  const db = openCaseStore(app.dbFile, { key: app.dbKey });
  try {
    recordSearchRun(db, created.id as CaseId, syntheticResult(SUBJECT, 6_000), { startedAt: new Date(), finishedAt: new Date(), workspacePath: app.workspaceFile });
  } finally {
    db.close();
  }
  // The second page of the rest fails four times: the first try, two retries, and once more after a click.
  let failures = 4;
  const asked: number[] = [];
  await page.route('**/api/call/review.list', async (route) => {
    const { offset } = route.request().postDataJSON() as { offset: number };
    asked.push(offset);
    if (offset === 5200 && failures > 0) {
      failures -= 1;
      await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { name: 'Error', message: 'die Fallakte ist gerade belegt' } }) });
      return;
    }
    await route.continue();
  });

  await app.open(page, `#/case/${created.id}/review`);
  const failed = page.getByTestId('review-rest-failed');
  await expect(failed).toContainText('5.200 von 6.000 Treffern sind da');
  await expect(failed).toContainText('die Fallakte ist gerade belegt');
  expect(failures).toBe(1);
  // Filters stay off: the list is not whole.
  await expect(page.locator('select[data-filter="strength"]')).toBeDisabled();

  await failed.getByRole('button', { name: 'Erneut versuchen' }).click();
  await expect(page.getByText('6.000 von 6.000 angezeigt · 6.000 offen')).toBeVisible({ timeout: 30_000 });
  await expect(failed).toHaveCount(0);
  await expect(page.locator('select[data-filter="strength"]')).toBeEnabled();
  // The list went on from the page that failed: the first two pages were asked for once each.
  expect(asked.filter((o) => o === 0)).toHaveLength(1);
  expect(asked.filter((o) => o === 200)).toHaveLength(1);
  expect(asked.filter((o) => o === 5200)).toHaveLength(5);
});
