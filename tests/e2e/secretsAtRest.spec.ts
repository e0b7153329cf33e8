import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, isoDaysAgo, test } from './fixtures/auskunftTest.js';
import { AppShell } from './pages/AppShell.js';
import { SAMPLE_SUBJECT } from './pages/sampleSubject.js';
import { SourcesPage } from './pages/SourcesPage.js';

const IMAP_PASSWORD = 'Imap-Passw0rt-e2e-4711!';
const ZIP_PASSWORD = 'Zip-Passw0rt-e2e-0815!';

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Where a secret occurs in a buffer, as UTF-8 or UTF-16 (SQLite stores text in either). */
function occurs(haystack: Buffer, secret: string): boolean {
  return haystack.includes(Buffer.from(secret, 'utf8')) || haystack.includes(Buffer.from(secret, 'utf16le'));
}

test('the IMAP password and the case store key reach no file, log or export', async ({ app, page }) => {
  test.setTimeout(120_000);
  // The IMAP password is typed into the source form: it goes to the keychain, the file gets a reference.
  await app.open(page, '#/sources');
  const sources = new SourcesPage(page);
  await sources.add(
    'imap',
    [
      [/^Kennung/, 'office'],
      [/^Server/, '127.0.0.1'],
      [/^Port/, '9'],
      [/^Benutzer/, 'office'],
    ],
    IMAP_PASSWORD,
  );
  await expect(sources.row('office')).toContainText('Passwort im Schlüsselbund');
  const workspaceYaml = readFileSync(app.workspaceFile, 'utf8');
  expect(workspaceYaml).toMatch(/id: office/);
  expect(workspaceYaml).toMatch(/password:\s*\{?\s*keychain: /);
  // Nothing listens on port 9: the check fails, and says so without the password.
  const check = await sources.check('office');
  await expect(check).toContainText('✗');
  await new AppShell(page).screenshot('sources-with-imap');

  // A whole case: search (the IMAP source fails, having used the password), decide, export with a ZIP password.
  const created = await app.call('cases.create', { receivedOn: isoDaysAgo(2), subject: SAMPLE_SUBJECT, identityVerification: { method: 'knownContact', note: '' } });
  await app.call('search.start', { caseId: created.id });
  await expect.poll(async () => (await app.call('search.status', { caseId: created.id }))?.state, { timeout: 30_000 }).toBe('done');
  const status = await app.call('search.status', { caseId: created.id });
  expect(status!.sources.find((s) => s.id === 'office')!.state).toBe('failed');
  const list = await app.call('review.list', { caseId: created.id, lang: 'de' });
  await app.call('review.decide', { caseId: created.id, findingIds: list.rows.map((r) => r.id), decision: 'include', reason: null });
  const exported = await app.call('exports.start', { caseId: created.id, lang: 'de', password: ZIP_PASSWORD, acceptUndecided: false });
  await expect.poll(async () => (await app.call('exports.status', { exportId: exported.exportId }))?.state, { timeout: 60_000 }).toBe('done');
  const done = await app.call('exports.status', { exportId: exported.exportId });
  expect(done!.summary!.zip).not.toBeNull();

  // Stop the bridge so SQLite has checkpointed and closed everything it writes.
  await app.bridge.stop();
  const files = allFiles(app.dir);
  expect(files.some((f) => f.endsWith('cases.db'))).toBe(true);
  expect(files.some((f) => f.startsWith(app.exportsDir))).toBe(true);
  for (const file of files) {
    const bytes = readFileSync(file);
    expect(occurs(bytes, IMAP_PASSWORD), `IMAP password in ${file}`).toBe(false);
    expect(occurs(bytes, app.dbKey), `case store key in ${file}`).toBe(false);
    expect(occurs(bytes, ZIP_PASSWORD), `ZIP password in ${file}`).toBe(false);
  }
  const logs = Buffer.from(app.bridge.output());
  for (const secret of [IMAP_PASSWORD, app.dbKey, ZIP_PASSWORD]) expect(occurs(logs, secret), 'secret in the bridge output').toBe(false);

  // The store is encrypted at rest: no SQLite header, no plaintext identifiers.
  const db = readFileSync(app.dbFile);
  expect(db.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  expect(occurs(db, 'j.weiss@beispiel-gmbh.de')).toBe(false);
});
