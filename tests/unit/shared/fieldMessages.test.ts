import { describe, expect, it } from 'vitest';
import { NewCaseSchema } from '../../../src/shared/api.js';
import { fieldIssueFromZod, fieldLabel, issueLine, issueText } from '../../../src/shared/fieldMessages.js';
import { invalidInputError } from '../../../src/shared/invalidInput.js';
import { subjectIssues } from '../../../src/core/identity/subjectIssues.js';
import { parseYamlText, validateYaml } from '../../../src/core/config/yamlFile.js';

describe('field messages', () => {
  it('turns every zod issue of a new case into a field and what is expected, in German and English', () => {
    const parsed = NewCaseSchema.safeParse({ receivedOn: '12/07/2026', identityVerification: { method: 'idDocument', note: '' } });
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues.map(fieldIssueFromZod);
    expect(issues.map((i) => issueLine(i, 'de'))).toEqual([
      'Eingang des Antrags: Bitte ein Datum im Format TT.MM.JJJJ eingeben.',
      'Identifikatoren der Person: Pflichtangabe fehlt (erwartet: ein Objekt mit Feldern).',
      'Notiz zur Prüfung: Ein Ausweis ist nur bei begründeten Zweifeln verhältnismäßig: die Zweifel hier festhalten (mindestens 10 Zeichen).',
    ]);
    expect(issueLine(issues[1]!, 'en')).toBe("The person's identifiers: Required but missing (expected an object with fields).");
  });

  it('names the entry of a list, and says an empty subject needs an identifier', () => {
    expect(fieldLabel(['subject', 'emails', 1], 'de')).toBe('E-Mail-Adressen, Eintrag 2');
    expect(fieldLabel(['sources', 1, 'path'], 'en')).toBe('sources[1].path');
    const empty = NewCaseSchema.safeParse({ receivedOn: '2026-01-05', subject: {}, identityVerification: { method: 'knownContact' } });
    expect(issueText(fieldIssueFromZod(empty.error!.issues[0]!), 'de')).toMatch(/^Mindestens einen Identifikator angeben/);
  });

  it('reports every unusable identifier at its path, translated, and keeps the rest', () => {
    const { valid, issues } = subjectIssues({ emails: ['j.weiss@x.de', 'kaputt'], phones: ['12345'], customerIds: ['K-10442'], ips: ['999.1.1.1'], otherIds: [] });
    expect(valid).toMatchObject({ emails: ['j.weiss@x.de'], phones: [], customerIds: ['K-10442'], ips: [] });
    expect(issues.map((i) => i.path)).toEqual([
      ['subject', 'emails', 1],
      ['subject', 'phones', 0],
      ['subject', 'ips', 0],
    ]);
    expect(issueText(issues[0]!, 'de')).toBe('keine E-Mail-Adresse (erwartet: name@domain.de)');
    expect(issueText(issues[2]!, 'de')).toBe('keine IPv4- oder IPv6-Adresse');
  });

  it('is the API InvalidInput error: every issue in the message, and as data', () => {
    const parsed = NewCaseSchema.safeParse({ receivedOn: 'x', subject: { emails: [] }, identityVerification: { method: 'knownContact' } });
    const error = invalidInputError('cases.create', parsed.error!.issues);
    expect(error.message).toBe(
      'cases.create: Request received on: Enter a date as YYYY-MM-DD.; The person\'s identifiers: Give at least one identifier: name, email address, phone number, customer number, IP address or another identifier.',
    );
    expect(error.issues.map((i) => i.path)).toEqual([['receivedOn'], ['subject']]);
  });

  it('is what the CLI says for a missing field: the field, and what is expected', () => {
    const yaml = parseYamlText('case.yaml', 'receivedOn: 2026-01-05\nidentityVerification: { method: knownContact }\n');
    expect(() => validateYaml(yaml, NewCaseSchema)).toThrow('case.yaml:1: subject: Required but missing (expected an object with fields).');
  });
});
