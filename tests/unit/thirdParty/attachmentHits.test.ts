import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { compileControllerIdentity } from '../../../src/core/identity/controllerIdentity.js';
import { compileSubject } from '../../../src/core/identity/compileSubject.js';
import { compileRedactions } from '../../../src/core/review/redactText.js';
import { readAttachmentContent } from '../../../src/core/thirdParty/attachmentContent.js';
import { attachmentHits, attachmentView } from '../../../src/core/thirdParty/attachmentView.js';
import { redactAttachment } from '../../../src/core/thirdParty/redactAttachment.js';
import { thirdPartyScanner } from '../../../src/core/thirdParty/thirdPartyScan.js';

const person = { name: 'Jürgen Weiß', emails: ['j.weiss@beispiel-gmbh.de'], phones: ['0711 12345678'], customerIds: ['K-10442'], ips: [], otherIds: [] };
const scanner = thirdPartyScanner(compileSubject(person), person, compileControllerIdentity({ name: 'F', address: 'A', email: 'datenschutz@fluxpunkt.example', ownDomains: ['fluxpunkt.example'] } as never));

async function sampleCsv() {
  const mail = await simpleParser(readFileSync(new URL('../../../assets/sample/mail/export/2024/rechnung-attachment.eml', import.meta.url)));
  const a = mail.attachments[0]!;
  return { filename: a.filename, contentType: a.contentType, content: a.content };
}

describe("the sample's offene-posten.csv", () => {
  it("suggests the other customer's whole row and nothing of the subject's", async () => {
    const file = await sampleCsv();
    const content = await readAttachmentContent(file);
    expect(content).toMatchObject({ format: 'csv', layout: { delimiter: ';', encoding: 'windows-1252', eol: '\r\n', bom: false, sepLine: null } });
    const view = attachmentView(0, 'offene-posten.csv', content);
    expect(view.text).toBe('Kundennummer;Name;Betrag\nK-10442;Jürgen Weiß;1.200,00\nK-20001;Erika Muster;99,00\n');
    const hits = attachmentHits(view, content, scanner);
    expect(hits).toEqual([{ field: 'attachment:0', start: 54, end: 80, text: 'K-20001;Erika Muster;99,00', type: 'row' }]);
    expect(view.text.slice(hits[0]!.start, hits[0]!.end)).toBe(hits[0]!.text);
  });

  it('writes it back byte for byte the same but for the blanked cells', async () => {
    const file = await sampleCsv();
    const unchanged = await redactAttachment(file, compileRedactions([], '[geschwärzt]'));
    expect(unchanged.kind === 'table' && unchanged.bytes.equals(file.content)).toBe(true);
    const partly = await redactAttachment(file, compileRedactions([{ text: 'Erika Muster' }], '[geschwärzt]'));
    expect(partly.kind === 'table' && partly.bytes.toString('latin1')).toBe('Kundennummer;Name;Betrag\r\nK-10442;J\xfcrgen Wei\xdf;1.200,00\r\nK-20001;;99,00\r\n');
  });
});
