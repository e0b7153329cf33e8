import { expect, isoDaysAgo, test } from './fixtures/auskunftTest.js';
import { expectAccessible } from './fixtures/axe.js';
import { CasesPage } from './pages/CasesPage.js';
import { SAMPLE_SUBJECT } from './pages/sampleSubject.js';

test('case entry shows the normal forms and names a controller address, an unverified identifier and an open case for the same person', async ({ app, page }) => {
  const earlier = await app.call('cases.create', { receivedOn: isoDaysAgo(10), subject: SAMPLE_SUBJECT, identityVerification: { method: 'knownContact', note: '' } });

  await app.open(page, '#/');
  const cases = new CasesPage(page);
  const dialog = await cases.openNewCase();
  await dialog.getByLabel(/Eingang des Antrags|Request received on/).fill(isoDaysAgo(1));
  await dialog.getByLabel(/^Name$/).fill('Jürgen Weiß');
  await dialog.getByLabel(/E-Mail-Adressen|Email addresses/).fill('J.Weiss@Beispiel-GmbH.de\nvertrieb@fluxpunkt.example');
  await dialog.getByLabel(/IP-Adressen|IP addresses/).fill('2001:0db8:0:0::7');

  const check = dialog.getByTestId('subject-check');
  await expect(check).toContainText('j.weiss@beispiel-gmbh.de');
  await expect(check).toContainText('2001:db8::7');
  const warnings = dialog.getByTestId('subject-warnings');
  await expect(warnings.locator('[data-kind="controller-address"]')).toContainText('vertrieb@fluxpunkt.example');
  await expect(warnings.locator('[data-kind="open-case"]').filter({ hasText: 'j.weiss@beispiel-gmbh.de' })).toContainText(earlier.id);
  // A reply from the known address confirms the addresses, not the IP: the IP is named as unverified.
  await expect(warnings.locator('[data-kind="unverified"]')).toContainText('2001:db8::7');
  await expectAccessible(page, 'new-case-guard');

  await dialog.getByRole('button', { name: /Fall anlegen|Create case/ }).click();
  await expect(page).toHaveURL(/#\/case\/AUS-/);
  const caseId = decodeURIComponent(/#\/case\/([^/]+)/.exec(page.url())![1]!);
  const header = page.getByTestId('case-identifier-warnings');
  await expect(header.locator('[data-kind="controller-address"]')).toContainText('vertrieb@fluxpunkt.example');

  const detail = await app.call('cases.get', { caseId, lang: 'de' });
  expect(detail.subject.emails).toEqual(['j.weiss@beispiel-gmbh.de', 'vertrieb@fluxpunkt.example']);
  expect(detail.identifiers.find((i) => i.value === 'j.weiss@beispiel-gmbh.de')!.verification).toMatchObject({ method: 'knownContact' });
  expect(detail.identifiers.find((i) => i.value === '2001:db8::7')!.verification).toBeNull();
});
