import { expect, test } from './fixtures/auskunftTest.js';
import { expectAccessible } from './fixtures/axe.js';
import { CasePage } from './pages/CasePage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { searchedSampleCase } from './pages/searchedCase.js';

const TRACKING_URL = 'https://click.tracker.example/c/abcdefghijklmnopqrstuvwxyz0123456789?utm_source=mail&id=42';

/** A mail from the person with a text and an HTML part: a tracking link in the text, a tracking pixel in the HTML. */
const TRACKED_MAIL = [
  'From: =?UTF-8?Q?J=C3=BCrgen_Wei=C3=9F?= <j.weiss@beispiel-gmbh.de>',
  'To: Vertrieb <vertrieb@fluxpunkt.example>',
  'Subject: Rueckfrage zu K-10442',
  'Date: Tue, 04 Feb 2025 10:00:00 +0100',
  'Message-ID: <why-matched@beispiel-gmbh.de>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="alt"',
  '',
  '--alt',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Guten Tag,',
  'bitte prüfen Sie mein Konto K-10442.',
  `Zum Newsletter: ${TRACKING_URL}`,
  'Gruß',
  '--alt',
  'Content-Type: text/html; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  '<html><body><p>Guten Tag, bitte prüfen Sie mein Konto K-10442.</p><img src="https://pixel.tracker.example/open.gif" width="1" height="1"><p>Gruß</p></body></html>',
  '--alt--',
  '',
].join('\r\n');

test.use({ workspaceFiles: { 'mail/export/why-matched.eml': TRACKED_MAIL } });

test('the review shows why a finding matched: fields in words, identifiers highlighted in text and HTML, links and blocked images named', async ({ app, page }) => {
  await searchedSampleCase(app, page);
  await new CasePage(page).tab('review');
  const review = new ReviewPage(page);
  await review.select('Rueckfrage zu K-10442');

  // Where it matched, in words rather than header keys.
  const matches = review.detail.locator('.matches');
  await expect(matches).toContainText('(Absender)');
  await expect(matches).toContainText('(Betreff)');
  await expect(matches).toContainText('(Text)');
  await expect(matches).not.toContainText(/\((from|subject|body)\)/);
  // The identifiers are highlighted in the record itself.
  await expect(review.record.locator('[data-field="from"] mark.match')).toHaveText(['Jürgen Weiß', 'j.weiss@beispiel-gmbh.de']);
  await expect(review.record.locator('[data-field="subject"] mark.match')).toHaveText('K-10442');
  await expect(review.record.locator('[data-field="text"] mark.match')).toHaveText(['K-10442']);

  // The tracking link reads as its host; the URL is only its tooltip.
  const body = review.record.locator('[data-field="text"]');
  expect(await body.innerText()).not.toContain('utm_source');
  const link = body.locator('.long-url');
  await expect(link).toHaveAttribute('title', TRACKING_URL);
  expect(await link.evaluate((e) => getComputedStyle(e, '::before').content)).toBe('"[Link: click.tracker.example]"');
  await expectAccessible(page, 'review: why it matched, text view');

  // The HTML view keeps the headers, says what it blocked, and highlights the identifiers too.
  await review.detail.getByRole('button', { name: 'HTML' }).click();
  const headers = review.record.locator('.mail-headers');
  for (const name of ['Von', 'An', 'Betreff', 'Datum']) await expect(headers.getByText(name, { exact: true })).toBeVisible();
  await expect(review.record.getByTestId('blocked-images')).toHaveText('1 externes Bild blockiert');
  const frame = page.frameLocator('[data-testid="mail-frame"]');
  await expect(frame.locator('mark.match')).toHaveText(['K-10442']);
  // The frame is about as tall as the short mail: all of it shows, with no tall empty box below.
  const box = await page.getByTestId('mail-frame').boundingBox();
  expect(box!.height).toBeLessThan(200);
  const inner = page.frames().find((f) => f !== page.mainFrame() && f.parentFrame() === page.mainFrame())!;
  const contentHeight = await inner.evaluate(() => document.documentElement.scrollHeight);
  expect(contentHeight).toBeLessThanOrEqual(box!.height);
  await expectAccessible(page, 'review: why it matched, HTML view');

  // An identifier in an attachment names the attachment.
  await review.select('Offene Posten');
  await expect(review.detail.locator('.matches')).toContainText('(Anhang offene-posten.csv)');
});
