import { describe, expect, it } from 'vitest';
import { tempDirForFile } from '../fileSearchContext.js';
import { LOOK_ALIKES, searchTickets, writeExport } from './ticketTestSource.js';

const dir = tempDirForFile('auskunft-generic-');

const FIELDS = {
  id: 'key',
  title: 'summary',
  created: 'opened',
  body: 'text',
  articles: 'thread.messages',
  articleFrom: 'author.email',
  articleDate: 'at',
  articleBody: 'content',
};

describe('generic JSON export with a field mapping', () => {
  it('reads tickets under a root member, with nested articles and unmapped values searched too', async () => {
    const exported = {
      meta: { exported: '2024-06-01', by: 'admin' },
      data: [
        {
          key: 'HD-1',
          summary: 'Lieferung',
          opened: '2024-05-01 09:00:00',
          text: '<p>Kunde ruft an</p>',
          thread: { messages: [{ author: { email: 'anna.mueller@example.de' }, at: '2024-05-01T09:05:00Z', content: 'Wo bleibt das Paket?' }] },
        },
        { key: 'HD-2', summary: 'Fremd', text: `${LOOK_ALIKES.email} ${LOOK_ALIKES.name}`, thread: { messages: [] } },
        // The customer id sits in an unmapped field: it is searched all the same.
        { key: 'HD-3', summary: 'Vertrag', custom: { kundennr: 'K-10442' } },
        { summary: 'ohne Schlüssel' },
        'kein Objekt',
      ],
    };
    const text = JSON.stringify(exported, null, 2);
    const path = writeExport(dir, 'helpdesk.json', text);
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

    const { findings, warnings } = await searchTickets(dir, { format: 'generic', path, root: 'data', fields: FIELDS });

    expect(findings.map((f) => f.locator)).toEqual([{ ticket: 'HD-1' }, { ticket: 'HD-3' }]);
    const [delivery, contract] = findings;
    expect(delivery!.date).toBe('2024-05-01T09:00:00');
    expect(delivery!.matches).toEqual([{ type: 'email', value: 'anna.mueller@example.de', field: 'thread.messages[0].author.email' }]);
    expect(delivery!.record).toMatchObject({
      title: 'Lieferung',
      articles: [
        { date: '2024-05-01T09:00:00', text: 'Kunde ruft an' },
        { from: 'anna.mueller@example.de', date: '2024-05-01T09:05:00Z', text: 'Wo bleibt das Paket?' },
      ],
    });
    expect(contract!.matches).toEqual([{ type: 'customerId', value: 'K-10442', field: 'custom.kundennr' }]);
    expect(warnings.map((w) => [w.locator, w.message])).toEqual([
      [{ line: lineOf('"ohne Schlüssel"') - 1 }, 'no ticket id at "key"'], // the line of its opening brace
      [{ line: lineOf('"kein Objekt"') }, 'not a ticket object (found string)'],
    ]);
  });

  it('reads NDJSON without a root', async () => {
    const path = writeExport(dir, 'helpdesk.ndjson', `${JSON.stringify({ key: 7, text: 'Anna Müller' })}\n${JSON.stringify({ key: 8, text: 'niemand' })}\n`);
    const { findings } = await searchTickets(dir, { format: 'generic', path, fields: { id: 'key', body: 'text' } });
    expect(findings.map((f) => [f.locator, f.matches.map((m) => m.field)])).toEqual([[{ ticket: '7' }, ['text']]]);
  });
});
