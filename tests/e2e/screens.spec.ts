import { expect, isoDaysAgo, test } from './fixtures/auskunftTest.js';
import { expectAccessible } from './fixtures/axe.js';
import { AppShell } from './pages/AppShell.js';
import { CasePage } from './pages/CasePage.js';
import { CasesPage } from './pages/CasesPage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { SAMPLE_SUBJECT } from './pages/sampleSubject.js';
import { SearchPage } from './pages/SearchPage.js';
import { SourcesPage } from './pages/SourcesPage.js';

/**
 * Every screen and dialog: axe-core finds no serious or critical violation, and a screenshot of each
 * is kept in test-results/screens/. The English run checks the screens whose text differs in length
 * the most with axe, and screenshots all of them.
 */
const AXE_IN_ENGLISH = new Set(['cases', 'review', 'export']);
for (const lang of ['de', 'en'] as const) {
  test(`every screen is accessible (${lang}) and has a screenshot`, async ({ app, page }) => {
    const shell = new AppShell(page);
    const suffix = lang === 'de' ? '' : '-en';
    test.setTimeout(180_000);
    const snap = async (name: string) => {
      if (lang === 'de' || AXE_IN_ENGLISH.has(name)) await expectAccessible(page, `${name}${suffix}`);
      await shell.screenshot(`${name}${suffix}`);
    };
    // Three cases: one due soon, one overdue, one extended, so the list shows its warnings.
    const soon = await app.call('cases.create', { receivedOn: isoDaysAgo(27), subject: SAMPLE_SUBJECT, identityVerification: { method: 'knownContact', note: 'bekannte Adresse' } });
    await app.call('cases.create', { receivedOn: isoDaysAgo(40), subject: { name: 'Erika Muster', emails: ['erika.muster@muster.example'] }, identityVerification: { method: 'callback', note: '' } });
    const extended = await app.call('cases.create', { receivedOn: isoDaysAgo(10), subject: { name: 'Max Mustermann', customerIds: ['K-20001'] }, identityVerification: { method: 'customerAccount', note: '' } });
    await app.call('cases.extend', { caseId: extended.id, reason: 'Viele Systeme und ein Archiv auf Band', lang: 'de' });
    await app.call('search.start', { caseId: soon.id });
    await expect.poll(async () => (await app.call('search.status', { caseId: soon.id }))?.state).toBe('done');

    await app.open(page);
    if (lang === 'en') await shell.setLanguage('en');
    const cases = new CasesPage(page);
    await expect(cases.table.getByRole('row')).toHaveCount(4);
    await expect(cases.row(soon.id)).toContainText(lang === 'de' ? /fällig in \d Tag/ : /due in \d day/);
    await snap('cases');

    await cases.openNewCase();
    await snap('new-case');
    await page.keyboard.press('Escape');

    await shell.nav(/Quellen|Sources/).click();
    await expect(new SourcesPage(page).row('archive')).toBeVisible();
    const check = await new SourcesPage(page).check('archive');
    await expect(check).toContainText('✓');
    await snap('sources');
    const form = await new SourcesPage(page).openAdd();
    await form.getByLabel(/^(Art|Type)$/).selectOption('imap');
    await snap('source-form');
    await page.keyboard.press('Escape');

    await shell.nav(/Verarbeitungsverzeichnis|Register of processing/).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('article.activity').first()).toBeVisible();
    await snap('register');

    await page.goto(`${app.bridge.origin}/#/case/${soon.id}/overview`);
    const casePage = new CasePage(page);
    await expect(page.getByTestId('total-findings')).toBeVisible();
    await snap('overview');

    await casePage.tab('search');
    await new SearchPage(page).start();
    await new SearchPage(page).waitUntilDone();
    await snap('search');

    await casePage.tab('review');
    const review = new ReviewPage(page);
    await review.select('Fwd: Störung Telefonanlage');
    await snap('review');
    await review.key('x');
    await expect(page.getByRole('dialog')).toBeVisible();
    await snap('exclude-dialog');
    await page.keyboard.press('Escape');

    await casePage.tab('export');
    await expect(page.getByTestId('count-open')).toBeVisible();
    await snap('export');

    await page.goto(`${app.bridge.origin}/#/case/${extended.id}/overview`);
    await expect(page.getByText(lang === 'de' ? /verlängert, ursprünglich/ : /extended, originally/)).toBeVisible();
    await page.getByRole('button', { name: lang === 'de' ? 'Mitteilung anzeigen' : 'Show notice' }).click();
    await expect(page.getByRole('dialog')).toContainText(lang === 'de' ? 'Art. 12 Abs. 3 Satz 2 DSGVO' : 'Art. 12(3) sentence 2 GDPR');
    await snap('extension-notice');
  });
}
