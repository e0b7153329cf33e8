import { describe, expect, it } from 'vitest';
import { tempDirForFile } from '../fileSearchContext.js';
import { LOOK_ALIKES, searchTickets, writeExport } from './ticketTestSource.js';

const dir = tempDirForFile('auskunft-zendesk-');

describe('Zendesk export', () => {
  it('resolves author and requester ids to users listed after the tickets', async () => {
    // The subject appears only as user 501: the tickets and comments carry nothing but her id.
    const response = {
      tickets: [
        { id: 1, subject: 'Rechnung', requester_id: 501, collaborator_ids: [503], created_at: '2024-05-01T10:00:00Z' },
        { id: 2, subject: 'Andere Kundin', requester_id: 502, created_at: '2024-05-01T11:00:00Z' },
        { id: 3, subject: 'Rückruf', requester_id: 502, created_at: '2024-05-01T12:00:00Z' },
      ],
      comments: [
        { id: 11, ticket_id: 1, author_id: 503, body: 'Wir melden uns.', created_at: '2024-05-01T10:05:00Z' },
        { id: 12, ticket_id: 2, author_id: 502, body: `Tel. ${LOOK_ALIKES.phone}, ${LOOK_ALIKES.customerId}`, created_at: '2024-05-01T11:05:00Z' },
        { id: 13, ticket_id: 3, author_id: 503, html_body: '<p>Neue Nummer der Kundin: 07022&nbsp;7896848-0</p>', created_at: '2024-05-01T12:05:00Z' },
        { id: 14, author_id: 501, body: 'Eine Notiz ohne Ticket.', created_at: '2024-05-01T13:00:00Z' },
        { id: 15, ticket_id: 1, author_id: 501, body: 'Danke!', created_at: '2024-05-01T14:00:00Z' },
      ],
      users: [
        { id: 501, name: 'A. M.', email: 'anna.mueller@example.de' },
        { id: 502, name: LOOK_ALIKES.name, email: LOOK_ALIKES.email },
        { id: 503, name: 'Agent Smith', email: 'agent@firma.example' },
      ],
      next_page: null,
      count: 3,
    };
    const path = writeExport(dir, 'tickets.json', JSON.stringify(response));

    const { findings, warnings } = await searchTickets(dir, { format: 'zendesk', path });

    expect(findings.map((f) => f.locator)).toEqual([{ ticket: '1' }, { ticket: '3' }]);
    const [invoice, callback] = findings;
    expect(invoice!.matches.map((m) => [m.type, m.field])).toEqual([
      ['email', 'requester'],
      ['email', 'comment[15].author'],
    ]);
    expect(invoice!.record).toMatchObject({
      kind: 'ticket',
      title: 'Rechnung',
      fields: expect.arrayContaining([
        { name: 'requester', value: 'A. M. <anna.mueller@example.de>' },
        { name: 'collaborators', value: 'Agent Smith <agent@firma.example>' },
      ]),
      articles: [
        { from: 'Agent Smith <agent@firma.example>', date: '2024-05-01T10:05:00Z', text: 'Wir melden uns.' },
        { from: 'A. M. <anna.mueller@example.de>', date: '2024-05-01T14:00:00Z', text: 'Danke!' },
      ],
    });
    expect(callback!.matches).toEqual([expect.objectContaining({ type: 'phone', field: 'comment[13].body' })]);
    expect(callback!.record).toMatchObject({ articles: [{ text: 'Neue Nummer der Kundin: 07022\u00a07896848-0' }] });

    // Comment 14 has no ticket_id in a response with three tickets: said, and marked uncovered because it concerns her.
    expect(warnings).toEqual([
      { kind: 'warning', locator: { line: 1 }, message: expect.stringMatching(/^comment 14 has no ticket_id .* several tickets.*it mentions the subject$/), uncovered: true },
    ]);
  });

  it('attaches comments without ticket_id to the one ticket of their response, NDJSON, keeping the latest version', async () => {
    const lines = [
      { ticket: { id: 7, subject: 'Erste Fassung', requester_id: 501 }, comments: [{ id: 71, author_id: 501, body: 'Hallo' }], users: [{ id: 501, name: 'Anna Müller', email: 'anna.mueller@example.de' }] },
      { ticket: { id: 8, subject: 'Fremd', requester_id: 502 }, comments: [{ id: 81, author_id: 502, body: 'Hi' }], users: [{ id: 502, name: LOOK_ALIKES.name, email: LOOK_ALIKES.email }] },
      'das ist kein JSON',
      { ticket: { id: 7, subject: 'Zweite Fassung', requester_id: 501 }, comments: [{ id: 71, author_id: 501, body: 'Hallo' }, { id: 72, author_id: 502, body: 'Antwort' }] },
    ].map((l) => (typeof l === 'string' ? l : JSON.stringify(l)));
    const path = writeExport(dir, 'tickets.ndjson', `${lines.join('\n')}\n`);

    const { findings, warnings } = await searchTickets(dir, { format: 'zendesk', path });

    expect(findings.map((f) => [f.locator, f.title])).toEqual([[{ ticket: '7' }, 'Ticket 7: Zweite Fassung']]);
    expect(findings[0]!.record).toMatchObject({
      articles: [
        { from: 'Anna Müller <anna.mueller@example.de>', text: 'Hallo' },
        { from: `${LOOK_ALIKES.name} <${LOOK_ALIKES.email}>`, text: 'Antwort' },
      ],
    });
    expect(warnings).toEqual([{ kind: 'warning', locator: { line: 3 }, message: expect.stringMatching(/not JSON/), uncovered: true }]);
  });
});
