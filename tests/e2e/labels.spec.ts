import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures/auskunftTest.js';
import { expectAccessible } from './fixtures/axe.js';
import { ROOT, startBridgeProcess } from './fixtures/bridgeProcess.js';
import { CasePage } from './pages/CasePage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { searchedSampleCase } from './pages/searchedCase.js';

/** The sample workspace with a plain name for its mail archive. */
const LABELLED_WORKSPACE = readFileSync(join(ROOT, 'assets', 'sample', 'auskunft.yaml'), 'utf8').replace('{ id: archive, type: mbox,', '{ id: archive, label: Archiv Vertrieb, type: mbox,');

/** A mail from the person with a 131 KB attachment. */
const MAIL_WITH_ATTACHMENT = [
  'From: <j.weiss@beispiel-gmbh.de>',
  'To: <vertrieb@fluxpunkt.example>',
  'Subject: Bericht im Anhang',
  'Date: Tue, 04 Feb 2025 10:00:00 +0100',
  'Message-ID: <attachment-size@beispiel-gmbh.de>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="mix"',
  '',
  '--mix',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Anbei der Bericht.',
  '--mix',
  'Content-Type: application/octet-stream; name="bericht.bin"',
  'Content-Disposition: attachment; filename="bericht.bin"',
  'Content-Transfer-Encoding: base64',
  '',
  ...(Buffer.alloc(131 * 1024, 7).toString('base64').match(/.{1,76}/g) ?? []),
  '--mix--',
  '',
].join('\r\n');

test.use({ workspaceFiles: { 'auskunft.yaml': LABELLED_WORKSPACE, 'mail/export/attachment-size.eml': MAIL_WITH_ATTACHMENT } });

test('the review names a source by its label, keeps the locator folded away and shows sizes in KB', async ({ app, page }) => {
  await searchedSampleCase(app, page);
  await expect(page.locator('[data-source="archive"] .source-line strong')).toHaveText('Archiv Vertrieb');
  await expect(page.locator('[data-source="crm"] .source-line strong')).toHaveText('crm (table)');
  // The overview's chart names the source the same way.
  await new CasePage(page).tab('overview');
  await expect(page.getByRole('figure', { name: 'Treffer je Quelle' })).toContainText('Archiv Vertrieb');
  await new CasePage(page).tab('review');
  const review = new ReviewPage(page);
  await review.expectActive('Angebot für Telefonanlage');

  // The list, the filter and the detail say "Archiv Vertrieb", never the id or the type.
  const row = review.options.filter({ hasText: 'Angebot für Telefonanlage' });
  await expect(row).toContainText('Archiv Vertrieb');
  await expect(row).not.toContainText(/archive|mbox/);
  await expect(page.getByRole('search').getByLabel('Quelle').locator('option', { hasText: 'Archiv Vertrieb' })).toHaveAttribute('value', 'archive');
  await expect(review.detail.getByTestId('detail-source')).toHaveText('Archiv Vertrieb');

  // The technical locator is there, folded into "Fundstelle".
  const locator = review.detail.getByTestId('locator');
  await expect(locator.getByText('Fundstelle')).toBeVisible();
  await expect(locator.locator('code')).toBeHidden();
  await locator.getByText('Fundstelle').click();
  await expect(locator.locator('code')).toContainText('messageId');
  await expectAccessible(page, 'review: labelled source, locator open');

  // Filtering by the labelled source works as by its id.
  await review.filter(/Quelle/, 'archive');
  await expect(review.options.first()).toContainText('Archiv Vertrieb');
  const fromArchive = await review.options.count();
  await review.filter(/Quelle/, '');
  // The text search finds the source by its label too.
  await page.getByRole('search').getByLabel('Suchen').fill('archiv vertrieb');
  await expect(review.options).toHaveCount(fromArchive);
  await page.getByRole('search').getByLabel('Suchen').fill('');

  await review.select('Bericht im Anhang');
  await expect(review.record.locator('.attachments')).toContainText('bericht.bin (131 KB)');
});

test('without AUSKUNFT_DB_KEY the banner says how to set it, and can be hidden for the session', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'auskunft-e2e-nokey-'));
  cpSync(join(ROOT, 'assets', 'sample'), join(dir, 'sample'), { recursive: true });
  cpSync(join(ROOT, 'assets', 'register'), join(dir, 'register'), { recursive: true });
  // The fixture's bridge always has a key; this one starts without (the child's env is spawned synchronously).
  const previous = process.env['AUSKUNFT_DB_KEY'];
  delete process.env['AUSKUNFT_DB_KEY'];
  const starting = startBridgeProcess(['--workspace', join(dir, 'sample', 'auskunft.yaml'), '--db', join(dir, 'data', 'cases.db'), '--exports', join(dir, 'exports'), '--port', '0'], {});
  if (previous !== undefined) process.env['AUSKUNFT_DB_KEY'] = previous;
  const bridge = await starting;
  try {
    await page.goto(bridge.url);
    const banner = page.getByTestId('db-key-banner');
    await expect(banner).toContainText('nicht verschlüsselt');
    await expect(banner.locator('code')).toContainText('AUSKUNFT_DB_KEY="$(openssl rand -base64 32)"');
    await expectAccessible(page, 'cases with the DB-key banner');
    await banner.getByRole('button', { name: 'Für diese Sitzung ausblenden' }).click();
    await expect(banner).toBeHidden();
    // Hidden for this session: a reload keeps it hidden; a new session shows it again.
    await page.reload();
    await expect(page.getByRole('navigation', { name: /Hauptnavigation/ })).toBeVisible();
    await expect(banner).toBeHidden();
    const fresh = await page.context().browser()!.newPage();
    await fresh.goto(bridge.url);
    await expect(fresh.getByTestId('db-key-banner')).toBeVisible();
    await fresh.close();
  } finally {
    await bridge.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
