import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMessages, startDovecot, type DovecotServer } from '../helpers/dovecot.js';
import { runCli, tempDir, TEST_CONTROLLER, TEST_REGISTER, writeFiles } from '../helpers/runCli.js';

/**
 * `auskunft export` of a case whose mail is on a real Dovecot: files/ holds each message's raw
 * source as the server has it; a redacted message ships a redacted rendering, never its source; and
 * a mailbox renumbered since the search (new UIDVALIDITY) stops the export with one clear line and
 * leaves no package behind.
 */

const raw = (id: string, body: string): string =>
  `Message-ID: <${id}>\r\nFrom: "Büro" <buero@firma.example>\r\nTo: j.weiss@beispiel-gmbh.de\r\nSubject: Anfrage ${id}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${body}\r\n`;
const MAILS = [raw('imap-a@t', 'Guten Tag Herr Weiß, Ihre Bestellung ist da.'), raw('imap-b@t', 'Rückfragen an Erika Muster, Durchwahl 17.')];

let server: DovecotServer;

beforeAll(async () => {
  server = await startDovecot();
  await appendMessages(server, { 'Kunden/2025': MAILS });
});

afterAll(async () => {
  await server?.dispose();
});

async function caseWithImap(): Promise<{ dir: string; db: string; caseId: string; run: (args: string[]) => ReturnType<typeof runCli> }> {
  const dir = tempDir('auskunft-imap-export-');
  writeFiles(dir, {
    'register.yaml': TEST_REGISTER,
    'auskunft.yaml': `${TEST_CONTROLLER}register: register.yaml\nsources:\n  - { id: office, type: imap, host: 127.0.0.1, port: ${server.port}, tls: false, user: ${server.user}, password: { env: IMAP_PASSWORD }, mailboxes: [Kunden/2025], activities: [contact-email] }\n`,
    'subject.yaml': 'name: Jürgen Weiß\nemails: [j.weiss@beispiel-gmbh.de]\n',
  });
  const db = join(dir, 'cases.db');
  const run = (args: string[]) => runCli([...args, '--db', db], { env: { IMAP_PASSWORD: server.password } });
  const created = await run(['case', 'create', '--workspace', join(dir, 'auskunft.yaml'), '--subject', join(dir, 'subject.yaml'), '--received', '2026-01-31']);
  expect(created.code, created.stderr).toBe(0);
  const caseId = created.stdout.trim();
  expect((await run(['case', 'search', caseId])).code).toBe(0);
  expect((await run(['case', 'decide', caseId, '--strong', '--include'])).code).toBe(0);
  return { dir, db, caseId, run };
}

type Data = { items: { title: string; files: { path: string; role: string }[] }[] };

describe('export with originals from IMAP', { timeout: 180_000 }, () => {
  it('ships each message as the server holds it, and a redacted one only as redacted text', async () => {
    const { dir, caseId, run } = await caseWithImap();
    expect((await run(['case', 'decide', caseId, '--redact', 'Erika Muster', '--reason', 'Art. 15(4): Dritte'])).code).toBe(0);
    const out = join(dir, 'antwort');
    const exported = await run(['export', caseId, '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const data = JSON.parse(readFileSync(join(out, 'data.json'), 'utf8')) as Data;
    const plain = data.items.find((i) => i.title.includes('imap-a@t'))!;
    expect(plain.files.map((f) => f.role)).toEqual(['original']);
    expect(readFileSync(join(out, plain.files[0]!.path)).equals(Buffer.from(MAILS[0]!, 'utf8'))).toBe(true);
    const redacted = data.items.find((i) => i.title.includes('imap-b@t'))!;
    expect(redacted.files.map((f) => f.role)).toEqual(['redacted-copy']);
    for (const f of readdirSync(join(out, 'files'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      expect(readFileSync(join(f.parentPath, f.name), 'utf8')).not.toContain('Erika Muster');
    }
  });

  it('stops with one line when the mailbox was renumbered since the search, and writes no package', async () => {
    const { dir, caseId, run } = await caseWithImap();
    // Delete and re-create the mailbox with the same messages: same UIDs, new UIDVALIDITY.
    const client = new ImapFlow({ host: server.host, port: server.port, secure: false, doSTARTTLS: false, auth: { user: server.user, pass: server.password }, logger: false, disableAutoIdle: true });
    await client.connect();
    await client.mailboxDelete('Kunden/2025');
    await client.logout();
    await appendMessages(server, { 'Kunden/2025': MAILS });

    const out = join(dir, 'antwort');
    const exported = await run(['export', caseId, '--out', out]);
    expect(exported.code).toBe(2);
    expect(exported.stderr.trim().split('\n')).toHaveLength(1);
    expect(exported.stderr).toMatch(/renumbered by the server since the search \(UIDVALIDITY \d+ → \d+\).*search the case again/);
    expect(readdirSync(dir)).not.toContain('antwort');
    expect(readdirSync(dir).filter((n) => n.startsWith('.antwort'))).toEqual([]);
  });
});
