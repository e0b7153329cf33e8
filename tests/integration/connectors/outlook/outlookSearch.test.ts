import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../../src/core/connectors/connector.js';
import { outlookConnector } from '../../../../src/core/connectors/outlook/outlookConnector.js';
import { scanOutlookItem } from '../../../../src/core/connectors/common/outlook/scanOutlookItem.js';
import type { OutlookItem } from '../../../../src/core/connectors/common/outlook/outlookItem.js';
import { strengthOf } from '../../../../src/core/identity/strengthOf.js';
import { LocatorSchema } from '../../../../src/shared/findings.js';
import { collect, fileSearchContext, subjectQuery, tempDirForFile } from '../fileSearchContext.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/outlook');
const ctx = () => fileSearchContext(FIXTURES);
const search = (path: string, subject: Record<string, unknown>, context = ctx()) => collect(outlookConnector.search({ id: 'o', type: 'outlook', path }, subjectQuery(subject), context));

describe('outlook source', () => {
  it('finds one item per finding with file, folder, node id and subject, and names the fields', async () => {
    const { findings, warnings } = await search('Test_part1.pst', { emails: ['saqib.razzaq@xp.local'] });
    // Every one of the 31 sent mails and 9 appointments, and the contacts he created.
    expect(findings.filter((f) => f.locator.folder === 'Sent Items')).toHaveLength(31);
    expect(findings.filter((f) => f.locator.folder === 'Contacts').length).toBeGreaterThan(0);
    for (const f of findings) expect(LocatorSchema.parse(f.locator)).toEqual(f.locator);
    expect(new Set(findings.map((f) => f.locator.item)).size).toBe(findings.length);
    const mail = findings.find((f) => f.locator.subject === 'HTML body')!;
    expect(mail.locator).toMatchObject({ file: 'Test_part1.pst', folder: 'Sent Items' });
    expect(mail.matches.map((m) => m.field)).toEqual(expect.arrayContaining(['from', 'to']));
    expect(strengthOf(mail.matches)).toBe('strong');
    expect(findings.filter((f) => f.locator.folder === 'Calendar')).toHaveLength(9);
    expect(warnings.filter((w) => w.uncovered)).toEqual([]);
  }, 60_000);

  it('searches embedded messages and names the match by the attachment', async () => {
    const { findings } = await search('Test_part1.pst', { emails: ['saqib.razzaq@xp.local'] });
    const carrier = findings.find((f) => f.locator.subject === 'this message contains embedded MSG')!;
    expect(carrier.matches.map((m) => m.field)).toEqual(expect.arrayContaining(['attachment:message 1.eml:from', 'attachment:message 2.eml:from']));
  }, 60_000);

  it('does not match a look-alike address that is only part of a longer one', async () => {
    const { findings } = await search('Test_part1.pst', { emails: ['razzaq@xp.local'] });
    expect(findings).toEqual([]);
  }, 60_000);

  it('makes a contact a finding with its fields', async () => {
    const { findings } = await search('SampleContacts.pst', { emails: ['BerthaABuell@armyspy.com'] });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.locator).toMatchObject({ file: 'SampleContacts.pst', folder: 'Contacts' });
    expect(findings[0]!.matches[0]).toMatchObject({ type: 'email', field: 'email1EmailAddress' });
    expect(findings[0]!.record?.kind).toBe('row');
    const fields = findings[0]!.record?.kind === 'row' ? findings[0]!.record.fields.map((f) => f.name) : [];
    expect(fields).toEqual(expect.arrayContaining(['email1EmailAddress', 'displayName']));
  }, 60_000);

  it('reads a password-protected store and says so', async () => {
    const { findings, warnings } = await search('passworded.pst', { emails: ['contact1@rjohnson.id.au'] });
    expect(findings).toHaveLength(1);
    expect(warnings.find((w) => /password-protected/.test(w.message))).toMatchObject({ locator: { file: 'passworded.pst' } });
    expect(warnings.filter((w) => w.uncovered)).toEqual([]);
  }, 60_000);

  it('reads .msg files: embedded .msg, ANSI strings in CP932, contacts', async () => {
    const inner = await search('msgInMsg.msg', { emails: ['xmailuser@xmailserver.test'] });
    expect(inner.findings[0]!.matches.map((m) => m.field)).toEqual(expect.arrayContaining([expect.stringMatching(/^attachment:Microsoft Outlook テスト メッセージ\.eml:from$/)]));
    const ansi = await search('contactAnsi.msg', { emails: ['test@example.com'] });
    expect(ansi.findings).toHaveLength(1);
    const fields = ansi.findings[0]!.record?.kind === 'row' ? ansi.findings[0]!.record.fields : [];
    expect(fields).toContainEqual({ name: 'workAddressCountry', value: '日本' });
    expect(ansi.findings[0]!.locator).toEqual({ file: 'contactAnsi.msg', subject: 'コム ドット イグザンプル 殿' });
  }, 60_000);

  it('names a match in an RTF-only body body:rtf', async () => {
    const rtf = String.raw`{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}\f0 Bitte an anna.m\'fcller@example.org\par antworten}`;
    const item: OutlookItem = { nid: 1, messageClass: 'IPM.Note', subject: 'RTF', recipients: [], rtf, attachments: [], fields: [], problems: [] };
    const scan = await scanOutlookItem(item, subjectQuery({ emails: ['anna.müller@example.org'] }));
    expect(scan.matches).toEqual([expect.objectContaining({ type: 'email', field: 'body:rtf' })]);
  });

  it('warns about a truncated store, an empty file and a text file named .pst, and still searches the rest', async () => {
    const dir = tempDirForFile('auskunft-outlook-broken-');
    mkdirSync(join(dir, 'mail'));
    const whole = readFileSync(join(FIXTURES, 'Test_part1.pst'));
    writeFileSync(join(dir, 'mail/truncated.pst'), whole.subarray(0, whole.length / 2));
    writeFileSync(join(dir, 'mail/empty.pst'), '');
    writeFileSync(join(dir, 'mail/notes.pst'), 'Dies ist keine Outlook-Datei.\n');
    copyFileSync(join(FIXTURES, 'WithEmbeddedMsg.msg'), join(dir, 'mail/good.msg'));
    const { findings, warnings } = await search('mail', { emails: ['from@test.com'] }, fileSearchContext(dir));
    expect(findings.map((f) => f.locator.file)).toEqual(['mail/good.msg']);
    const byFile = (file: string) => warnings.filter((w) => w.locator.file === file && w.uncovered);
    expect(byFile('mail/empty.pst')[0]?.message).toMatch(/empty file/);
    expect(byFile('mail/notes.pst')[0]?.message).toMatch(/not an Outlook data file/);
    expect(byFile('mail/truncated.pst')[0]?.message).toMatch(/damaged or truncated/);
    expect(byFile('mail/truncated.pst').length).toBeGreaterThan(0);
    for (const w of byFile('mail/truncated.pst')) expect(w.message).not.toMatch(/\n|at .*\.js/);
  }, 60_000);

  it('fails a source whose one configured file is no Outlook store', async () => {
    const dir = tempDirForFile('auskunft-outlook-text-');
    writeFileSync(join(dir, 'notes.pst'), 'plain text\n');
    await expect(search('notes.pst', { emails: ['a@example.org'] }, fileSearchContext(dir))).rejects.toThrow(SourceError);
    await expect(search('notes.pst', { emails: ['a@example.org'] }, fileSearchContext(dir))).rejects.toThrow(/notes\.pst: not an Outlook data file/);
    const check = await outlookConnector.check({ id: 'o', type: 'outlook', path: 'notes.pst' }, fileSearchContext(dir));
    expect(check).toEqual({ ok: false, message: 'notes.pst: not an Outlook data file (no PST/OST header)' });
  });
});

describe('outlook originals', () => {
  it('ships a PST mail as .eml with its headers, bodies and attachments, and a contact as .vcf', async () => {
    const { findings } = await search('Test_part1.pst', { emails: ['saqib.razzaq@xp.local'] });
    const locators = [findings.find((f) => f.locator.subject === 'Multiple attachments')!.locator, findings.find((f) => f.locator.subject === 'this message contains embedded MSG')!.locator];
    const [multiple, embedded] = await outlookConnector.readOriginals!({ id: 'o', type: 'outlook', path: 'Test_part1.pst' }, locators, ctx());
    const parsed = await simpleParser(multiple!.bytes);
    expect(parsed.subject).toBe('Multiple attachments');
    expect(parsed.from?.text).toMatch(/saqib\.razzaq@xp\.local/);
    expect(parsed.attachments.length).toBeGreaterThan(1);
    expect(multiple!.filename).toBe('Multiple attachments.eml');
    const inner = await simpleParser(embedded!.bytes);
    const attached = inner.attachments.filter((a) => a.contentType === 'message/rfc822');
    expect(attached).toHaveLength(2);
    expect((await simpleParser(attached[0]!.content)).text).toMatch(/This is first message/);

    const contact = await search('SampleContacts.pst', { emails: ['BerthaABuell@armyspy.com'] });
    const vcf = await outlookConnector.readOriginal!({ id: 'o', type: 'outlook', path: 'SampleContacts.pst' }, contact.findings[0]!.locator, ctx());
    expect(vcf!.filename).toMatch(/\.vcf$/);
    expect(vcf!.bytes.toString()).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n[\s\S]*EMAIL;PREF=1:BerthaABuell@armyspy\.com\r\n[\s\S]*END:VCARD\r\n$/);
  }, 60_000);

  it('ships nothing for a locator whose item now has another subject or that leaves the source', async () => {
    const { findings } = await search('Test_part1.pst', { emails: ['saqib.razzaq@xp.local'] });
    const locator = findings[0]!.locator;
    const config = { id: 'o', type: 'outlook' as const, path: 'Test_part1.pst' };
    expect(await outlookConnector.readOriginal!(config, { ...locator, subject: 'something else' }, ctx())).toBeNull();
    expect(await outlookConnector.readOriginal!(config, { ...locator, file: 'passworded.pst' }, ctx())).toBeNull();
    const folder = { id: 'o', type: 'outlook' as const, path: '.' };
    expect(await outlookConnector.readOriginal!(folder, { file: '../outlook/Contact.msg' }, ctx())).toBeNull();
    const msg = await outlookConnector.readOriginal!(folder, { file: './WithEmbeddedMsg.msg', subject: 'Subj' }, ctx());
    expect((await simpleParser(msg!.bytes)).subject).toBe('Subj');
  }, 60_000);
});
