import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categoryForHeader, classifyHeader, normalizeHeader } from '../../../../src/core/connectors/common/table/columnRoles.js';
import { buildColumnPlan } from '../../../../src/core/connectors/common/table/columnPlan.js';

describe('classifyHeader', () => {
  it.each([
    ['E-Mail', 'email'],
    ['Email', 'email'],
    ['E-Mail-Adresse', 'email'],
    ['E-mail 2 Address', 'email'],
    ['Telefon', 'phone'],
    ['Phone Number', 'phone'],
    ['Mobil', 'phone'],
    ['Mobile Phone', 'phone'],
    ['Telefon (privat)', 'phone'],
    ['Vorname', 'firstName'],
    ['First Name', 'firstName'],
    ['Nachname', 'lastName'],
    ['Last Name', 'lastName'],
    ['Surname', 'lastName'],
    ['Straße', 'street'],
    ['Home Street', 'street'],
    ['PLZ', 'postalCode'],
    ['Postal Code', 'postalCode'],
    ['Home Postal Code', 'postalCode'],
    ['Ort', 'city'],
    ['City', 'city'],
    ['Business City', 'city'],
    ['Kundennummer', 'customerId'],
    ['Kunden-Nr.', 'customerId'],
    ['Customer ID', 'customerId'],
    ['IP-Adresse', 'ip'],
    ['Geburtstag', 'birthDate'],
    ['Geburtsdatum', 'birthDate'],
    ['Bestelldatum', 'date'],
    ['Create Date', 'date'],
    ['first_seen', 'date'],
  ] as const)('%s → %s', (header, role) => {
    expect(classifyHeader(header)).toBe(role);
  });

  it('does not guess for headers that say nothing about a person', () => {
    for (const header of ['Notizen', 'Betrag', 'E-Mail-Typ', 'Status', 'Firma', 'Name des/r Vorgesetzten']) expect(classifyHeader(header), header).toBeUndefined();
  });

  it('reads a bare "Name" as the last name next to a first-name column, else as the full name', () => {
    expect(classifyHeader('Name', true)).toBe('lastName');
    expect(classifyHeader('Name', false)).toBe('fullName');
  });

  it('maps headers to register categories', () => {
    expect(categoryForHeader('E-Mail')).toBe('contact.email');
    expect(categoryForHeader('Mobil')).toBe('contact.phone');
    expect(categoryForHeader('Vorname')).toBe('contact.name');
    expect(categoryForHeader('Kundennummer')).toBe('customer.id');
    expect(categoryForHeader('PLZ')).toBe('contact.address');
    expect(categoryForHeader('Notiz')).toBeUndefined();
  });

  it('normalizes umlauts, ß and punctuation', () => {
    expect(normalizeHeader(' Straße geschäftlich ')).toBe('strasse geschaeftlich');
    expect(normalizeHeader('E-Mail: Angezeigter Name')).toBe('e mail angezeigter name');
  });

  it('classifies the real Outlook export headers (German, cp1252; English)', () => {
    const de = new TextDecoder('windows-1252').decode(readFileSync(new URL('../../../fixtures/crm/outlook-contacts-header-de.csv', import.meta.url))).trim().split(',');
    const en = readFileSync(new URL('../../../fixtures/crm/outlook-contacts-header-en.csv', import.meta.url), 'utf8').trim().split(',');
    const deRoles = buildColumnPlan(de, {}).plan;
    const enRoles = buildColumnPlan(en, {}).plan;
    expect(deRoles.roles[de.indexOf('Vorname')]).toBe('firstName');
    expect(deRoles.roles[de.indexOf('Nachname')]).toBe('lastName');
    expect(deRoles.roles[de.indexOf('E-Mail-Adresse')]).toBe('email');
    expect(deRoles.roles[de.indexOf('Mobiltelefon')]).toBe('phone');
    expect(deRoles.roles[de.indexOf('Postleitzahl privat')]).toBe('postalCode');
    expect(deRoles.roles[de.indexOf('Straße privat')]).toBe('street');
    expect(deRoles.roles[de.indexOf('Geburtstag')]).toBe('birthDate');
    expect(enRoles.roles[en.indexOf('First Name')]).toBe('firstName');
    expect(enRoles.roles[en.indexOf('E-mail Address')]).toBe('email');
    expect(enRoles.roles[en.indexOf('Home City')]).toBe('city');
    expect(enRoles.roles[en.indexOf('Birthday')]).toBe('birthDate');
  });
});

describe('buildColumnPlan', () => {
  it('applies configured roles, categories and hashed columns, and reports unknown names', () => {
    const { plan, unknownColumns, missingHashed } = buildColumnPlan(['Handynr', 'Hinweis', 'number_sha256', ''], {
      columns: { Handynr: 'phone', Hinweis: 'communication.content', Fehlt: 'email' },
      hashed: { number_sha256: 'sha256-e164', gone: 'md5-e164' },
    });
    expect(plan.roles).toEqual(['phone', undefined, 'phone', undefined]);
    expect(plan.categories).toEqual(['contact.phone', 'communication.content', 'contact.phone', undefined]);
    expect(plan.hashed.get(2)).toBe('sha256-e164');
    expect(plan.headers[3]).toBe('Spalte 4');
    expect(unknownColumns).toEqual(['Fehlt']);
    expect(missingHashed).toEqual(['gone']);
  });
});
