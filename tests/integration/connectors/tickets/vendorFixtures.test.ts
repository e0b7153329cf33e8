import { describe, expect, it } from 'vitest';
import { strengthOf } from '../../../../src/core/identity/compileSubject.js';
import { FIXTURES, searchTickets } from './ticketTestSource.js';

/** The shared vendor samples (fixtures/tickets, shapes per vendor docs), each searched for Anna Müller. */
describe('tickets connector on the vendor fixtures', () => {
  it('Zammad: one finding for ticket number 31042 with both articles, HTML body as text', async () => {
    const { findings, warnings } = await searchTickets('/', { format: 'zammad', path: `${FIXTURES}/SYNTHETIC-zammad-ticket-with-articles.json` });
    expect(warnings).toEqual([]);
    expect(findings).toHaveLength(1);
    const [ticket] = findings;
    expect(ticket!.locator).toEqual({ ticket: '31042' });
    expect(ticket!.title).toBe('Ticket 31042: Auskunft nach Art. 15 DSGVO');
    expect(ticket!.date).toBe('2024-03-04T08:15:01Z');
    expect(strengthOf(ticket!.matches)).toBe('strong');
    expect(ticket!.matches).toEqual(
      expect.arrayContaining([
        { type: 'email', value: 'anna.mueller@example.de', field: 'article[101].from' },
        { type: 'phone', value: '+49702278968480', field: 'article[102].body', found: '07022 7896848-0' },
      ]),
    );
    expect(ticket!.record).toMatchObject({
      kind: 'ticket',
      title: 'Auskunft nach Art. 15 DSGVO',
      articles: [
        { from: '"Anna Müller" <anna.mueller@example.de>', date: '2024-03-04T08:15:01Z', text: 'Sehr geehrte Damen und Herren, …' },
        { from: 'Max Agent', date: '2024-03-04T09:00:00Z', text: 'Rückruf unter 07022 7896848-0 vereinbart' },
      ],
    });
    const fields = (ticket!.record as { fields: Array<{ name: string; value: string }> }).fields;
    expect(fields).toEqual(expect.arrayContaining([{ name: 'article[101].attachments[0].filename', value: 'Ausweis.pdf' }]));
  });

  it('Zendesk: ticket 35436 with its email and voice comments', async () => {
    const { findings, warnings } = await searchTickets('/', { format: 'zendesk', path: `${FIXTURES}/SYNTHETIC-zendesk-ticket-and-comments.json` });
    expect(warnings).toEqual([]);
    expect(findings.map((f) => f.locator)).toEqual([{ ticket: '35436' }]);
    const [ticket] = findings;
    expect(ticket!.date).toBe('2024-03-04T08:15:01Z');
    expect(ticket!.matches.map((m) => m.field)).toEqual(
      expect.arrayContaining(['via.source.from.address', 'custom_fields[0].value', 'comment[1274].via.source.from.address', 'comment[1275].body']),
    );
    expect(ticket!.record).toMatchObject({ kind: 'ticket', title: 'Auskunft', articles: [{ from: 'anna.mueller@example.de', text: 'Sehr geehrte …' }, { text: 'Inbound call from +49 7022 7896848' }] });
  });

  it('Jira CSV: issue DSG-7 with the multi-line description and the comment as an article', async () => {
    const { findings, warnings } = await searchTickets('/', { format: 'jira-csv', path: `${FIXTURES}/SYNTHETIC-jira-export.csv` });
    expect(warnings).toEqual([]);
    expect(findings).toHaveLength(1);
    const [issue] = findings;
    expect(issue!.locator).toEqual({ ticket: 'DSG-7' });
    expect(issue!.date).toBe('2024-03-04T09:15:00');
    expect(issue!.matches).toEqual(
      expect.arrayContaining([
        { type: 'phone', value: '+49702278968480', field: 'Description', found: '07022 7896848-0' },
        { type: 'name', value: 'Anna Müller', field: 'Reporter' },
        { type: 'name', value: 'Anna Müller', field: 'Watchers' },
      ]),
    );
    const record = issue!.record as { fields: Array<{ name: string; value: string }>; articles: unknown[] };
    expect(record.fields.filter((f) => f.name === 'Watchers').map((f) => f.value)).toEqual(['Max Agent', 'Anna Müller']);
    expect(record.fields.find((f) => f.name === 'Description')?.value).toBe('Mehrzeilig:\r\nTel. 07022 7896848-0, "dringend"'); // the fixture has CRLF; kept as held
    expect(record.articles).toEqual([{ from: '5b10ac8d82e05b22cc7d4ef5', date: '2024-03-04T09:30:00', text: 'Erledigt, siehe Ticket DSG-6' }]);
  });

  it('OTRS/Znuny TicketGet: ticket by TicketNumber, dynamic field by name, local time without zone', async () => {
    const { findings, warnings } = await searchTickets('/', { format: 'otrs', path: `${FIXTURES}/SYNTHETIC-otrs-znuny-TicketGet.json` });
    expect(warnings).toEqual([]);
    expect(findings.map((f) => f.locator)).toEqual([{ ticket: '2024030410000012' }]);
    const [ticket] = findings;
    expect(ticket!.date).toBe('2024-03-04T09:15:01');
    expect(ticket!.matches.map((m) => [m.type, m.field])).toEqual(
      expect.arrayContaining([
        ['email', 'CustomerUserID'],
        ['phone', 'DynamicField.Telefon'],
        ['email', 'Article[1].From'],
      ]),
    );
    const fields = (ticket!.record as { fields: Array<{ name: string; value: string }> }).fields;
    expect(fields.some((f) => f.name.endsWith('.Content'))).toBe(false); // base64 attachment content is not copied into the record
  });
});
