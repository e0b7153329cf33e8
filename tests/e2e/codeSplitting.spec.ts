import { expect, isoDaysAgo, test } from './fixtures/auskunftTest.js';
import { AppShell } from './pages/AppShell.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { SAMPLE_SUBJECT } from './pages/sampleSubject.js';

/**
 * The renderer is split into chunks (vite.config.ts, src/renderer/app/screenModules.ts): opening a
 * review loads the shell and the review's own code only. Other screens, DOMPurify with the HTML-mail
 * frame and the English texts come when they are first needed, from the app itself, with the right
 * content type, and without any CSP violation (script-src 'self', no eval, no inline script).
 */
test('a review loads only its own code; the rest comes when needed, under the CSP', async ({ app, page }) => {
  const scripts: { chunk: string; type: string | undefined; csp: string | undefined }[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/assets/') || !url.pathname.endsWith('.js')) return;
    const headers = response.headers();
    scripts.push({ chunk: url.pathname.replace(/^\/assets\/|-[\w-]{8}\.js$/g, ''), type: headers['content-type'], csp: headers['content-security-policy'] });
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const loaded = () => scripts.map((s) => s.chunk);

  const created = await app.call('cases.create', { receivedOn: isoDaysAgo(3), subject: SAMPLE_SUBJECT, identityVerification: { method: 'knownContact', note: '' } });
  await app.call('search.start', { caseId: created.id });
  await expect.poll(async () => (await app.call('search.status', { caseId: created.id }))?.state).toBe('done');

  await app.open(page, `#/case/${created.id}/review`);
  const review = new ReviewPage(page);
  await expect(page.getByTestId('finding-list').getByRole('option').first()).toBeVisible();
  await expect(page.locator('select[data-filter="strength"]')).toBeEnabled();
  // IdentifierWarnings is its own chunk because the case header and the new-case dialog share it.
  expect(loaded().sort()).toEqual(['CaseLayout', 'IdentifierWarnings', 'ReviewScreen', 'index', 'shell', 'vendor']);

  // The HTML view of a mail brings DOMPurify and the sandboxed frame.
  await review.select('Teilnehmerliste Workshop');
  await review.detail.getByRole('button', { name: 'HTML' }).click();
  await expect(page.getByTestId('mail-frame')).toBeVisible();
  expect(loaded()).toContain('MailHtmlFrame');

  // English on request.
  const shell = new AppShell(page);
  await shell.setLanguage('en');
  await expect(shell.nav('Cases')).toBeVisible();
  expect(loaded()).toContain('en');

  // Other screens when opened.
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByTestId('total-findings')).toBeVisible();
  await shell.nav('Cases').click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  expect(loaded()).toEqual(expect.arrayContaining(['OverviewScreen', 'CasesScreen']));
  expect(loaded()).not.toContain('SourcesScreen');

  for (const script of scripts) {
    expect(script.type, script.chunk).toBe('text/javascript; charset=utf-8');
    expect(script.csp, script.chunk).toContain("script-src 'self'");
  }
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
});
