import { fileURLToPath } from 'node:url';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { contactsConnector } from '../../../../src/core/connectors/contacts/contactsConnector.js';
import type { FoundRecord } from '../../../../src/core/connectors/connector.js';
import { SourceError } from '../../../../src/core/connectors/connector.js';
import { loadConnector } from '../../../../src/core/connectors/registry.js';
import { collect, fileSearchContext, subjectQuery, tempDirForFile } from '../fileSearchContext.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/crm', import.meta.url));
const dir = tempDirForFile('auskunft-contacts-');
for (const name of ['ezvcard-John_Doe_GMAIL.vcf', 'ezvcard-John_Doe_MS_OUTLOOK.vcf', 'ezvcard-rfc6350-example.vcf']) copyFileSync(join(FIXTURES, name), join(dir, name));

const juergen = subjectQuery({ name: 'Jürgen Weiß', emails: ['j.weiss@beispiel-gmbh.de'], phones: ['0711 12345678'] });
const config = (extra: Record<string, unknown>) => contactsConnector.configSchema.parse({ id: 'contacts', type: 'contacts', ...extra });
const search = (extra: Record<string, unknown>, subject = juergen, ctx = fileSearchContext(dir)) => collect(contactsConnector.search(config(extra), subject, ctx));
const write = (name: string, content: string | Buffer): string => {
  writeFileSync(join(dir, name), content);
  return name;
};
const fields = (finding: FoundRecord | undefined) => {
  const record = finding?.record;
  return (record && 'fields' in record ? record.fields : undefined) ?? [];
};
const fieldValue = (finding: FoundRecord | undefined, name: string) => fields(finding).find((f) => f.name === name)?.value;

describe('contacts connector: registry, config, check()', () => {
  it('is registered as type "contacts"', async () => {
    expect(await loadConnector('contacts')).toBe(contactsConnector);
  });

  it('takes the format from the extension, and asks for it when the extension does not tell', () => {
    expect(contactFormatOf({ path: 'a.VCF' })).toBe(true);
    expect(contactFormatOf({ path: 'kontakte.csv' })).toBe(true);
    const unknown = contactsConnector.configSchema.safeParse({ id: 'c', type: 'contacts', path: 'export.dat' });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]).toMatchObject({ path: ['format'], message: expect.stringMatching(/set format: vcard or format: outlook-csv/) });
    expect(contactsConnector.configSchema.safeParse({ id: 'c', type: 'contacts', path: 'export.dat', format: 'vcard' }).success).toBe(true);
    expect(contactsConnector.configSchema.safeParse({ id: 'c', type: 'contacts', path: 'a.vcf', delimiter: ';' }).success).toBe(false);
    expect(contactsConnector.configSchema.safeParse({ id: 'c', type: 'contacts', path: 'a.vcf', encoding: 'klingon' }).success).toBe(false);
  });

  it('check() is ok for a readable file and says why not for a missing one; search of a missing file is a SourceError', async () => {
    const ctx = fileSearchContext(dir);
    expect(await contactsConnector.check(config({ path: 'ezvcard-rfc6350-example.vcf' }), ctx)).toMatchObject({ ok: true });
    expect(await contactsConnector.check(config({ path: 'fehlt.vcf' }), ctx)).toMatchObject({ ok: false, message: expect.stringMatching(/fehlt\.vcf does not exist/) });
    await expect(search({ path: 'fehlt.vcf' })).rejects.toThrow(SourceError);
  });
});

function contactFormatOf(extra: Record<string, unknown>): boolean {
  return contactsConnector.configSchema.safeParse({ id: 'c', type: 'contacts', ...extra }).success;
}

describe('contacts connector: vCard fixtures (ez-vcard)', () => {
  const john = subjectQuery({ name: 'John Doe', emails: ['john.doe@ibm.com', 'john.doe@ibm.cm'] });

  it('Gmail 3.0: grouped properties get their X-ABLabel, folded lines are unfolded', async () => {
    const { findings, warnings } = await search({ path: 'ezvcard-John_Doe_GMAIL.vcf' }, john);
    expect(warnings).toEqual([]);
    expect(findings).toHaveLength(1);
    const [card] = findings;
    expect(card?.locator).toEqual({ path: 'ezvcard-John_Doe_GMAIL.vcf', line: 1 });
    expect(card?.title).toBe('ezvcard-John_Doe_GMAIL.vcf, Zeile 1: Mr. John Richter, James Doe Sr.');
    expect(card?.matches).toEqual(
      expect.arrayContaining([
        { type: 'email', value: 'john.doe@ibm.com', field: 'EMAIL (INTERNET, HOME)' },
        expect.objectContaining({ type: 'name', value: 'John Doe', field: 'N' }),
      ]),
    );
    expect(card?.record?.kind).toBe('row');
    expect(fieldValue(card, 'X-ABDATE (Anniversary)')).toBe('1975-03-01');
    expect(fieldValue(card, 'X-ABRELATEDNAMES (Spouse)')).toBe('Jenny');
    expect(fieldValue(card, 'URL (WORK)')).toBe('http://www.ibm.com');
    expect(fieldValue(card, 'NOTE')).toContain('BUT NOT LIMITED TO, THE IMPLIED WARRANTIES');
    expect(fieldValue(card, 'NOTE')).toContain('\nFavotire Color: Blue');
    expect(fieldValue(card, 'ADR (HOME)')).toContain('New York 12345');
    expect(fields(card).some((f) => /X-ABLABEL/i.test(f.name))).toBe(false);
  });

  it('Outlook 2.1: quoted-printable soft breaks joined, base64 PHOTO skipped and never decoded, REV as date', async () => {
    const { findings, warnings } = await search({ path: 'ezvcard-John_Doe_MS_OUTLOOK.vcf' }, john);
    expect(warnings).toEqual([]);
    const [card] = findings;
    expect(card?.matches).toContainEqual({ type: 'email', value: 'john.doe@ibm.cm', field: 'EMAIL (PREF, INTERNET)' });
    expect(fieldValue(card, 'LABEL (WORK, PREF)')).toBe('Cresent moon drive\r\nAlbaney, New York  12345');
    expect(fieldValue(card, 'PHOTO (JPEG)')).toMatch(/^\[binary data, about \d+ bytes, not searched\]$/);
    const everything = JSON.stringify(card?.record);
    expect(everything).not.toContain('/9j/4AAQ');
    expect(everything).not.toContain('JFIF');
    expect(fieldValue(card, 'X-MS-OL-DESIGN')).toMatch(/^<card xmlns=/);
    expect(fieldValue(card, 'REV')).toBe('20120305T131933Z');
    expect(card?.date).toBe('2012-03-05T13:19:33Z');
  });

  it('RFC 6350 4.0: a TEL tel: URI with ext= is compared in E.164; one digit off is not', async () => {
    const simon = subjectQuery({ phones: ['+1 418 656 9254'] });
    const { findings } = await search({ path: 'ezvcard-rfc6350-example.vcf' }, simon);
    expect(findings[0]?.matches).toEqual([{ type: 'phone', value: '+14186569254', field: 'TEL (work, voice)', found: '+1-418-656-9254 ext. 102' }]);
    expect(fieldValue(findings[0], 'ADR (work)')).toBe('Suite D2-630, 2875 Laurier, Quebec, QC, G1V 2M2, Canada');
    const other = await search({ path: 'ezvcard-rfc6350-example.vcf' }, subjectQuery({ phones: ['+1 418 656 9255'] }));
    expect(other.findings).toEqual([]);
  });
});

describe('contacts connector: vCard files written here', () => {
  it('vCard 2.1 with CHARSET=ISO-8859-1 quoted-printable, a UTF-8 QP value split inside a character, and cp1252 bytes', async () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Wei=DF;J=FCrgen',
      'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:R=C3=BCckruf von J=C3=',
      '=BCrgen Wei=C3=9F erbeten=0D=0A=',
      'zweite Zeile',
      'TEL;WORK;VOICE:0711 / 123 456-78',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN:Hans Meier',
      'TEL;CELL:0711 12345679',
      'END:VCARD',
      '',
    ].join('\r\n');
    const path = write('android.vcf', Buffer.from(text, 'latin1'));
    const { findings, warnings } = await search({ path });
    expect(warnings).toEqual([]);
    expect(findings).toHaveLength(1);
    const [card] = findings;
    expect(card?.locator).toEqual({ path: 'android.vcf', line: 1 });
    expect(card?.title).toBe('android.vcf, Zeile 1: Jürgen Weiß');
    expect(fieldValue(card, 'N')).toBe('Weiß; Jürgen');
    expect(fieldValue(card, 'NOTE')).toBe('Rückruf von Jürgen Weiß erbeten\r\nzweite Zeile');
    expect(card?.matches).toEqual(
      expect.arrayContaining([
        { type: 'phone', value: '+4971112345678', field: 'TEL (WORK, VOICE)', found: '0711 / 123 456-78' },
        expect.objectContaining({ type: 'name', field: 'N' }),
        expect.objectContaining({ type: 'name', field: 'NOTE' }),
      ]),
    );
  });

  it('a windows-1252 file without CHARSET parameters is decoded by detection', async () => {
    const path = write('outlook-ansi.vcf', iconv.encode('BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Jürgen Weiß\r\nEMAIL;INTERNET:j.weiss@beispiel-gmbh.de\r\nEND:VCARD\r\n', 'windows-1252'));
    const { findings } = await search({ path });
    expect(fieldValue(findings[0], 'FN')).toBe('Jürgen Weiß');
    expect(findings[0]?.matches.map((m) => m.type).sort()).toEqual(['email', 'name']);
  });

  it('UTF-16 with BOM (Outlook "Unicode") and UTF-8 with BOM', async () => {
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jürgen Weiß\r\nEND:VCARD\r\n';
    const utf16 = write('unicode.vcf', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(card, 'utf16le')]));
    const bom8 = write('bom.vcf', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(card, 'utf8')]));
    for (const path of [utf16, bom8]) {
      const { findings, warnings } = await search({ path });
      expect(warnings).toEqual([]);
      expect(findings.map((f) => f.locator.line)).toEqual([1]);
      expect(fieldValue(findings[0], 'FN')).toBe('Jürgen Weiß');
    }
  });

  it('3.0 folding removes one space, 2.1 folding keeps it', async () => {
    const v3 = write('fold3.vcf', 'BEGIN:VCARD\nVERSION:3.0\nFN:Jür\n gen Weiß\nEMAIL:j.weiss@beispiel-\n gmbh.de\nEND:VCARD\n');
    const v21 = write('fold21.vcf', 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Jürgen\r\n Weiß\r\nEND:VCARD\r\n');
    const three = await search({ path: v3 });
    expect(fieldValue(three.findings[0], 'FN')).toBe('Jürgen Weiß');
    expect(three.findings[0]?.matches.map((m) => m.type)).toContain('email');
    const two = await search({ path: v21 });
    expect(fieldValue(two.findings[0], 'FN')).toBe('Jürgen Weiß');
  });

  it('a card without END:VCARD, lines outside any card, and a file that ends inside a card are warnings; nothing goes unsearched', async () => {
    const path = write(
      'kaputt.vcf',
      [
        'Exportiert am 01.03.2024 von j.weiss@beispiel-gmbh.de', // line 1: stray text
        'BEGIN:VCARD', // 2
        'VERSION:3.0',
        'FN:Hans Meier',
        'BEGIN:VCARD', // 5: Hans's card never ended
        'VERSION:3.0',
        'FN:Jürgen Weiß',
        'kein Property', // 8
        'END:VCARD',
        'BEGIN:VCARD', // 10
        'VERSION:3.0',
        'EMAIL:j.weiss@beispiel-gmbh.de',
      ].join('\n'),
    );
    const { findings, warnings } = await search({ path });
    expect(warnings.map((w) => [w.locator.line, w.message])).toEqual([
      [1, expect.stringMatching(/1 line\(s\) outside BEGIN:VCARD/)],
      [2, expect.stringMatching(/no END:VCARD before the next BEGIN:VCARD on line 5/)],
      [5, expect.stringMatching(/line 8 is not a vCard property/)],
      [10, expect.stringMatching(/file ends inside this card/)],
    ]);
    expect(findings.map((f) => f.locator.line)).toEqual([1, 5, 10]);
    expect(findings[0]?.matches).toEqual([expect.objectContaining({ type: 'email', field: 'Zeile 1' })]);
    expect(fieldValue(findings[1], 'Zeile 8')).toBe('kein Property');
  });

  it('a vCard 2.1 AGENT card nested inside a card belongs to it', async () => {
    const path = write('agent.vcf', 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Chefin\r\nAGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nFN:Jürgen Weiß\r\nEND:VCARD\r\nTEL:0711 1\r\nEND:VCARD\r\n');
    const { findings, warnings } = await search({ path });
    expect(warnings).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.title).toBe('agent.vcf, Zeile 1: Chefin');
    expect(findings[0]?.matches).toEqual([expect.objectContaining({ type: 'name', field: 'AGENT.FN' })]);
  });

  it('a vCard 4.0 data: URI photo is skipped', async () => {
    const path = write('photo4.vcf', 'BEGIN:VCARD\nVERSION:4.0\nFN:Jürgen Weiß\nPHOTO:data:image/jpeg;base64,MIICajCCAdOgAwIBAgICBEUwDQYJKoZIhvcN\n AQEEBQAwdzELMAkGA1UEBhMCVVMxLDAqBgNVBAoTI05ldHNjYXBlIENvbW11bmljYXRpb25z\nEND:VCARD\n');
    const { findings } = await search({ path });
    expect(fieldValue(findings[0], 'PHOTO')).toMatch(/^\[binary data/);
    expect(JSON.stringify(findings[0]?.record)).not.toContain('MIICajCC');
  });

  it('streams a file of many cards: progress every 1000 cards, the one card found on its line', async () => {
    const cards: string[] = [];
    for (let i = 0; i < 2500; i++) {
      const who = i === 1799 ? 'FN:Jürgen Weiß\r\nEMAIL;TYPE=INTERNET:j.weiss@beispiel-gmbh.de' : `FN:Person ${i}\r\nEMAIL;TYPE=INTERNET:person${i}@example.org`;
      cards.push(`BEGIN:VCARD\r\nVERSION:3.0\r\n${who}\r\nTEL;TYPE=CELL:0711 ${String(20000000 + i)}\r\nEND:VCARD\r\n`);
    }
    const path = write('viele.vcf', cards.join(''));
    const ctx = fileSearchContext(dir);
    const { findings, warnings } = await collect(contactsConnector.search(config({ path }), juergen, ctx));
    expect(warnings).toEqual([]);
    expect(findings.map((f) => f.locator.line)).toEqual([1799 * 6 + 1]);
    expect(ctx.progressLog.map((p) => p.scanned)).toEqual([1000, 2000, 2500]);
  });

  it('stops when the signal is aborted', async () => {
    const ctx = fileSearchContext(dir);
    ctx.abort.abort();
    await expect(collect(contactsConnector.search(config({ path: 'ezvcard-rfc6350-example.vcf' }), juergen, ctx))).rejects.toThrow();
  });
});

describe('contacts connector: Outlook CSV', () => {
  const germanHeader = iconv.decode(readFileSync(join(FIXTURES, 'outlook-contacts-header-de.csv')), 'windows-1252').trim();
  const englishHeader = readFileSync(join(FIXTURES, 'outlook-contacts-header-en.csv'), 'utf8').trim();

  const row = (header: string[], values: Record<string, string>) => header.map((h) => values[h] ?? '');

  it('German export (windows-1252, CRLF, ";"): the row of Jürgen Weiß by email and phone, with path and line', async () => {
    const header = germanHeader.split(',');
    const quote = (cells: string[]) => cells.map((c) => (/[;"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';');
    const lines = [
      quote(header),
      quote(row(header, { Vorname: 'Hans', Nachname: 'Meier', 'E-Mail-Adresse': 'h.meier@example.org', 'Telefon geschäftlich': '0711 12345679' })),
      quote(row(header, { Vorname: 'Jürgen', Nachname: 'Weiß', 'E-Mail-Adresse': 'j.weiss@beispiel-gmbh.de', 'Telefon geschäftlich': '0711 12345678', Notizen: 'Mehrzeilige\r\nNotiz; mit Semikolon' })),
      quote(row(header, { Vorname: 'Eva', Nachname: 'Schulz' })),
    ];
    const path = write('kontakte-de.csv', iconv.encode(lines.join('\r\n') + '\r\n', 'windows-1252'));
    const { findings, warnings } = await search({ path });
    expect(warnings).toEqual([]);
    expect(findings.map((f) => f.locator)).toEqual([{ path: 'kontakte-de.csv', line: 3 }]);
    const [contact] = findings;
    expect(contact?.title).toContain('Jürgen Weiß');
    expect(contact?.record?.kind).toBe('row');
    expect(contact?.matches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'email', field: 'E-Mail-Adresse' }),
        expect.objectContaining({ type: 'phone', value: '+4971112345678', field: 'Telefon geschäftlich' }),
      ]),
    );
    expect(fieldValue(contact, 'Notizen')).toBe('Mehrzeilige\r\nNotiz; mit Semikolon');
  });

  it('English export (UTF-8, ","): found by name only is a weak match on the composed name', async () => {
    const header = englishHeader.split(',');
    const lines = [header.join(','), row(header, { 'First Name': 'Juergen', 'Last Name': 'Weiss', 'E-mail Address': 'jw@example.org' }).join(',')];
    const path = write('contacts-en.csv', lines.join('\n') + '\n');
    const { findings } = await search({ path });
    expect(findings.map((f) => f.locator)).toEqual([{ path: 'contacts-en.csv', line: 2 }]);
    expect(findings[0]?.matches.every((m) => m.type === 'name')).toBe(true);
  });
});
