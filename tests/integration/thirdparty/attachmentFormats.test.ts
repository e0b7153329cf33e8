import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxFile, textPdf } from '../connectors/documents/documentFiles.js';
import { REPO_ROOT, runCli, tempDir } from '../helpers/runCli.js';

/** A message with these attachments, each base64 as a mail client sends it. */
function mail(headers: string, text: string, attachments: { name: string; type: string; bytes: Buffer }[]): string {
  const parts = attachments.map(
    (a) => `--b1\r\nContent-Type: ${a.type}; name="${a.name}"\r\nContent-Disposition: attachment; filename="${a.name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${a.bytes.toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n`,
  );
  return `${headers}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n${parts.join('')}--b1--\r\n`;
}

async function customerList(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Offene Posten');
  ws.addRow(['Kundennummer', 'Name', 'E-Mail', 'Betrag']);
  ws.addRow(['K-10442', 'Jürgen Weiß', 'j.weiss@beispiel-gmbh.de', 1200]);
  ws.addRow(['K-20001', 'Erika Muster', 'erika.muster@muster.example', 99]);
  ws.getCell('D2').numFmt = '#,##0.00';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe('third-party data in XLSX, PDF and DOCX attachments, and an attachment that cannot be read', { timeout: 180_000 }, () => {
  const dir = tempDir();
  const workspace = join(dir, 'auskunft.yaml');
  const subject = join(dir, 'subject.yaml');
  const db = join(dir, 'cases.db');

  beforeAll(async () => {
    mkdirSync(join(dir, 'mail'));
    const from = 'From: Buchhaltung <buchhaltung@fluxpunkt.example>\r\nTo: Vertrieb <vertrieb@fluxpunkt.example>\r\nDate: Tue, 10 Dec 2024 16:00:00 +0100';
    writeFileSync(
      join(dir, 'mail', 'liste.eml'),
      mail(`${from}\r\nSubject: Mahnliste\r\nMessage-ID: <liste@fluxpunkt.example>`, 'Mahnliste für K-10442 anbei.', [
        { name: 'kunden.xlsx', type: XLSX, bytes: await customerList() },
        { name: 'brief.pdf', type: 'application/pdf', bytes: textPdf([['Mahnung an Jürgen Weiß, K-10442', 'Kopie an Erika Muster, erika.muster@muster.example']]) },
        { name: 'notiz.docx', type: DOCX, bytes: await docxFile({ paragraphs: ['Herr Weiß (K-10442) zahlt in Raten.', 'Rückfragen: erika.muster@muster.example'] }) },
      ]),
    );
    writeFileSync(
      join(dir, 'mail', 'kaputt.eml'),
      mail(`${from}\r\nSubject: Liste defekt\r\nMessage-ID: <kaputt@fluxpunkt.example>`, 'Kunde K-10442, siehe Anhang.', [{ name: 'defekt.xlsx', type: XLSX, bytes: Buffer.from('PK\u0003\u0004 nicht vollständig') }]),
    );
    writeFileSync(
      workspace,
      [
        'controller:',
        '  name: Fluxpunkt GmbH',
        '  address: "Zementwerk 1, 72622 Nürtingen"',
        '  email: datenschutz@fluxpunkt.example',
        '  ownDomains: [fluxpunkt.example]',
        '  roleAddresses: [vertrieb@fluxpunkt.example]',
        '  supervisoryAuthority: "LfDI Baden-Württemberg"',
        `register: ${join(REPO_ROOT, 'assets', 'register', 'example.de.yaml')}`,
        'sources:',
        '  - { id: mails, type: eml, path: mail/ }',
        '',
      ].join('\n'),
    );
    writeFileSync(subject, 'name: Jürgen Weiß\nemails: [j.weiss@beispiel-gmbh.de]\ncustomerIds: [K-10442]\n');
  });

  it('holds both, names what was found and what could not be read, and redacts each format in its own way', async () => {
    const out = join(dir, 'erster-lauf');
    const run = await runCli(['run', '--workspace', workspace, '--subject', subject, '--out', out, '--received', '2024-12-20', '--db', db]);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(/warning: "Mahnliste" \(.*path: [^)]*liste\.eml\): enthält Daten Dritter \(contains third-party data\): kunden\.xlsx, brief\.pdf, notiz\.docx; held for review/);
    expect(run.stderr).toMatch(/warning: "Liste defekt" \(.*path: [^)]*kaputt\.eml\): Anhang nicht prüfbar \(attachment could not be checked\): attachment "defekt\.xlsx" could not be read as XLSX/);
    // The controller's own mailboxes in From and To are not third parties.
    expect(run.stderr).not.toMatch(/Mahnliste.*: (from|to)\b/);
    const caseId = run.stdout.trim();
    const report = JSON.parse(readFileSync(join(`${out}.intern`, 'Bericht-intern.json'), 'utf8')) as { heldForReview: { finding: string; title: string }[] };
    const liste = report.heldForReview.find((h) => h.title === 'Mahnliste')!.finding;
    expect(report.heldForReview.map((h) => h.title).sort()).toEqual(['Liste defekt', 'Mahnliste']);

    const decide = (args: string[]) => runCli(['case', 'decide', caseId, '--finding', liste, ...args, '--db', db]);
    // The row the review suggests (cells joined by tabs in a workbook), and the address in the texts.
    expect((await decide(['--redact', 'K-20001\tErika Muster\terika.muster@muster.example\t99', '--reason', 'Art. 15 Abs. 4 DSGVO: Datensatz einer anderen Person'])).code).toBe(0);
    expect((await decide(['--redact', 'erika.muster@muster.example', 'Erika Muster', '--reason', 'Art. 15 Abs. 4 DSGVO'])).code).toBe(0);
    expect((await decide(['--include'])).code).toBe(0);
    const final = join(dir, 'antwort');
    const exported = await runCli(['export', caseId, '--out', final, '--db', db]);
    expect(exported.stderr).toMatch(/1 redacted record/);

    const files = listFiles(join(final, 'files'));
    expect(files.filter((f) => /kunden|brief|notiz/.test(f)).map((f) => f.split('/')[1]).sort()).toEqual(['brief (geschwärzt).pdf', 'kunden (geschwärzt).xlsx', 'notiz (geschwärzt).pdf']);
    expect(files.some((f) => f.endsWith('.eml'))).toBe(false);

    // XLSX: the same workbook, the other customer's cells blank, the subject's row and the format kept.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(final, 'files', files.find((f) => f.endsWith('.xlsx'))!)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Offene Posten')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Kundennummer', 'Name', 'E-Mail', 'Betrag']);
    expect(ws.getRow(2).values).toEqual([undefined, 'K-10442', 'Jürgen Weiß', 'j.weiss@beispiel-gmbh.de', 1200]);
    expect(ws.getCell('D2').numFmt).toBe('#,##0.00');
    expect([1, 2, 3, 4].map((c) => ws.getRow(3).getCell(c).value)).toEqual([null, null, null, null]);

    // PDF and DOCX: a text rendering, marked as redacted, without the other person.
    for (const name of ['brief (geschwärzt).pdf', 'notiz (geschwärzt).pdf']) {
      const text = pdfText(join(final, 'files', files.find((f) => f.endsWith(name))!));
      expect(text).toContain('geschwärzte Textfassung');
      expect(text).toContain('[geschwärzt]');
      expect(text).toContain('K-10442');
      expect(text).not.toMatch(/erika|Muster/i);
    }
    expect(pdfText(join(final, 'files', files.find((f) => f.endsWith('brief (geschwärzt).pdf'))!))).toContain('Mahnung an Jürgen Weiß');
    expect((await runCli(['verify', final])).code).toBe(0);
  });
});
