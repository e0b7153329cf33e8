import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './fixtures/bridgeProcess.js';
import { expect, test } from './fixtures/auskunftTest.js';
import { AppShell } from './pages/AppShell.js';
import { CasePage } from './pages/CasePage.js';
import { searchedSampleCase } from './pages/searchedCase.js';

// The sample web log with three lines no log format knows, on lines 2, 4 and 6.
const good = readFileSync(join(ROOT, 'assets', 'sample', 'logs', 'access.log'), 'utf8').trimEnd().split('\n');
const broken = [good[0], '##### garbled #####', good[1], '\u0000\u0001 binary noise', good[2], 'not a log line at all', ...good.slice(3)].join('\n');

test.use({ workspaceFiles: { 'logs/access.log': `${broken}\n` } });

test('the search shows each source with its counts, and warnings in plain words with their lines', async ({ app, page }) => {
  const { search } = await searchedSampleCase(app, page, 1);
  const weblog = search.source('weblog');
  await expect(weblog).toContainText('7 Datensätze geprüft');
  await expect(weblog.locator('.warnings')).toContainText('3 Zeilen mit Problemen: Zeilen 2, 4, 6');
  await expect(search.source('archive')).toContainText('vollständig');
  await expect(search.source('archive').locator('progress')).toHaveAttribute('value', '1');
  await new AppShell(page).screenshot('search-warnings');

  // The overview names what was not read completely, before anyone starts reviewing.
  await new CasePage(page).tab('overview');
  await expect(page.getByTestId('total-findings')).toBeVisible();
});
