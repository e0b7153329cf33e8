import { describe, expect, it } from 'vitest';
import { strengthOf } from '../../../../src/core/identity/compileSubject.js';
import { tempDirForFile } from '../fileSearchContext.js';
import { LOOK_ALIKES, searchTickets, writeExport } from './ticketTestSource.js';

const dir = tempDirForFile('auskunft-zammad-');

const article = (id: number, body: string, extra: Record<string, unknown> = {}) => ({
  id,
  from: 'support@firma.example',
  content_type: 'text/html',
  body,
  created_at: '2024-05-02T10:00:00.000Z',
  ...extra,
});
const record = (number: string, title: string, articles: unknown[]) => ({
  ticket: { id: Number(number), number, title, created_at: '2024-05-01T08:00:00.000Z' },
  articles,
});

describe('Zammad export', () => {
  it('streams NDJSON, matches HTML on its text, skips look-alikes and reports a broken line', async () => {
    const lines = [
      record('1001', 'Mailto', [article(1, '<p>Kontakt: <a href="mailto:anna.mueller@example.de">hier</a></p>')]),
      record('1002', 'Entities', [article(2, '<div>Gespr&auml;ch mit Frau Anna&nbsp;M&uuml;ller.</div>')]),
      record('1003', 'Look-alikes', [
        article(3, `<p>${LOOK_ALIKES.email}, ${LOOK_ALIKES.domain}, Tel. ${LOOK_ALIKES.phone}, ${LOOK_ALIKES.customerId}, ${LOOK_ALIKES.name}</p>`, { from: LOOK_ALIKES.email }),
      ]),
    ].map((r) => JSON.stringify(r));
    lines.push('{"ticket": {"number": "1004", "title": "abgeschnitten');
    lines.push(JSON.stringify(record('1005', 'Telefon', [article(5, 'R&uuml;ckruf: 07022&nbsp;7896848-0', { content_type: 'text/plain' })])));
    lines.push(JSON.stringify({ ticket: { title: 'ohne Nummer', customer: 'anna.mueller@example.de' }, articles: [] }));
    lines.push('[1, 2]');
    const path = writeExport(dir, 'export.ndjson', `${lines.join('\n')}\n`);

    const { findings, warnings } = await searchTickets(dir, { format: 'zammad', path });

    expect(findings.map((f) => f.locator)).toEqual([{ ticket: '1001' }, { ticket: '1002' }, { ticket: '1005' }, { line: 6 }]);
    const [mailto, entities, phone] = findings;
    expect(mailto!.matches).toEqual([{ type: 'email', value: 'anna.mueller@example.de', field: 'article[1].body' }]);
    expect(entities!.matches).toEqual([{ type: 'name', value: 'Anna Müller', field: 'article[2].body', found: 'Anna\u00a0Müller' }]);
    expect(strengthOf(entities!.matches)).toBe('weak');
    expect(entities!.record).toMatchObject({ articles: [{ text: 'Gespräch mit Frau Anna\u00a0Müller.' }] });
    // A plain-text body full of entities is still read as HTML: agents paste HTML into notes.
    expect(phone!.matches).toEqual([expect.objectContaining({ type: 'phone', field: 'article[5].body' })]);

    expect(warnings).toEqual([
      { kind: 'warning', locator: { line: 4 }, message: expect.stringMatching(/line break inside a string.*lines 4–4 were not searched/), uncovered: true },
      { kind: 'warning', locator: { line: 6 }, message: 'the ticket has neither "number" nor "id"' },
      { kind: 'warning', locator: { line: 7 }, message: expect.stringMatching(/not a Zammad ticket/), uncovered: true },
    ]);
  });

  it('reads a pretty-printed array of records, each ticket its own finding', async () => {
    const records = Array.from({ length: 50 }, (_, i) =>
      record(String(2000 + i), `Ticket ${i}`, [article(i, i % 10 === 0 ? 'Kundennummer K-10442' : 'nichts')]),
    );
    const path = writeExport(dir, 'export.json', JSON.stringify(records, null, 2));
    const { findings, warnings } = await searchTickets(dir, { format: 'zammad', path });
    expect(warnings).toEqual([]);
    expect(findings.map((f) => f.locator.ticket)).toEqual(['2000', '2010', '2020', '2030', '2040']);
    expect(findings[0]!.matches).toEqual([{ type: 'customerId', value: 'K-10442', field: 'article[0].body' }]);
  });

  it('matches &szlig; and umlaut entities of a name', async () => {
    const path = writeExport(dir, 'weiss.json', JSON.stringify(record('3001', 'Anfrage', [article(1, '<p>Herr J&uuml;rgen Wei&szlig; ruft zur&uuml;ck.</p>')])));
    const { findings } = await searchTickets(dir, { format: 'zammad', path }, { name: 'Jürgen Weiß' });
    expect(findings.map((f) => [f.locator.ticket, f.matches.map((m) => m.type)])).toEqual([['3001', ['name']]]);
  });
});
