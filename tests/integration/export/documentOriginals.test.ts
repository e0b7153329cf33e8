import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textPdf } from '../connectors/documents/documentFiles.js';
import { exportCaseViaCli, oneActivityRegister, tempDir, TEST_CONTROLLER, writeFiles } from '../helpers/runCli.js';

/**
 * The package's files/ holds a document's original byte for byte, and a ticket's record as the
 * export holds it; a redacted document or ticket never ships its original but a redacted rendering,
 * and the redacted text is in no file (pdftotext is not needed: the PDF original is not shipped).
 */

const REGISTER = oneActivityRegister('letters', '{ de: Schriftverkehr, en: Correspondence }', ['documents', 'tickets']);

const PDF = textPdf([['Sehr geehrter Herr Weiß,', 'Kopie an: j.weiss@beispiel-gmbh.de'], ['Sachbearbeiterin: Erika Muster']]);
const TICKET = { ticket: { id: 8, number: '31008', title: 'Rückruf', customer: 'j.weiss@beispiel-gmbh.de', owner: 'Erika Muster' }, articles: [{ id: 2, body: 'Bitte zurückrufen.' }] };

async function exported(redact: boolean): Promise<{ out: string; data: { items: { kind: string; files: { path: string; role: string }[] }[] } }> {
  const dir = tempDir('auskunft-docorig-');
  writeFiles(dir, {
    'register.yaml': REGISTER,
    'auskunft.yaml': `${TEST_CONTROLLER}register: register.yaml\nsources:\n  - { id: letters, type: documents, path: briefe, activities: [letters] }\n  - { id: tickets, type: tickets, format: zammad, path: tickets.json, activities: [letters] }\n`,
    'subject.yaml': 'name: Jürgen Weiß\nemails: [j.weiss@beispiel-gmbh.de]\n',
    'briefe/antwort.pdf': PDF,
    'tickets.json': JSON.stringify([TICKET]),
  });
  const out = await exportCaseViaCli(dir, redact ? [['--redact', 'Erika Muster', '--reason', 'Art. 15(4): Dritte']] : []);
  return { out, data: JSON.parse(readFileSync(join(out, 'data.json'), 'utf8')) };
}

const allFiles = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

describe('originals of documents and tickets in the package', { timeout: 180_000 }, () => {
  it('ships the PDF byte for byte and the ticket record as JSON', async () => {
    const { out, data } = await exported(false);
    const doc = data.items.find((i) => i.kind === 'document')!;
    expect(doc.files.map((f) => f.role)).toEqual(['original']);
    expect(readFileSync(join(out, doc.files[0]!.path)).equals(PDF)).toBe(true);
    const ticket = data.items.find((i) => i.kind === 'ticket')!;
    expect(ticket.files.map((f) => f.role)).toEqual(['original']);
    expect(ticket.files[0]!.path).toMatch(/ticket-31008\.json$/);
    expect(JSON.parse(readFileSync(join(out, ticket.files[0]!.path), 'utf8'))).toEqual(TICKET);
  });

  it('ships a redacted rendering instead when a case-wide redaction hits the document and the ticket', async () => {
    const { out, data } = await exported(true);
    for (const kind of ['document', 'ticket']) {
      const item = data.items.find((i) => i.kind === kind)!;
      expect(item.files.map((f) => f.role), kind).toEqual(['redacted-copy']);
    }
    for (const file of allFiles(join(out, 'files'))) {
      expect(readFileSync(file).includes(Buffer.from('%PDF')), file).toBe(false);
      expect(readFileSync(file, 'utf8'), file).not.toContain('Erika Muster');
    }
  });
});
