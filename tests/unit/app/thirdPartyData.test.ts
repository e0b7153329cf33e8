import { describe, expect, it } from 'vitest';
import { thirdPartySuggestions } from '../../../src/core/app/review/thirdPartyData.js';
import { compileSubject } from '../../../src/core/identity/compileSubject.js';

const subject = compileSubject({ name: 'Jürgen Weiß', emails: ['j.weiss@beispiel-gmbh.de'], phones: ['0711 12345678'], customerIds: [], ips: [], otherIds: [] });

describe('thirdPartySuggestions (Art. 15(4))', () => {
  it("proposes other people's addresses and numbers, never the subject's own", () => {
    const suggestions = thirdPartySuggestions(
      {
        kind: 'mail',
        from: 'Jürgen Weiß <J.Weiss@beispiel-gmbh.de>',
        to: 'Erika Muster <erika.muster@muster.example>',
        text: 'Bitte rufen Sie Frau Muster unter 0711 7654321 an, nicht mich unter +49 711 12345678.',
      },
      subject,
      'de',
    );
    expect(suggestions.map((s) => [s.field, s.type, s.text])).toEqual([
      ['to', 'email', 'erika.muster@muster.example'],
      ['text', 'phone', '0711 7654321'],
    ]);
    const phone = suggestions[1]!;
    expect('Bitte rufen Sie Frau Muster unter 0711 7654321 an'.slice(phone.start, phone.end)).toBe('0711 7654321');
    expect(phone.reason).toMatch(/Art\. 15 Abs\. 4 DSGVO/);
  });

  it('looks into table fields and ticket articles too, and explains in English on request', () => {
    const row = thirdPartySuggestions({ kind: 'row', fields: [{ name: 'Vertreter', value: 'max.agent@fluxpunkt.example' }] }, subject, 'en');
    expect(row).toEqual([expect.objectContaining({ field: 'field:Vertreter', type: 'email', reason: expect.stringMatching(/Art\. 15\(4\) GDPR/) })]);
    const ticket = thirdPartySuggestions({ kind: 'ticket', fields: [], articles: [{ text: 'CC an a.b@c.de' }] }, subject, 'de');
    expect(ticket.map((s) => s.field)).toEqual(['article:0']);
  });
});
