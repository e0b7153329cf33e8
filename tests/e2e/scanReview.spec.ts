import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderScan } from '../integration/connectors/documents/renderScan.js';
import { expect, isoDaysAgo, test } from './fixtures/auskunftTest.js';
import { AppShell } from './pages/AppShell.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { SAMPLE_SUBJECT } from './pages/sampleSubject.js';

/** A letter the sample person sent on paper, scanned into the sample company's document folder. */
function scannedLetter(): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'auskunft-e2e-scan-'));
  try {
    const file = join(dir, 'brief.png');
    renderScan(file, ['Sehr geehrte Damen und Herren,', 'bitte kündigen Sie meinen Vertrag.', 'Kundennummer: K-10442', 'Jürgen Weiß'], { rotate: 1, noise: true });
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sampleWorkspace = readFileSync(new URL('../../assets/sample/auskunft.yaml', import.meta.url), 'utf8');

test.use({
  workspaceFiles: {
    'auskunft.yaml': `${sampleWorkspace}  - { id: post, type: documents, path: post/ }\n`,
    'post/2025/brief-weiss.png': scannedLetter(),
  },
});

test('a scanned letter is reviewed beside its page, with the matched words framed', async ({ app, page }) => {
  const created = await app.call('cases.create', { receivedOn: isoDaysAgo(3), subject: SAMPLE_SUBJECT, identityVerification: { method: 'knownContact', note: '' } });
  await app.call('search.start', { caseId: created.id });
  await expect.poll(async () => (await app.call('search.status', { caseId: created.id }))?.state, { timeout: 60_000 }).toBe('done');

  await app.open(page, `#/case/${created.id}/review`);
  const review = new ReviewPage(page);
  await review.select('post/2025/brief-weiss.png');
  await expect(review.detail.getByText('Text maschinell erkannt (OCR)')).toBeVisible();
  await expect(review.detail.getByText(/OCR \d+ %/).first()).toBeVisible();
  const scan = review.detail.getByTestId('scan-page');
  await expect(scan.getByRole('img', { name: /Seite 1 \(OCR-Sicherheit \d+ %\)/ })).toHaveAttribute('src', /^data:image\/png;base64,/);
  // The customer number is framed on the page: the box sits inside the drawn image.
  const box = scan.getByTestId('scan-box').first();
  await expect(box).toHaveAttribute('title', 'K-10442');
  const [image, frame] = await Promise.all([scan.getByRole('img').boundingBox(), box.boundingBox()]);
  expect(frame!.width).toBeGreaterThan(10);
  expect(frame!.x).toBeGreaterThanOrEqual(image!.x);
  expect(frame!.x + frame!.width).toBeLessThanOrEqual(image!.x + image!.width);
  await new AppShell(page).screenshot('review-scan');
});
