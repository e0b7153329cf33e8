import { describe, expect, it } from 'vitest';
import { thirdPartySuggestions } from '../../../src/core/app/review/thirdPartyData.js';
import { compileControllerIdentity } from '../../../src/core/identity/controllerIdentity.js';
import { compileSubject } from '../../../src/core/identity/compileSubject.js';
import { findingThirdParty } from '../../../src/core/thirdParty/findingThirdParty.js';
import { thirdPartyScanner } from '../../../src/core/thirdParty/thirdPartyScan.js';
import type { Finding, RecordData } from '../../../src/shared/findings.js';

const person = { name: 'Jürgen Weiß', emails: ['j.weiss@beispiel-gmbh.de'], phones: ['0711 12345678'], customerIds: ['K-10442'], ips: [], otherIds: [] };
// The sample workspace's controller (assets/sample/auskunft.yaml).
const controller = compileControllerIdentity({
  name: 'Fluxpunkt GmbH',
  address: 'Zementwerk 1, 72622 Nürtingen',
  email: 'datenschutz@fluxpunkt.example',
  phone: '+49 7022 7896848-0',
  ownDomains: ['fluxpunkt.example'],
  roleAddresses: ['vertrieb@fluxpunkt.example', 'support@fluxpunkt.example', 'empfang@fluxpunkt.example'],
} as never);
const scanner = thirdPartyScanner(compileSubject(person), person, controller);

async function suggest(record: RecordData, lang: 'de' | 'en' = 'de') {
  const finding: Finding = { id: 'f', source: 's', locator: {}, strength: 'strong', matches: [{ type: 'email', value: 'x' }], activities: [], categories: [], title: 't', date: null, record };
  return thirdPartySuggestions((await findingThirdParty(finding, scanner, null)).hits, lang);
}

describe('third-party suggestions (Art. 15(4))', () => {
  it("proposes other people's addresses, numbers and customer ids, never the subject's own", async () => {
    const suggestions = await suggest({
      kind: 'mail',
      from: 'Jürgen Weiß <J.Weiss@beispiel-gmbh.de>',
      to: 'Erika Muster <erika.muster@muster.example>',
      text: 'Bitte rufen Sie Frau Muster (K-20001) unter 0711 7654321 an, nicht mich (K-10442) unter +49 711 12345678.',
    });
    expect(suggestions.map((s) => [s.field, s.type, s.text])).toEqual([
      ['to', 'email', 'erika.muster@muster.example'],
      ['text', 'customerId', 'K-20001'],
      ['text', 'phone', '0711 7654321'],
    ]);
    expect(suggestions[2]!.reason).toMatch(/Art\. 15 Abs\. 4 DSGVO: Telefonnummer/);
    expect(suggestions[1]!.reason).toMatch(/Kundennummer einer anderen Person/);
  });

  it("never proposes the controller's own mailboxes, domain or switchboard", async () => {
    const suggestions = await suggest({
      kind: 'mail',
      from: 'Vertrieb <vertrieb@fluxpunkt.example>',
      to: 'support@fluxpunkt.example, empfang@fluxpunkt.example, Buchhaltung <buchhaltung@fluxpunkt.example>',
      cc: 'datenschutz@fluxpunkt.example',
      text: 'Zentrale: +49 7022 7896848-0, Durchwahl +49 7022 7896848-12. Kontakt: info@fluxpunkt.example. Frau Muster: erika.muster@muster.example',
    });
    expect(suggestions.map((s) => s.text)).toEqual(['erika.muster@muster.example']);
  });

  it('looks into table fields and ticket articles too, and explains in English on request', async () => {
    const row = await suggest({ kind: 'row', fields: [{ name: 'Vertreter', value: 'max.agent@partner.example' }] }, 'en');
    expect(row).toEqual([expect.objectContaining({ field: 'field:Vertreter', type: 'email', reason: expect.stringMatching(/Art\. 15\(4\) GDPR/) })]);
    const ticket = await suggest({ kind: 'ticket', fields: [], articles: [{ text: 'CC an a.b@c.de' }] });
    expect(ticket.map((s) => s.field)).toEqual(['article:0']);
  });

  it('holds a message whose attachments cannot be checked because nothing can read it back', async () => {
    const finding: Finding = {
      id: 'f', source: 's', locator: {}, strength: 'strong', matches: [{ type: 'email', value: 'x' }], activities: [], categories: [], title: 't', date: null,
      record: { kind: 'mail', text: 'Anbei.', attachments: [{ filename: 'liste.xlsx', contentType: 'application/octet-stream', size: 10 }] },
    };
    const third = await findingThirdParty(finding, scanner, null);
    expect(third.unchecked).toEqual([expect.objectContaining({ name: 'liste.xlsx' })]);
  });
});

describe('thirdPartyScanner', () => {
  it('does not take a date for a phone number', () => {
    expect(scanner.scan('erledigt am 2025-01-15, bzw. 15.01.2025')).toEqual([]);
  });
});
