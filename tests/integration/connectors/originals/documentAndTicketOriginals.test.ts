import { copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OriginalNotKeptError } from '../../../../src/core/connectors/connector.js';
import { documentsConnector } from '../../../../src/core/connectors/documents/documentsConnector.js';
import { ticketsConnector } from '../../../../src/core/connectors/tickets/ticketsConnector.js';
import { docxFile, textPdf } from '../documents/documentFiles.js';
import { collect, fileSearchContext, subjectQuery, tempDirForFile } from '../fileSearchContext.js';
import { ANNA, FIXTURES } from '../tickets/ticketTestSource.js';

/**
 * readOriginal of the documents and tickets connectors on real files: a document is shipped byte
 * for byte as the file it is, with its text offered for the redaction check; a ticket as the
 * export's JSON record of that one ticket; nothing for a file or ticket that is gone, and nothing
 * from outside the configured folder.
 */

const SUBJECT = { name: 'Jürgen Weiß', emails: ['j.weiss@beispiel-gmbh.de'], phones: [], customerIds: ['K-10442'] };
const dir = tempDirForFile('auskunft-originals-');
const files: Record<string, Buffer> = {};

beforeAll(async () => {
  mkdirSync(join(dir, 'briefe', 'alt'), { recursive: true });
  files['briefe/antwort.pdf'] = textPdf([['Sehr geehrter Herr Weiß,'], ['Kopie an: j.weiss@beispiel-gmbh.de, Kunde K-10442']]);
  files['briefe/vertrag.docx'] = await docxFile({ paragraphs: ['Vertrag mit Jürgen Weiß, j.weiss@beispiel-gmbh.de', 'Zeugin: Erika Muster'] });
  files['briefe/alt/notiz.txt'] = Buffer.from('Rückruf bei j.weiss@beispiel-gmbh.de erbeten.\r\n', 'latin1');
  files['geheim.txt'] = Buffer.from('not part of the documents folder: j.weiss@beispiel-gmbh.de\n');
  for (const [path, bytes] of Object.entries(files)) writeFileSync(join(dir, path), bytes);
});

describe('documents connector: readOriginal', () => {
  const config = documentsConnector.configSchema.parse({ id: 'letters', type: 'documents', path: 'briefe' });

  it('returns each found document byte for byte, with its extracted text', async () => {
    const { findings } = await collect(documentsConnector.search(config, subjectQuery(SUBJECT), fileSearchContext(dir)));
    expect(findings.map((f) => f.locator.path).sort()).toEqual(['briefe/alt/notiz.txt', 'briefe/antwort.pdf', 'briefe/vertrag.docx']);
    for (const f of findings) {
      const original = await documentsConnector.readOriginal!(config, f.locator, fileSearchContext(dir));
      expect(original?.bytes.equals(files[f.locator.path!]!)).toBe(true);
      expect(original?.filename).toBe(f.locator.path!.split('/').pop());
      const text = (await original!.searchable!()).join('\n');
      expect(text).toContain('j.weiss@beispiel-gmbh.de');
    }
    const docx = findings.find((f) => f.locator.path === 'briefe/vertrag.docx')!;
    // The DOCX's bytes are a ZIP: the witness's name is only found in the extracted text.
    const original = await documentsConnector.readOriginal!(config, docx.locator, fileSearchContext(dir));
    expect(original!.bytes.toString('latin1')).not.toContain('Erika Muster');
    expect((await original!.searchable!()).join('\n')).toContain('Erika Muster');
  });

  it('gives null for a file that is gone, and never reads outside the configured folder', async () => {
    const ctx = fileSearchContext(dir);
    expect(await documentsConnector.readOriginal!(config, { path: 'briefe/weg.pdf' }, ctx)).toBeNull();
    expect(await documentsConnector.readOriginal!(config, { path: 'geheim.txt' }, ctx)).toBeNull();
    expect(await documentsConnector.readOriginal!(config, { path: 'briefe/../geheim.txt' }, ctx)).toBeNull();
    expect(await documentsConnector.readOriginal!(config, { path: join(dir, 'geheim.txt') }, ctx)).toBeNull();
    expect(await documentsConnector.readOriginal!(config, {}, ctx)).toBeNull();
  });
});

describe('tickets connector: readOriginal', () => {
  it('returns the Zammad record of the ticket as the export holds it, as JSON', async () => {
    copyFileSync(join(FIXTURES, 'SYNTHETIC-zammad-ticket-with-articles.json'), join(dir, 'zammad.json'));
    const config = ticketsConnector.configSchema.parse({ id: 'tickets', type: 'tickets', format: 'zammad', path: 'zammad.json' });
    const { findings } = await collect(ticketsConnector.search(config, subjectQuery(ANNA), fileSearchContext(dir)));
    expect(findings.length).toBe(1);
    const original = await ticketsConnector.readOriginal!(config, findings[0]!.locator, fileSearchContext(dir));
    expect(original?.filename).toBe(`ticket-${findings[0]!.locator.ticket}.json`);
    // Every value of the export's record, also those the letter does not print (owner_id, article_ids).
    expect(JSON.parse(original!.bytes.toString('utf8'))).toEqual(JSON.parse(readFileSync(join(dir, 'zammad.json'), 'utf8')));
  });

  it('picks the one ticket out of an export with several, and gives null once it is gone', async () => {
    const other = { ticket: { id: 7, number: '31007', title: 'Drucker', customer: 'erika@muster.example' }, articles: [{ id: 1, body: 'Papierstau.' }] };
    const mine = { ticket: { id: 8, number: '31008', title: 'Rückruf', customer: 'anna.mueller@example.de' }, articles: [{ id: 2, body: 'Bitte K-10442 zurückrufen.' }] };
    writeFileSync(join(dir, 'zwei.json'), JSON.stringify([other, mine]));
    const config = ticketsConnector.configSchema.parse({ id: 'tickets', type: 'tickets', format: 'zammad', path: 'zwei.json' });
    const { findings } = await collect(ticketsConnector.search(config, subjectQuery(ANNA), fileSearchContext(dir)));
    expect(findings.map((f) => f.locator)).toEqual([{ ticket: '31008' }]);
    const original = await ticketsConnector.readOriginal!(config, { ticket: '31008' }, fileSearchContext(dir));
    expect(JSON.parse(original!.bytes.toString('utf8'))).toEqual(mine);
    expect(original!.bytes.toString('utf8')).not.toContain('erika@muster.example');

    writeFileSync(join(dir, 'zwei-neu.json'), JSON.stringify([other]));
    renameSync(join(dir, 'zwei-neu.json'), join(dir, 'zwei.json'));
    expect(await ticketsConnector.readOriginal!(config, { ticket: '31008' }, fileSearchContext(dir))).toBeNull();
  });

  it('reads a batch of tickets in one pass, in the order asked, as one by one', async () => {
    const ticket = (id: number, customer: string) => ({ ticket: { id, number: String(31000 + id), title: `T${id}`, customer }, articles: [{ id, body: `Text ${id}` }] });
    const [a, b, c] = [ticket(1, 'anna.mueller@example.de'), ticket(2, 'erika@muster.example'), ticket(3, 'anna.mueller@example.de')];
    writeFileSync(join(dir, 'viele.ndjson'), [a, b, c].map((t) => JSON.stringify(t)).join('\n') + '\n');
    const config = ticketsConnector.configSchema.parse({ id: 'tickets', type: 'tickets', format: 'zammad', path: 'viele.ndjson' });
    const asked = [{ ticket: '31003' }, { ticket: '39999' }, { ticket: '31001' }, { ticket: '31003' }, {}];
    const batch = await ticketsConnector.readOriginals!(config, asked, fileSearchContext(dir));
    expect(batch.map((o) => o && JSON.parse(o.bytes.toString('utf8')))).toEqual([c, null, a, c, null]);
    const single = await Promise.all(asked.map((l) => ticketsConnector.readOriginal!(config, l, fileSearchContext(dir))));
    expect(batch).toEqual(single);
  });

  it('says that a Zendesk or Jira export keeps no record per ticket', async () => {
    const config = ticketsConnector.configSchema.parse({ id: 'tickets', type: 'tickets', format: 'jira-csv', path: 'jira.csv' });
    await expect(ticketsConnector.readOriginal!(config, { ticket: 'SUP-1' }, fileSearchContext(dir))).rejects.toBeInstanceOf(OriginalNotKeptError);
  });
});
