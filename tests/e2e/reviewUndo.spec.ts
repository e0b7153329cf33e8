import { expect, test } from './fixtures/auskunftTest.js';
import { expectAccessible } from './fixtures/axe.js';
import { CasePage } from './pages/CasePage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { searchedSampleCase } from './pages/searchedCase.js';

test('u takes back the last decision or redaction, single or bulk, and the undo button says what it undoes', async ({ app, page }) => {
  await searchedSampleCase(app, page);
  await new CasePage(page).tab('review');
  const review = new ReviewPage(page);
  const undo = review.detail.getByTestId('undo');
  await review.expectActive('Angebot für Telefonanlage');
  // Nothing done yet: the button is disabled, and says so.
  await expect(undo).toBeDisabled();
  await expect(page.getByText(/u rückgängig/)).toBeVisible();

  // i includes and moves on; u takes it back and shows that finding again.
  await review.key('i');
  await review.expectActive('Rueckmeldung Kunde');
  await expect(review.options.filter({ hasText: 'Angebot für Telefonanlage' })).toContainText('Aufgenommen');
  await expect(undo).toBeEnabled();
  await expect(undo).toHaveAccessibleName('Rückgängig: Aufnehmen von „Angebot für Telefonanlage“');
  await expect(review.detail.getByTestId('undo-last')).toContainText('Aufnehmen von „Angebot für Telefonanlage“');
  await expectAccessible(page, 'review: with an action to undo');
  await review.key('u');
  await review.expectActive('Angebot für Telefonanlage');
  await expect.poll(() => review.decision()).toBe('open');
  await expect(review.options.filter({ hasText: 'Angebot für Telefonanlage' })).toContainText('Offen');
  await expect(undo).toBeDisabled();

  // A redaction of an undecided finding: u removes it and leaves the finding open, as it was.
  await review.select('Rueckmeldung Kunde');
  await review.selectText('Max Agent');
  await review.redactSelection('Art. 15 Abs. 4 DSGVO: Name eines Mitarbeiters');
  await expect.poll(() => review.decision()).toBe('redact');
  await expect(review.record.locator('mark.redacted').first()).toHaveText('Max Agent');
  await expect(undo).toHaveAccessibleName('Rückgängig: Schwärzen in „Rueckmeldung Kunde“');
  await review.key('u');
  await expect(review.record.locator('mark.redacted')).toHaveCount(0);
  await expect.poll(() => review.decision()).toBe('open');

  // An exclusion, its reason chosen from the suggestions shown at once; the button undoes it too.
  await review.key('x');
  const dialog = page.getByRole('dialog', { name: /ausschließen/ });
  await expect(dialog.getByRole('button', { name: 'Doppelt vorhanden' })).toBeVisible();
  await expectAccessible(page, 'review: exclude dialog with reasons');
  await dialog.getByRole('button', { name: 'Doppelt vorhanden' }).click();
  await expect(dialog.getByLabel('Grund')).toHaveValue('Doppelt vorhanden');
  await dialog.getByRole('button', { name: 'Ausschließen' }).click();
  await expect(dialog).toBeHidden();
  await expect(review.options.filter({ hasText: 'Rueckmeldung Kunde' })).toContainText('Ausgeschlossen');
  await undo.click();
  await review.expectActive('Rueckmeldung Kunde');
  await expect.poll(() => review.decision()).toBe('open');

  // A bulk action is one step back.
  const rows = await review.options.count();
  await page.getByRole('button', { name: /Angezeigte aufnehmen/ }).click();
  await page.getByRole('dialog', { name: /aufnehmen/ }).getByRole('button', { name: 'Aufnehmen' }).click();
  await expect(page.getByText(`${rows} von ${rows} angezeigt · 0 offen`)).toBeVisible();
  await expect(undo).toHaveAccessibleName(`Rückgängig: Aufnehmen von ${rows} Treffern`);
  await review.key('u');
  await expect(page.getByText(`${rows} von ${rows} angezeigt · ${rows} offen`)).toBeVisible();
});
