import { describe, expect, it } from 'vitest';
import { draftExtensionNotice } from '../../../src/core/cases/extensionNotice.js';

const facts = { caseId: 'AUS-2026-0001-K7QF', subjectName: 'Jürgen Weiß', receivedOn: '2026-01-31', until: '2026-04-28', reason: 'Daten in sieben Systemen', controllerName: 'Fluxpunkt GmbH' };

describe('the extension notice', () => {
  it('states the legal basis, the new date and the reason, in German', () => {
    const text = draftExtensionNotice(facts, 'de');
    expect(text).toContain('Art. 12 Abs. 3 Satz 2 DSGVO');
    expect(text).toContain('28.04.2026');
    expect(text).toContain('Grund der Verlängerung: Daten in sieben Systemen');
    expect(text).toContain('AUS-2026-0001-K7QF');
    expect(text).toContain('Aufsichtsbehörde');
  });

  it('and in English', () => {
    const text = draftExtensionNotice({ ...facts, subjectName: null }, 'en');
    expect(text).toContain('Art. 12(3) sentence 2 GDPR');
    expect(text).toContain('2026-04-28');
    expect(text).toContain('Dear Sir or Madam');
  });
});
