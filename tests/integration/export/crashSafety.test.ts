import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPackage } from '../../../src/core/export/verifyPackage.js';
import { REPO_ROOT, runCli, writeFiles } from '../helpers/runCli.js';
import { createSearchedCase, expectOk, sampleWorkspace } from './exportFixture.js';

/** Messages added to the sample so that one export runs long enough to be killed in every phase. */
const EXTRA_MESSAGES = 250;
const KILLS = 8;
const ZIP_PASSWORD = 'ein langes Passwort für den Test';

function bigMbox(): string {
  const parts: string[] = [];
  for (let i = 0; i < EXTRA_MESSAGES; i++) {
    parts.push(
      [
        `From j.weiss@beispiel-gmbh.de Mon Jan 20 10:${String(i % 60).padStart(2, '0')}:00 2025`,
        'From: "Jürgen Weiß" <j.weiss@beispiel-gmbh.de>',
        'To: support@fluxpunkt.example',
        `Subject: Anfrage ${i}`,
        `Message-ID: <crash-${i}@fluxpunkt.example>`,
        'Date: Mon, 20 Jan 2025 10:00:00 +0100',
        '',
        `Nachricht ${i}: ${'Bitte um Rückruf wegen der Telefonanlage. '.repeat(20)}`,
        '',
      ].join('\n'),
    );
  }
  return parts.join('\n');
}

/** Start `auskunft export` and SIGKILL it after `delayMs`; resolves with its exit code or signal. */
function exportKilledAfter(args: string[], delayMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'auskunft.js'), ...args], { stdio: 'ignore', env: { ...process.env, ZIP_PW: ZIP_PASSWORD } });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - started });
    });
  });
}

/** Either nothing is at `dir`, or a complete package that verifies against its manifest. */
async function assertNoPartialPackage(dir: string): Promise<'absent' | 'complete'> {
  if (!existsSync(dir)) return 'absent';
  const check = await verifyPackage(dir);
  expect(check.problems, `package at ${dir} is not intact`).toEqual([]);
  for (const file of ['Auskunft.pdf', 'data.json', 'manifest.json']) expect(existsSync(join(dir, file)), file).toBe(true);
  // A package in place always has its internal report beside it (it is published first).
  expect(existsSync(join(`${dir}.intern`, 'Bericht-intern.json')), 'internal report').toBe(true);
  return 'complete';
}

describe('crash safety of the export', () => {
  it('never leaves a partial package at DIR when killed at random points, and a re-run succeeds', async () => {
    const ws = sampleWorkspace();
    writeFiles(join(ws.dir, 'sample', 'mail'), { 'viele.mbox': bigMbox() });
    appendFileSync(ws.workspace, '  - { id: viele, type: mbox, path: mail/viele.mbox }\n');
    const db = join(ws.dir, 'cases.db');
    const caseId = await createSearchedCase(db, ws);
    expectOk(await runCli(['case', 'decide', caseId, '--strong', '--include', '--db', db]));
    const out = join(ws.dir, 'antwort');
    const args = ['export', caseId, '--out', out, '--db', db, '--password-env', 'ZIP_PW'];

    const first = await exportKilledAfter(args, 600_000);
    expect(first.code).toBe(0);
    const duration = first.ms;

    const outcomes: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      // Half of the runs start from nothing, half replace an earlier package.
      if (i % 2 === 0) rmSync(out, { recursive: true, force: true });
      const delay = Math.round(Math.random() * duration * 1.1);
      const killed = await exportKilledAfter(args, delay);
      outcomes.push(`${delay}ms: ${killed.signal ?? `exit ${killed.code}`} → ${await assertNoPartialPackage(out)}`);
    }
    // The kills landed at different points: at least one run was cut off before it finished.
    expect(outcomes.some((o) => o.includes('SIGKILL')), outcomes.join('\n')).toBe(true);

    const rerun = await exportKilledAfter(args, 600_000);
    expect(rerun.code).toBe(0);
    expect(await assertNoPartialPackage(out)).toBe('complete');
    // Leftovers of the killed runs were cleaned up by the successful one.
    expect(readdirSync(dirname(out)).filter((n) => n.startsWith('.antwort.'))).toEqual([]);
    expectOk(await runCli(['audit', 'verify', caseId, '--db', db]));
  }, 600_000);
});
