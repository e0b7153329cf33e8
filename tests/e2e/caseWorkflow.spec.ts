import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, isoDaysAgo, test } from './fixtures/auskunftTest.js';
import { ROOT } from './fixtures/bridgeProcess.js';
import { expectAccessible } from './fixtures/axe.js';
import { CasePage } from './pages/CasePage.js';
import { ExportPage } from './pages/ExportPage.js';
import { SAMPLE_SUBJECT } from './pages/sampleSubject.js';

const german = (iso: string) => iso.split('-').reverse().join('.');

test('after "Paket erstellt" the officer marks the case sent with date and channel, then answered; each step is in the audit chain', async ({ app, page }) => {
  test.setTimeout(120_000); // writes a whole package: slow on a shared two-core machine
  const created = await app.call('cases.create', { receivedOn: isoDaysAgo(10), subject: SAMPLE_SUBJECT, identityVerification: { method: 'knownContact', note: '' } });
  await app.call('search.start', { caseId: created.id });
  await expect.poll(async () => (await app.call('search.status', { caseId: created.id }))?.state).toBe('done');

  await app.open(page, `#/case/${created.id}/export`);
  await new ExportPage(page).create({ acceptUndecided: true });

  const casePage = new CasePage(page);
  await casePage.statusButton('Versendet').click();
  const dialog = page.getByRole('dialog', { name: 'Antwort als versendet markieren' });
  await expect(dialog).toBeVisible();
  const date = dialog.getByLabel('Versendet am');
  await expect(date).toHaveValue(german(isoDaysAgo(0))); // today, as the officer writes dates

  // Nothing chosen, a date that does not exist: both errors at their fields at once, focus on the first.
  await date.fill('31.02.2026');
  await dialog.getByRole('button', { name: 'Als versendet markieren' }).click();
  await expect(dialog.getByText('Bitte ein Datum im Format TT.MM.JJJJ eingeben.')).toBeVisible();
  await expect(dialog.getByText('Bitte den Versandweg wählen.')).toBeVisible();
  await expect(date).toBeFocused();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'sent-dialog-errors');

  await date.fill(german(isoDaysAgo(20)));
  await dialog.getByRole('radio', { name: 'Post' }).check();
  await dialog.getByRole('button', { name: 'Als versendet markieren' }).click();
  await expect(dialog.getByText(/liegt vor dem Eingang des Antrags/)).toBeVisible();

  await date.fill(german(isoDaysAgo(1)));
  await dialog.getByRole('button', { name: 'Als versendet markieren' }).click();
  await expect(dialog).toBeHidden();
  await expect(casePage.currentStatus).toHaveText('Versendet');
  await expect(page.getByTestId('case-sent')).toHaveText(`Versendet am ${german(isoDaysAgo(1))} per Post.`);
  await expectAccessible(page, 'case-sent');

  await casePage.statusButton('Beantwortet').click();
  await expect(casePage.currentStatus).toHaveText('Beantwortet');
  const detail = await app.call('cases.get', { caseId: created.id, lang: 'de' });
  expect(detail).toMatchObject({ status: 'answered', sent: { on: isoDaysAgo(1), channel: 'post' }, warning: null });

  const log = await app.call('review.audit', { caseId: created.id });
  expect(log.filter((e) => e.action === 'case.statusChanged').map((e) => e.detail)).toEqual([
    { from: 'open', to: 'review' },
    { from: 'review', to: 'sent', sentOn: isoDaysAgo(1), channel: 'post' },
    { from: 'sent', to: 'answered' },
  ]);
  // The hash chain over every step verifies, as `auskunft audit verify` checks it on the same store.
  const verify = spawnSync(process.execPath, [join(ROOT, 'bin', 'auskunft.js'), 'audit', 'verify', created.id, '--db', app.dbFile], { env: { ...process.env, AUSKUNFT_DB_KEY: app.dbKey }, encoding: 'utf8' });
  expect(verify.status, verify.stderr + verify.stdout).toBe(0);
});

test('the sent dialog in English: channels and messages translated', async ({ app, page }) => {
  const created = await app.call('cases.create', { receivedOn: isoDaysAgo(3), subject: SAMPLE_SUBJECT, identityVerification: { method: 'knownContact', note: '' } });
  await app.call('search.start', { caseId: created.id });
  await expect.poll(async () => (await app.call('search.status', { caseId: created.id }))?.state).toBe('done');
  await app.open(page, `#/case/${created.id}/overview`);
  await page.getByRole('combobox', { name: /Sprache|Language/ }).selectOption('en');
  const casePage = new CasePage(page);
  await casePage.statusButton('Sent').click();
  const dialog = page.getByRole('dialog', { name: 'Mark the answer as sent' });
  await dialog.getByRole('radio', { name: 'in person' }).check();
  await dialog.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(casePage.currentStatus).toHaveText('Sent');
  await expect(page.getByTestId('case-sent')).toHaveText(`Sent on ${isoDaysAgo(0)} by in person.`);
});
