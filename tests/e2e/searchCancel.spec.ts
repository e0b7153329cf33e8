import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, isoDaysAgo, test } from './fixtures/auskunftTest.js';
import { expectAccessible } from './fixtures/axe.js';
import { ROOT } from './fixtures/bridgeProcess.js';
import { SAMPLE_SUBJECT } from './pages/sampleSubject.js';

const MESSAGES = 200_000;

/**
 * A large mbox: 200,000 short mails, each naming "Herr Weiß" (so none is skipped unparsed), every
 * hundredth from the person's own address (2,000 strong findings if the search ran to the end).
 */
function largeMbox(): Buffer {
  const parts: string[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const from = i % 100 === 0 ? 'j.weiss@beispiel-gmbh.de' : `kunde${i}@example.org`;
    parts.push(
      `From ${from} Mon Jan  6 09:00:00 2025\nFrom: <${from}>\nTo: <vertrieb@fluxpunkt.example>\nSubject: Anfrage ${i}\nDate: Mon, 06 Jan 2025 09:00:00 +0100\nMessage-ID: <m${i}@example.org>\n\nGuten Tag, bitte an Herrn Weiß weiterleiten. Vorgang ${i}.\n\n`,
    );
  }
  return Buffer.from(parts.join(''));
}

const WORKSPACE = readFileSync(join(ROOT, 'assets', 'sample', 'auskunft.yaml'), 'utf8').replace(
  'sources:\n',
  'sources:\n  - { id: gross, label: Großes Archiv, type: mbox, path: mail/gross.mbox }\n',
);

test.use({ workspaceFiles: { 'auskunft.yaml': WORKSPACE, 'mail/gross.mbox': largeMbox() } });

test('a search over 200,000 mails shows counts and time left, and a cancel leaves a clean cancelled state with no findings of that run', async ({ app, page }) => {
  test.setTimeout(150_000);
  const created = await app.call('cases.create', { receivedOn: isoDaysAgo(3), subject: SAMPLE_SUBJECT, identityVerification: { method: 'knownContact', note: '' } });
  await app.open(page, `#/case/${created.id}/search`);
  await page.getByRole('button', { name: /Suche starten/ }).click();

  // Progress with counts and an estimate, while the large archive is read.
  const gross = page.locator('li.source[data-source="gross"]');
  await expect(gross).toContainText('Großes Archiv');
  await expect(gross).toContainText(/[1-9][\d.]* Datensätze geprüft/, { timeout: 60_000 });
  await expect(gross).toContainText(/noch etwa/);
  await expectAccessible(page, 'search in progress');

  await page.getByRole('button', { name: 'Suche abbrechen' }).click();
  await expect(page.getByText('Suche abgebrochen. Das Ergebnis wurde nicht übernommen.')).toBeVisible({ timeout: 30_000 });
  await expect(gross).toContainText('abgebrochen');
  const status = await app.call('search.status', { caseId: created.id });
  expect(status?.state).toBe('cancelled');
  // Nothing of the cancelled run reached the case: no findings, not a part of them.
  const list = await app.call('review.list', { caseId: created.id, lang: 'de', offset: 0, limit: null });
  expect(list.total).toBe(0);
});
