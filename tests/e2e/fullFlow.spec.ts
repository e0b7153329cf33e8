import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { expect, isoDaysAgo, test } from './fixtures/auskunftTest.js';
import { AppShell } from './pages/AppShell.js';
import { CasePage } from './pages/CasePage.js';
import { CasesPage } from './pages/CasesPage.js';
import { ExportPage } from './pages/ExportPage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { SearchPage } from './pages/SearchPage.js';

/** Every file below `dir`, relative, with `/`. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
}

/** With AUSKUNFT_UPDATE_DOCS=1, the main screens are also written to docs/screenshot-<name>.png (README). */
async function docsScreenshot(shell: AppShell, name: string): Promise<void> {
  if (process.env['AUSKUNFT_UPDATE_DOCS']) await shell.screenshot(name, join(import.meta.dirname, '..', '..', 'docs', `screenshot-${name}.png`));
}

test('the whole job on the sample workspace: create a case, search, review, export', async ({ app, page }) => {
  // The whole job, screen by screen, takes ~50 s alone; beside another worker on two cores it needs more than the 60 s default.
  test.setTimeout(150_000);
  const shell = new AppShell(page);
  const cases = new CasesPage(page);
  const casePage = new CasePage(page);
  const search = new SearchPage(page);
  const review = new ReviewPage(page);
  const exportPage = new ExportPage(page);

  await app.open(page);
  await expect(cases.heading).toBeVisible();

  // 1. A new case with the person's identifiers and a proportionate identity check.
  const caseId = await cases.createCase({
    receivedOn: isoDaysAgo(26),
    name: 'Jürgen Weiß',
    emails: ['j.weiss@beispiel-gmbh.de'],
    phones: ['0711 12345678'],
    customerIds: ['K-10442'],
    note: 'Antrag kam von der im CRM hinterlegten Adresse',
  });
  await expect(casePage.title).toContainText('Jürgen Weiß');
  await expect(page.getByText(/fällig in \d+ Tagen?/)).toBeVisible();

  // 2. Search every source, with a progress entry per source.
  await casePage.tab('search');
  await search.start();
  await search.waitUntilDone();
  await expect(search.source('archive')).toContainText('vollständig');
  await expect(search.source('mails')).toContainText('vollständig');
  await expect(search.source('archive')).toContainText('4 Treffer');
  await shell.screenshot('search');
  await docsScreenshot(shell, 'search');

  // 3. The overview answers "how big is this request?".
  const listed = await app.call('review.list', { caseId, lang: 'de' });
  const total = listed.rows.length;
  const weak = listed.rows.filter((r) => r.strength === 'weak').length;
  const idOf = (title: string) => listed.rows.find((r) => r.title === title)!.id;
  expect(total).toBeGreaterThanOrEqual(7);
  await casePage.tab('overview');
  await expect(page.getByTestId('total-findings')).toHaveText(String(total));
  await expect(page.getByRole('figure', { name: 'Treffer je Quelle' })).toContainText('archive');
  await shell.screenshot('overview');
  await docsScreenshot(shell, 'overview');

  // 4. Review with the keyboard.
  await casePage.tab('review');
  await expect(review.options).toHaveCount(total);
  await review.expectActive('Angebot für Telefonanlage');
  await review.key('j');
  await review.expectActive('Rueckmeldung Kunde');
  await review.key('k');
  await review.expectActive('Angebot für Telefonanlage');

  // i includes and moves on.
  await review.key('i');
  await review.expectActive('Rueckmeldung Kunde');
  await expect(review.options.filter({ hasText: 'Angebot für Telefonanlage' })).toContainText('Aufgenommen');

  // r redacts the selected text of another person, with the reason recorded.
  await review.selectText('Max Agent');
  await review.redactSelection('Art. 15 Abs. 4 DSGVO: Name eines Mitarbeiters');
  await expect.poll(() => review.decision()).toBe('redact');
  await expect(review.record.locator('mark.redacted').first()).toHaveText('Max Agent');
  // A redaction can be taken back (logged); then it is put on again for the rest of the flow.
  await review.removeRedaction('Max Agent');
  await expect(review.record.locator('mark.redacted')).toHaveCount(0);
  await expect.poll(() => review.decision()).toBe('include');
  await review.selectText('Max Agent');
  await review.redactSelection('Art. 15 Abs. 4 DSGVO: Name eines Mitarbeiters');
  await expect(review.record.locator('mark.redacted').first()).toHaveText('Max Agent');

  // x excludes, and asks why.
  await review.key('j');
  await review.expectActive('Rueckrufbitte');
  await review.excludeCurrent('Interner Rückrufvermerk ohne weitere Daten der Person');
  await expect(review.options.filter({ hasText: 'Rueckrufbitte' })).toContainText('Ausgeschlossen');

  // Suggested redactions of third parties' data (Art. 15(4)), in the mail and its CSV attachment,
  // accepted in one go. The company's own mailboxes (support@, technik@ …) are never suggested.
  await review.select('Fwd: Störung Telefonanlage');
  await expect(review.detail.getByRole('heading', { name: /Vorschläge? zur Schwärzung/ })).toHaveCount(0);
  await review.select('Offene Posten');
  await expect(review.detail.getByRole('heading', { name: /Vorschläge? zur Schwärzung/ })).toBeVisible();
  await review.detail.getByRole('button', { name: /Alle \d+ Vorschläge übernehmen|Vorschlag übernehmen/ }).click();
  await expect.poll(() => review.decision()).toBe('redact');
  await expect(review.record.locator('mark.redacted').filter({ hasText: 'steuerberater@kanzlei.example' })).toHaveCount(1);

  // Bulk: the weak (name-only) findings are excluded with one reason …
  await review.filter(/Stärke|Strength/, 'weak');
  await expect(review.options).toHaveCount(weak);
  await page.getByRole('button', { name: /Angezeigte ausschließen/ }).click();
  const bulk = page.getByRole('dialog', { name: /Treffer ausschließen/ });
  await bulk.getByLabel('Grund').fill('Betrifft eine andere Person');
  await bulk.getByRole('button', { name: 'Ausschließen' }).click();
  await expect(bulk).toBeHidden();
  // … and the rest that is still open is included.
  await review.filter(/Stärke|Strength/, '');
  await review.filter(/Entscheidung|Decision/, 'open');
  const rest = total - 4 - weak;
  await expect(review.options).toHaveCount(rest);
  await page.getByRole('button', { name: /Angezeigte aufnehmen/ }).click();
  await page.getByRole('dialog', { name: /aufnehmen/ }).getByRole('button', { name: 'Aufnehmen' }).click();
  await expect(review.options).toHaveCount(0);
  await review.filter(/Entscheidung|Decision/, '');
  await expect(page.getByText(`${total} von ${total} angezeigt · 0 offen`)).toBeVisible();
  await review.select('Rueckmeldung Kunde');
  await expect(page.locator('.toast')).toHaveCount(0);
  await shell.screenshot('review');
  await docsScreenshot(shell, 'review');

  // 5. Export: the package, with progress, then its folder.
  await casePage.tab('export');
  await expect(exportPage.count('include')).toHaveText(String(1 + rest));
  await expect(exportPage.count('redact')).toHaveText('2');
  await expect(exportPage.count('exclude')).toHaveText(String(1 + weak));
  await expect(exportPage.count('open')).toHaveText('0');
  const packageDir = await exportPage.create();
  await shell.screenshot('export');
  await docsScreenshot(shell, 'export');
  expect(packageDir.startsWith(app.exportsDir)).toBe(true);

  // 6. The package: letter, machine-readable copy, originals, manifest; the internal report beside it, never inside.
  const files = filesBelow(packageDir);
  expect(files).toContain('data.json');
  expect(files).toContain('manifest.json');
  expect(files.some((f) => f.endsWith('.pdf'))).toBe(true);
  expect(files.some((f) => f.startsWith('intern'))).toBe(false);
  expect(filesBelow(`${packageDir}.intern`)).toEqual(['Bericht-intern.json', 'Bericht-intern.pdf']);

  const data = JSON.parse(readFileSync(join(packageDir, 'data.json'), 'utf8')) as { items: { id: string; title: string }[] };
  const excluded = new Set([idOf('Rueckrufbitte'), ...listed.rows.filter((r) => r.strength === 'weak').map((r) => r.id)]);
  const itemIds = data.items.map((i) => i.id).sort();
  expect(itemIds).toEqual(listed.rows.map((r) => r.id).filter((id) => !excluded.has(id)).sort());

  // Redacted text is gone from everything that leaves the house.
  for (const file of files.filter((f) => !f.endsWith('.pdf') && !f.endsWith('.zip'))) {
    const text = readFileSync(join(packageDir, file), 'utf8');
    expect(text, file).not.toContain('Max Agent');
    expect(text.toLowerCase(), file).not.toContain('steuerberater@kanzlei.example');
    expect(text, file).not.toContain('K-20001');
  }

  // The manifest's checksums match the files.
  const manifest = JSON.parse(readFileSync(join(packageDir, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
  for (const entry of manifest.files) {
    expect(createHash('sha256').update(readFileSync(join(packageDir, entry.path))).digest('hex'), entry.path).toBe(entry.sha256);
  }
  expect(existsSync(join(packageDir, 'manifest.json'))).toBe(true);

  // Every decision is in the case's audit log.
  const audit = await app.call('review.audit', { caseId });
  expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['case.created', 'search.recorded', 'finding.decided', 'finding.redacted', 'finding.unredacted', 'package.exported']));
});
