import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMessages, dovecotInstalled, startDovecot, type DovecotServer } from '../helpers/dovecot.js';
import { runCli, tempDir, TEST_CONTROLLER, TEST_REGISTER, writeFiles } from '../helpers/runCli.js';
import { createSearchedCase, expectOk, filesBelow, pdfText, sampleWorkspace, schemaValidator, showCase } from './exportFixture.js';

/**
 * One item per piece of data: the same mail held in two places (an archive and its backup, an mbox
 * and the IMAP server, two folders) is one item of the copy with every place it was found, a
 * decision on it applies to every copy, and the internal report counts the copies merged. Two
 * different mails that share a Message-ID stay two items.
 */

type Item = { no: number; title: string; source: { id: string }; locations?: { id: string; source: { id: string }; locator: Record<string, unknown> }[]; files: { path: string; role: string }[] };
type Data = { items: Item[] };
type Report = { duplicates: { merged: number; conflicts: { findings: string[]; states: string[] }[] } };

async function exportCase(db: string, caseId: string, out: string, env?: NodeJS.ProcessEnv): Promise<{ data: Data; report: Report; pdf: string }> {
  expectOk(await runCli(['export', caseId, '--out', out, '--db', db], env ? { env } : {}));
  const reportFile = filesBelow(join(out, '..')).find((f) => f.endsWith('Bericht-intern.json') && f.includes(out.split('/').pop()!))!;
  const pdf = filesBelow(out).find((f) => f.endsWith('.pdf') && !f.includes('intern'))!;
  return {
    data: JSON.parse(readFileSync(join(out, 'data.json'), 'utf8')) as Data,
    report: JSON.parse(readFileSync(join(out, '..', reportFile), 'utf8')) as Report,
    pdf: pdfText(join(out, pdf)),
  };
}

describe('duplicates across sources', { timeout: 240_000 }, () => {
  it('the sample mbox configured twice (archive and backup) gives each message once, with both locations', async () => {
    const plain = sampleWorkspace();
    const plainDb = join(plain.dir, 'cases.db');
    const plainCase = await createSearchedCase(plainDb, plain);
    expectOk(await runCli(['case', 'decide', plainCase, '--strong', '--include', '--db', plainDb]));
    const before = await exportCase(plainDb, plainCase, join(plain.dir, 'antwort'));

    const ws = sampleWorkspace();
    mkdirSync(join(ws.dir, 'sample', 'backup'));
    copyFileSync(join(ws.dir, 'sample', 'mail', 'archive.mbox'), join(ws.dir, 'sample', 'backup', 'archive.mbox'));
    const yaml = readFileSync(ws.workspace, 'utf8').replace('sources:\n', 'sources:\n  - { id: backup, type: mbox, path: backup/archive.mbox }\n');
    writeFileSync(ws.workspace, yaml);
    const db = join(ws.dir, 'cases.db');
    const caseId = await createSearchedCase(db, ws);
    const shown = await showCase(db, caseId);
    const backupFindings = shown.filter((r) => r.source === 'backup');
    expect(backupFindings.length).toBeGreaterThan(0);
    expect(shown.filter((r) => r.source === 'archive')).toHaveLength(backupFindings.length);
    expectOk(await runCli(['case', 'decide', caseId, '--strong', '--include', '--db', db]));
    const after = await exportCase(db, caseId, join(ws.dir, 'antwort'));

    expect(after.data.items).toHaveLength(before.data.items.length);
    expect(after.report.duplicates.merged).toBe(before.data.items.filter((i) => i.source.id === 'archive').length);
    expect(after.report.duplicates.conflicts).toEqual([]);
    const mbox = after.data.items.filter((i) => i.locations);
    expect(mbox.length).toBe(after.report.duplicates.merged);
    for (const item of mbox) expect(item.locations!.map((l) => l.source.id).sort()).toEqual(['archive', 'backup']);
    const validate = schemaValidator('data');
    expect(validate(after.data), JSON.stringify(validate.errors)).toBe(true);
    // files/ holds what it held with one source: nothing twice.
    expect(filesBelow(join(ws.dir, 'antwort', 'files'))).toHaveLength(filesBelow(join(plain.dir, 'antwort', 'files')).length);
    expect(after.pdf).toMatch(/Fundstelle: Quelle backup, Datei backup\/archive\.mbox, Message-ID <[^>]+> \| Quelle archive, Datei mail\/archive\.mbox, Message-ID /);
  });
});

// A small PDF-like attachment: binary, so an IMAP search does not fetch it while an mbox search reads it.
const PDF_B64 = Buffer.from('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1').toString('base64');

function mail(id: string, subject: string, body: string, extraHeaders = ''): string {
  return [
    ...(extraHeaders ? [extraHeaders] : []),
    `Message-ID: <${id}>`,
    'From: "Jürgen Weiß" <j.weiss@beispiel-gmbh.de>',
    'To: buero@firma.example',
    `Subject: ${subject}`,
    'Date: Mon, 20 Jan 2025 10:00:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
    '--b1',
    'Content-Type: application/pdf; name="agb.pdf"',
    'Content-Disposition: attachment; filename="agb.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    PDF_B64,
    '--b1--',
    '',
  ].join('\r\n');
}

const ORDER = mail('order-1@firma.example', 'Bestellung 4711', 'Guten Tag, hier meine Bestellung. Jürgen Weiß');
// A broken client reused the Message-ID of the order for a different mail: not the same data.
const REUSED = mail('order-1@firma.example', 'Reklamation', 'Die Lieferung kam beschädigt an. Jürgen Weiß');
const OTHER = mail('other-2@firma.example', 'Rückruf', 'Bitte rufen Sie mich an. Jürgen Weiß');
const RECEIVED = 'Received: from mx.firma.example by imap.firma.example; Mon, 20 Jan 2025 10:00:02 +0100\r\nReturn-Path: <j.weiss@beispiel-gmbh.de>\r\nX-Spam-Score: 0.1';

/** An mbox as a mail client writes it: "From " lines, LF line ends, transport headers dropped. */
function mbox(messages: string[]): string {
  return messages.map((m) => `From j.weiss@beispiel-gmbh.de Mon Jan 20 10:00:00 2025\nStatus: RO\n${m.replace(/\r\n/g, '\n')}\n`).join('');
}

describe.skipIf(!dovecotInstalled())('duplicates between an mbox and IMAP on Dovecot', { timeout: 240_000 }, () => {
  let server: DovecotServer;
  beforeAll(async () => {
    server = await startDovecot();
    // The order in two folders (and with transport headers), the reused Message-ID, one other mail.
    await appendMessages(server, { INBOX: [`${RECEIVED}\r\n${ORDER}`, OTHER], Archiv: [ORDER, REUSED] });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('groups the same mail from IMAP (two folders) and the mbox, keeps a reused Message-ID apart, and a decision applies to all copies', async () => {
    const dir = tempDir('auskunft-dup-imap-');
    writeFiles(dir, {
      'register.yaml': TEST_REGISTER,
      'auskunft.yaml':
        `${TEST_CONTROLLER}register: register.yaml\nsources:\n` +
        `  - { id: server, type: imap, host: 127.0.0.1, port: ${server.port}, tls: false, user: ${server.user}, password: { env: IMAP_PASSWORD }, mailboxes: [INBOX, Archiv], activities: [contact-email] }\n` +
        `  - { id: export, type: mbox, path: export.mbox, activities: [contact-email] }\n`,
      'subject.yaml': 'name: Jürgen Weiß\nemails: [j.weiss@beispiel-gmbh.de]\n',
      'export.mbox': mbox([ORDER, OTHER]),
    });
    const env = { IMAP_PASSWORD: server.password };
    const db = join(dir, 'cases.db');
    const run = (args: string[]) => runCli([...args, '--db', db], { env });
    const created = expectOk(await run(['case', 'create', '--workspace', join(dir, 'auskunft.yaml'), '--subject', join(dir, 'subject.yaml'), '--received', '2026-01-31']));
    const caseId = created.stdout.trim();
    expectOk(await run(['case', 'search', caseId]));
    const shown = await showCase(db, caseId);
    expect(shown, JSON.stringify(shown)).toHaveLength(6); // 4 on the server, 2 in the mbox

    // Excluding the mbox's order excludes its copies in both IMAP folders, not the reused Message-ID.
    const isOrder = (r: { title: string }) => r.title.startsWith('Bestellung 4711');
    const exportOrder = shown.find((r) => r.source === 'export' && isOrder(r))!;
    expectOk(await run(['case', 'decide', caseId, '--finding', exportOrder.id, '--exclude', 'Test: nicht Teil der Auskunft']));
    const decided = await showCase(db, caseId);
    expect(decided.filter(isOrder).map((r) => r.state)).toEqual(['excluded', 'excluded', 'excluded']);
    expect(decided.filter((r) => !isOrder(r)).map((r) => r.state)).toEqual(['pending', 'pending', 'pending']);

    // --strong leaves the excluded group alone; including one IMAP copy includes them all again.
    expectOk(await run(['case', 'decide', caseId, '--strong', '--include']));
    expect((await showCase(db, caseId)).filter(isOrder).map((r) => r.state)).toEqual(['excluded', 'excluded', 'excluded']);
    const imapOrder = decided.find((r) => r.source === 'server' && isOrder(r))!;
    expectOk(await run(['case', 'decide', caseId, '--finding', imapOrder.id, '--include']));
    expect((await showCase(db, caseId)).map((r) => r.state)).toEqual(Array(6).fill('included'));
    const { data, report } = await exportCase(db, caseId, join(dir, 'antwort'), env);
    // Bestellung (3 copies), Reklamation (its own mail despite the Message-ID), Rückruf (2 copies): 3 items.
    expect(data.items.map((i) => i.title).sort()).toEqual(['Bestellung 4711', 'Reklamation', 'Rückruf']);
    const order = data.items.find((i) => i.title === 'Bestellung 4711')!;
    expect(order.locations!.map((l) => `${l.source.id}:${String(l.locator['mailbox'] ?? l.locator['path'])}`).sort()).toEqual([
      'export:export.mbox',
      'server:Archiv',
      'server:INBOX',
    ]);
    expect(data.items.find((i) => i.title === 'Reklamation')!.locations).toBeUndefined();
    expect(report.duplicates.merged).toBe(3);
    const validate = schemaValidator('data');
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    // The same agb.pdf attached to all three mails is one file in files/.
    const attachments = data.items.flatMap((i) => i.files.filter((f) => f.role === 'attachment').map((f) => f.path));
    expect(attachments).toHaveLength(3);
    expect(new Set(attachments).size).toBe(1);
    expect(filesBelow(join(dir, 'antwort', 'files')).filter((f) => f.endsWith('agb.pdf'))).toHaveLength(1);
  });
});
