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
