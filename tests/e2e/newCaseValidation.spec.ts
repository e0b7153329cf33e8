import { expect, isoDaysAgo, test } from './fixtures/auskunftTest.js';
import { expectAccessible } from './fixtures/axe.js';
import { CasesPage } from './pages/CasesPage.js';
import { SAMPLE_SUBJECT } from './pages/sampleSubject.js';

const german = (iso: string) => iso.split('-').reverse().join('.');

test('Neuer Fall: every problem in German at its field, all at once, the focus on the first; then the case is created', async ({ app, page }) => {
  await app.open(page, '#/cases');
  const dialog = await new CasesPage(page).openNewCase();
  const field = (label: RegExp) => dialog.getByLabel(label);
  const date = field(/Eingang des Antrags/);
  await expect(date).toHaveValue(german(isoDaysAgo(0))); // TT.MM.JJJJ, not the browser's 12/07/2026
  await expect(dialog.locator('form')).toHaveAttribute('novalidate', '');

  await date.fill('31.02.2026');
  await field(/E-Mail-Adressen/).fill('j.weiss@beispiel-gmbh.de\nkaputt');
  await field(/Telefonnummern/).fill('12345');
  await field(/Weitere Kennungen/).fill('123 456 789');
  await dialog.getByRole('radio', { name: /Ausweis/ }).check();
  await dialog.getByRole('button', { name: 'Fall anlegen' }).click();

  await expect(dialog.getByTestId('form-issues')).toHaveText('5 Angaben sind zu korrigieren, sie sind an den Feldern markiert.');
  await expect(date).toBeFocused();
  await expect(dialog.locator('#nc-received-error')).toHaveText('Bitte ein Datum im Format TT.MM.JJJJ eingeben.');
  await expect(dialog.locator('#nc-emails-error')).toHaveText('Eintrag 2 „kaputt“: keine E-Mail-Adresse (erwartet: name@domain.de)');
  await expect(dialog.locator('#nc-phones-error')).toHaveText(/^Eintrag 1 „12345“: .*(Vorwahl|Telefonnummer)/);
  await expect(dialog.locator('#nc-other-error')).toHaveText(/^Eintrag 1 „123 456 789“: Bezeichnung fehlt/);
  await expect(dialog.locator('#nc-note-error')).toHaveText(/^Ein Ausweis ist nur bei begründeten Zweifeln verhältnismäßig/);
  for (const id of ['nc-received', 'nc-emails', 'nc-phones', 'nc-other', 'nc-note']) await expect(dialog.locator(`#${id}`)).toHaveAttribute('aria-invalid', 'true');
  // No developer strings, no English.
  await expect(dialog).not.toContainText(/cases\.create|expected|emails\[|Invalid input/);
  await expectAccessible(page, 'new-case-errors');

  // Fixing a field clears its message as the officer types; the rest stay.
  await date.fill(german(isoDaysAgo(2)));
  await expect(dialog.locator('#nc-received-error')).toHaveCount(0);
  await expect(dialog.getByTestId('form-issues')).toHaveText(/^4 Angaben/);

  await field(/E-Mail-Adressen/).fill('J.Weiss@Beispiel-GmbH.de');
  await field(/Telefonnummern/).fill('0711 12345678');
  await field(/Weitere Kennungen/).fill('TeamViewer-ID: 123 456 789');
  await dialog.getByRole('radio', { name: /Bekannter Kontaktweg/ }).check();
  // The normal forms as the search uses them.
  const check = dialog.getByTestId('subject-check');
  await expect(check.locator('[data-type="email"] code')).toHaveText('j.weiss@beispiel-gmbh.de');
  await expect(check.locator('[data-type="phone"] code')).toHaveText('+4971112345678');
  await expect(dialog.getByTestId('form-issues')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Fall anlegen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/case\/AUS-/);
  const id = decodeURIComponent(/#\/case\/([^/]+)/.exec(page.url())![1]!);
  const created = await app.call('cases.get', { caseId: id, lang: 'de' });
  expect(created).toMatchObject({ receivedOn: isoDaysAgo(2), subjectName: null, subject: { otherIds: [{ label: 'TeamViewer-ID', value: '123 456 789' }] } });
});

test('Neuer Fall: without any identifier the group says so and the name gets the focus; in English the messages are English', async ({ app, page }) => {
  await app.open(page, '#/cases');
  const dialog = await new CasesPage(page).openNewCase();
  await dialog.getByRole('button', { name: 'Fall anlegen' }).click();
  await expect(dialog.locator('#nc-subject-error')).toHaveText(/^Mindestens einen Identifikator angeben/);
  await expect(dialog.getByLabel(/^Name$/)).toBeFocused();
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();

  await page.getByRole('combobox', { name: /Sprache|Language/ }).selectOption('en');
  const english = await new CasesPage(page).openNewCase();
  await english.getByLabel(/Request received on/).fill('2026-02-31');
  await english.getByRole('button', { name: 'Create case' }).click();
  await expect(english.locator('#nc-received-error')).toHaveText('Enter a date as YYYY-MM-DD.');
  await expect(english.locator('#nc-subject-error')).toHaveText(/^Give at least one identifier/);
});

test('identifiers as typed: duplicates merged, the controller\'s own address guarded, an open case for the person linked', async ({ app, page }) => {
  const existing = await app.call('cases.create', { receivedOn: isoDaysAgo(3), subject: SAMPLE_SUBJECT, identityVerification: { method: 'knownContact', note: '' } });
  await app.open(page, '#/cases');
  const dialog = await new CasesPage(page).openNewCase();
  await dialog.getByLabel(/E-Mail-Adressen/).fill('J.Weiss@Beispiel-GmbH.de\nj.weiss@beispiel-gmbh.de\nsupport@fluxpunkt.example');
  await dialog.getByLabel(/IP-Adressen/).fill('2001:DB8:0:0::7');
  const check = dialog.getByTestId('subject-check');
  await expect(check.locator('[data-type="email"]').first()).toContainText('j.weiss@beispiel-gmbh.de (2 Einträge zusammengeführt)');
  await expect(check.locator('[data-type="ip"] code')).toHaveText('2001:db8::7');
  const warnings = dialog.getByTestId('subject-warnings');
  await expect(warnings.locator('[data-kind="controller-address"]')).toContainText('support@fluxpunkt.example ist eine eigene Adresse des Verantwortlichen');
  const openCase = warnings.locator('[data-kind="open-case"]').first();
  await expect(openCase).toContainText(existing.id);
  await expectAccessible(page, 'new-case-identifiers');
  await openCase.getByRole('link', { name: `Fall ${existing.id} öffnen` }).click();
  await expect(page).toHaveURL(new RegExp(`#/case/${existing.id}/overview`));
});
