import { describe, expect, it } from 'vitest';
import { strengthOf } from '../../../../src/core/identity/compileSubject.js';
import { tempDirForFile } from '../fileSearchContext.js';
import { LOOK_ALIKES, searchTickets, writeExport } from './ticketTestSource.js';

const dir = tempDirForFile('auskunft-jira-');

const HEADER = 'Summary,Issue key,Issue id,Reporter,Created,Labels,Labels,Description,Comment,Comment,Watchers';

describe('Jira CSV export', () => {
  it('reads a windows-1252 export with multi-line comments, German dates and broken rows', async () => {
    const rows = [
      HEADER,
      // Line 2: the email sits in the second comment, on its second line, after semicolons.
      'Rückfrage,DSG-1,10001,Max Agent,04/Mär/24 09:15,dsgvo,rückruf,Bitte prüfen,"04/Mär/24 09:20;max;Angelegt","05/Mär/24 14:02;max;Antwort; siehe unten:\r\nKopie an anna.mueller@example.de",Max Agent',
      // Line 4: look-alikes only.
      `Fremd,DSG-2,10002,${LOOK_ALIKES.name},05/Mär/24 10:00,,,"${LOOK_ALIKES.email}, Tel. ${LOOK_ALIKES.phone}, ${LOOK_ALIKES.customerId}",,,`,
      // Line 5: no issue key at all.
      'Ohne Schlüssel,,10003,Max Agent,05/Mär/24 11:00,,,Rückruf 07022 7896848-0,,,',
      // Line 6: one field too many; still searched, and said.
      '"Beschwerde",DSG-4,10004,"Müller, Anna",06/Mär/24 08:00,,,Text,,,Max Agent,überzählig',
    ];
    const path = writeExport(dir, 'jira.csv', Buffer.from(`${rows.join('\r\n')}\r\n`, 'latin1'));

    const { findings, warnings } = await searchTickets(dir, { format: 'jira-csv', path });

    expect(findings.map((f) => f.locator)).toEqual([{ ticket: 'DSG-1' }, { line: 5 }, { ticket: 'DSG-4' }]);
    const [first, keyless, complaint] = findings;
    expect(first!.date).toBe('2024-03-04T09:15:00');
    expect(first!.matches).toEqual([{ type: 'email', value: 'anna.mueller@example.de', field: 'Comment[2].body' }]);
    expect(first!.record).toMatchObject({
      title: 'Rückfrage',
      fields: expect.arrayContaining([
        { name: 'Labels', value: 'dsgvo' },
        { name: 'Labels', value: 'rückruf' },
      ]),
      articles: [
        { from: 'max', date: '2024-03-04T09:20:00', text: 'Angelegt' },
        { from: 'max', date: '2024-03-05T14:02:00', text: 'Antwort; siehe unten:\r\nKopie an anna.mueller@example.de' },
      ],
    });
    expect(keyless!.matches).toEqual([expect.objectContaining({ type: 'phone', field: 'Description' })]);
    expect(strengthOf(complaint!.matches)).toBe('weak');
    expect(complaint!.matches).toEqual([{ type: 'name', value: 'Anna Müller', field: 'Reporter', found: 'Müller, Anna' }]);

    expect(warnings).toEqual([
      { kind: 'warning', locator: { line: 5 }, message: 'the row has no Issue key' },
      { kind: 'warning', locator: { ticket: 'DSG-4' }, message: 'row has 12 fields, the header has 11' },
    ]);
  });

  it('fails the source when the file is not a Jira export', async () => {
    const path = writeExport(dir, 'kunden.csv', 'Name;E-Mail\nAnna Müller;anna.mueller@example.de\n');
    await expect(searchTickets(dir, { format: 'jira-csv', path })).rejects.toThrow(/no "Issue key" column/);
  });

  it('honours a configured delimiter', async () => {
    const path = writeExport(dir, 'tab.csv', 'Summary\tIssue key\tDescription\nA\tDSG-9\tanna.mueller@example.de\n');
    const { findings } = await searchTickets(dir, { format: 'jira-csv', path, delimiter: 'tab', encoding: 'utf-8' });
    expect(findings.map((f) => f.locator)).toEqual([{ ticket: 'DSG-9' }]);
  });
});
