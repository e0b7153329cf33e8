import { describe, expect, it } from 'vitest';
import { loadConnector } from '../../../../src/core/connectors/registry.js';
import { ticketsConnector } from '../../../../src/core/connectors/tickets/ticketsConnector.js';
import { fileSearchContext, tempDirForFile } from '../fileSearchContext.js';
import { FIXTURES, searchTickets, writeExport } from './ticketTestSource.js';

const dir = tempDirForFile('auskunft-tickets-');
const parse = (config: Record<string, unknown>) => ticketsConnector.configSchema.safeParse({ id: 't', type: 'tickets', ...config });

describe('tickets source', () => {
  it('is registered under its type', async () => {
    expect(await loadConnector('tickets')).toBe(ticketsConnector);
  });

  it('validates the config per format', () => {
    expect(parse({ format: 'zammad', path: 'x.json' }).success).toBe(true);
    expect(parse({ format: 'osticket', path: 'x.json' }).success).toBe(false);
    expect(parse({ path: 'x.json' }).success).toBe(false);
    expect(parse({ format: 'zammad', path: 'x.json', fields: { id: 'id' } }).success).toBe(false); // fields only for generic
    expect(parse({ format: 'generic', path: 'x.json' }).success).toBe(false); // generic needs its mapping
    expect(parse({ format: 'generic', path: 'x.json', fields: { title: 'subject' } }).success).toBe(false); // … with an id
    expect(parse({ format: 'generic', path: 'x.json', fields: { id: 'a..b' } }).success).toBe(false);
    expect(parse({ format: 'jira-csv', path: 'x.csv', encoding: 'klingon' }).success).toBe(false);
    const tab = parse({ format: 'jira-csv', path: 'x.csv', delimiter: 'TAB' });
    expect(tab.success && tab.data.format === 'jira-csv' && tab.data.delimiter).toBe('\t');
  });

  it('check() reports a readable export and names a missing one; search() fails on it', async () => {
    const ctx = fileSearchContext(dir);
    const ok = await ticketsConnector.check(parse({ format: 'zendesk', path: `${FIXTURES}/SYNTHETIC-zendesk-ticket-and-comments.json` }).data!, ctx);
    expect(ok).toEqual({ ok: true, message: `ticket export ${FIXTURES}/SYNTHETIC-zendesk-ticket-and-comments.json is readable (zendesk)` });
    expect(await ticketsConnector.check(parse({ format: 'zammad', path: 'fehlt.json' }).data!, ctx)).toEqual({ ok: false, message: 'ticket export fehlt.json does not exist' });
    await expect(searchTickets(dir, { format: 'zammad', path: 'fehlt.json' })).rejects.toThrow('ticket export fehlt.json does not exist');
    const jiraAsZammad = await ticketsConnector.check(parse({ format: 'zammad', path: `${FIXTURES}/SYNTHETIC-jira-export.csv` }).data!, ctx);
    expect(jiraAsZammad).toEqual({ ok: false, message: `ticket export ${FIXTURES}/SYNTHETIC-jira-export.csv is not zammad: the file does not start with JSON ("S")` });
    const zammadAsJira = await ticketsConnector.check(parse({ format: 'jira-csv', path: `${FIXTURES}/SYNTHETIC-zammad-ticket-with-articles.json` }).data!, ctx);
    expect(zammadAsJira.ok).toBe(false);
    expect((await ticketsConnector.check(parse({ format: 'jira-csv', path: `${FIXTURES}/SYNTHETIC-jira-export.csv` }).data!, ctx)).ok).toBe(true);
  });

  it('reports progress as tickets scanned and stops when aborted', async () => {
    const lines = Array.from({ length: 450 }, (_, i) => JSON.stringify({ ticket: { number: String(i), title: 'x' }, articles: [] }));
    const path = writeExport(dir, 'many.ndjson', lines.join('\n'));
    const ctx = fileSearchContext(dir);
    await searchTickets(dir, { format: 'zammad', path }, undefined, ctx);
    expect(ctx.progressLog.map((p) => p.scanned)).toEqual([200, 400, 450]);

    const aborted = fileSearchContext(dir);
    aborted.abort.abort();
    await expect(searchTickets(dir, { format: 'zammad', path }, undefined, aborted)).rejects.toThrow();
  });

  it('reads a UTF-8 export with BOM and a windows-1252 one alike', async () => {
    const record = { ticket: { number: '1', title: 'Rückruf' }, articles: [{ id: 1, body: 'Frau Anna Müller' }] };
    const bom = writeExport(dir, 'bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(record))]));
    const legacy = writeExport(dir, 'legacy.json', Buffer.from(JSON.stringify(record), 'latin1'));
    for (const path of [bom, legacy]) {
      const { findings, warnings } = await searchTickets(dir, { format: 'zammad', path });
      expect(warnings).toEqual([]);
      expect(findings.map((f) => [f.title, f.matches.map((m) => m.type)])).toEqual([['Ticket 1: Rückruf', ['name']]]);
    }
  });
});
