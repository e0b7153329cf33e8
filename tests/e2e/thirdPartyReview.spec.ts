import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures/auskunftTest.js';
import { expectAccessible } from './fixtures/axe.js';
import { AppShell } from './pages/AppShell.js';
import { CasePage } from './pages/CasePage.js';
import { ExportPage } from './pages/ExportPage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { searchedSampleCase } from './pages/searchedCase.js';

/** Every file below `dir`, relative, with `/`. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
}

test('a mail whose CSV attachment lists another customer: flagged, r asks first, the row is blanked in the copy', async ({ app, page }) => {
  await searchedSampleCase(app, page);
  await new CasePage(page).tab('review');
  const review = new ReviewPage(page);
  await review.select('Offene Posten');

  // The flag, and the attachment read as text with the other customer's row suggested.
  await expect(review.detail.getByTestId('third-party-flag')).toHaveText('enthält Daten Dritter');
  const attachment = review.detail.getByTestId('attachment-text');
  await expect(attachment.getByRole('heading', { name: 'Anhang offene-posten.csv' })).toBeVisible();
  await expect(attachment.locator('mark.suggested')).toHaveText(['K-20001;Erika Muster;99,00']);
  // The controller's own mailboxes are never suggested; the subject's row is not either.
  await expect(review.detail.locator('.suggestions')).not.toContainText('buchhaltung@fluxpunkt.example');
  await expect(review.detail.locator('.suggestions')).not.toContainText('K-10442');

  await expectAccessible(page, 'review: finding with third-party data');

  // r with nothing selected asks, listing what would go; Escape keeps everything as it was.
  await review.key('r');
  const confirm = page.getByRole('dialog', { name: /Vorschläge übernehmen\?|Vorschlag übernehmen\?/ });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByTestId('suggestions-confirm')).toContainText('K-20001;Erika Muster;99,00');
  await expect(confirm.getByTestId('suggestions-confirm')).toContainText('steuerberater@kanzlei.example');
  await new AppShell(page).screenshot('third-party-confirm');
  await expectAccessible(page, 'review: confirm third-party suggestions');
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect.poll(() => review.decision()).toBe('open');
  await expect(review.record.locator('mark.redacted')).toHaveCount(0);

  // Asked again and confirmed with the keyboard alone: Tab from Cancel to the action, Enter.
  await review.key('r');
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Schwärzen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect.poll(() => review.decision()).toBe('redact');
  await expect(attachment.locator('mark.redacted')).toHaveText(['K-20001;Erika Muster;99,00']);
  await expect(review.record.locator('mark.redacted').filter({ hasText: 'steuerberater@kanzlei.example' })).toHaveCount(1);

  // The package: the CSV in its own format with the row blank, and neither the original nor the other customer anywhere.
  await new CasePage(page).tab('export');
  const packageDir = await new ExportPage(page).create({ acceptUndecided: true });
  const files = filesBelow(packageDir);
  const csv = files.find((f) => f.endsWith('offene-posten (geschwärzt).csv'));
  expect(csv, files.join('\n')).toBeDefined();
  expect(files.some((f) => f.endsWith('/offene-posten.csv'))).toBe(false);
  expect(new TextDecoder('windows-1252').decode(readFileSync(join(packageDir, csv!)))).toBe('Kundennummer;Name;Betrag\r\nK-10442;Jürgen Weiß;1.200,00\r\n;;\r\n');
  for (const f of files.filter((f) => !f.startsWith('intern/') && !f.endsWith('.pdf'))) {
    expect(readFileSync(join(packageDir, f)).toString('latin1'), f).not.toMatch(/K-20001|Erika Muster/);
  }
});
