import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures/auskunftTest.js';
import { expectAccessible } from './fixtures/axe.js';
import { ROOT } from './fixtures/bridgeProcess.js';
import { CasePage } from './pages/CasePage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { searchedSampleCase } from './pages/searchedCase.js';

/** A small CRM as a SQLite file: the sample person, a look-alike customer, and orders referencing both. */
function crmDatabase(): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'auskunft-e2e-crm-'));
  try {
    const file = join(dir, 'crm.sqlite');
    const db = new Database(file);
    db.exec(`
      CREATE TABLE kunden (id INTEGER PRIMARY KEY, kundennummer TEXT, name TEXT, email TEXT);
      CREATE TABLE bestellungen (nr INTEGER PRIMARY KEY, kunde_id INTEGER REFERENCES kunden(id), artikel TEXT);
      INSERT INTO kunden VALUES (1, 'K-10442', 'Jürgen Weiß', 'j.weiss@beispiel-gmbh.de'), (2, 'K-104421', 'Jana Weißenborn', 'xj.weiss@beispiel-gmbh.de');
      INSERT INTO bestellungen VALUES (100, 1, 'Telefonanlage TK-9'), (101, 2, 'Headset'), (102, 1, 'Wartungsvertrag');
    `);
    db.close();
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const WORKSPACE = readFileSync(join(ROOT, 'assets', 'sample', 'auskunft.yaml'), 'utf8').replace(
  'sources:\n',
  'sources:\n  - { id: lokal, label: CRM-Datenbank, type: database, driver: sqlite, path: daten/crm.sqlite, tables: all, activities: [orders] }\n',
);

test.use({ workspaceFiles: { 'auskunft.yaml': WORKSPACE, 'daten/crm.sqlite': crmDatabase() } });

test('a database source: the connection check, its tables with row counts, and its rows found by key and by reference', async ({ app, page }) => {
  await app.open(page, '#/sources');
  const row = page.locator('tr[data-source="lokal"]');
  await row.getByRole('button', { name: 'Verbindung von lokal prüfen' }).click();
  await expect(row).toContainText(/✓ SQLite .*2 Tabellen/);
  await row.getByRole('button', { name: 'Tabellen von lokal' }).click();
  const tables = row.getByRole('list', { name: 'Tabellen von lokal' });
  await expect(tables.getByRole('listitem')).toHaveText(['bestellungen: 3 Zeilen', 'kunden: 2 Zeilen']);
  await expectAccessible(page, 'sources with a database');

  // The person's customer row and the two orders that reference it; the look-alike and its order are not found.
  const { search } = await searchedSampleCase(app, page);
  await expect(search.source('lokal')).toContainText('vollständig');
  await new CasePage(page).tab('review');
  const review = new ReviewPage(page);
  await review.list.getByRole('option').first().waitFor();
  const fromDatabase = review.options.filter({ hasText: 'CRM-Datenbank' });
  await expect(fromDatabase).toHaveCount(3);
  await expect(fromDatabase.filter({ hasText: /kunden, id=1: Jürgen Weiß/ })).toHaveCount(1);
  await expect(fromDatabase.filter({ hasText: /id=2|nr=101/ })).toHaveCount(0);
  await fromDatabase.filter({ hasText: 'bestellungen, nr=102' }).click();
  // The order is found through its reference to the person's row, and says so; its fields are shown.
  await expect(review.detail).toContainText('kunde_id → kunden(id=1)');
  await expect(review.detail).toContainText('table: bestellungen, key: (nr=102)');
  await expect(review.record).toContainText('Wartungsvertrag');
  await expectAccessible(page, 'review of a database row');
});
