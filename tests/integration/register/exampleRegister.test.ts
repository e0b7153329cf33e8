import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { activitiesForSourceType, loadRegister } from '../../../src/core/register/loadRegister.js';
import { localize, type LocalizedText } from '../../../src/core/register/localizedText.js';
import { SOURCE_DATA_SUBJECT, type Activity } from '../../../src/core/register/registerSchema.js';

const EXAMPLE = fileURLToPath(new URL('../../../assets/register/example.de.yaml', import.meta.url));
const CONTRACT = fileURLToPath(new URL('../../fixtures/examples/contract/register.yaml', import.meta.url));
/**
 * The privacy statement the example register was written from: a third party's text, not vendored
 * into the repository (no license to copy it). Where it is at hand (the project's shared seed folder
 * next to the checkout, or AUSKUNFT_SEED) the rows below are checked against it; SEED_ROWS itself
 * stays the list the register is checked against everywhere.
 */
const SEED = process.env.AUSKUNFT_SEED ?? fileURLToPath(new URL('../../../../shared/seed/000_0a20d6660076ab62.txt', import.meta.url));

/**
 * Every row of the seed's two tables, as the seed spells it, and the activity that carries it
 * (docs/ARCHITECTURE.md "Register": the example register is our privacy policy's tables, every row of them).
 */
const SEED_ROWS: ReadonlyArray<{ table: 'direkt' | 'andere'; row: string; activity: string }> = [
  { table: 'direkt', row: 'Analytik / Verbesserung unserer Webauftritte | Google Analytics', activity: 'google-analytics' },
  { table: 'direkt', row: 'Google Adwords Conversion-Tracking', activity: 'google-ads-conversion' },
  { table: 'direkt', row: 'Einbettung externer Inhalte zur Verbesserung unserer Webauftritte | Youtube Videos', activity: 'youtube-embeds' },
  { table: 'direkt', row: 'Angriffsschutz und Fehleranalyse | Webserver-Logs', activity: 'web-logs' },
  { table: 'direkt', row: 'Kontaktaufnahme | Kontaktformular', activity: 'contact-form' },
  { table: 'direkt', row: 'Name und Emailadresse; Inhalt der Email (insbesondere Signaturdaten)', activity: 'contact-email' },
  { table: 'direkt', row: 'Briefpost | Übermittelte Kontaktdaten; Inhalt der Briefpost', activity: 'contact-letter' },
  { table: 'direkt', row: 'Telefon | Mitgeteilte Daten (idR. Name, Firma)', activity: 'contact-phone' },
  { table: 'direkt', row: 'Dokumentation von Supportanrufen außerhalb der Geschäftszeiten | Telefon', activity: 'support-call-recording' },
  { table: 'direkt', row: 'Durchführung von Bewerbungsverfahren | Briefpost / Email', activity: 'job-applications' },
  { table: 'direkt', row: 'Kundenbestellung | Bestellformular', activity: 'orders' },
  { table: 'direkt', row: 'Remote-Support | TeamViewer | IP-Adresse, TeamViewer-ID', activity: 'remote-support' },
  { table: 'andere', row: 'Anrufererkennung, Abrechnung von Serviceanrufen | Telefonische Kontaktaufnahme | Öffentliche Telefonverzeichnisse', activity: 'caller-id' },
  { table: 'andere', row: 'Schutz vor unseriösen Geschäftspartnern | Erste Kundenbestellung', activity: 'business-partner-check' },
];

const register = loadRegister(EXAMPLE);
const byId = new Map(register.activities.map((a) => [a.id, a] as const));
const activity = (id: string): Activity => {
  const found = byId.get(id);
  if (!found) throw new Error(`no activity "${id}" in the example register`);
  return found;
};
const localizedTexts = (a: Activity): LocalizedText[] => [
  a.name,
  ...a.purposes,
  a.retention,
  // `data-subject` is a keyword the letter translates, not a text of the register.
  ...(a.source && a.source !== SOURCE_DATA_SUBJECT ? [a.source] : []),
  ...(a.automatedDecisions === false ? [] : [a.automatedDecisions]),
  ...a.transfers.map((t) => t.safeguard),
];

describe('the example register (assets/register/example.de.yaml)', () => {
  it.skipIf(!existsSync(SEED))('has every row of both seed tables in the seed text', () => {
    const seed = readFileSync(SEED, 'utf8');
    const direct = seed.slice(seed.indexOf('Direkt-Erhebung bei Ihnen als betroffene Person'), seed.indexOf('Erhebung aus anderen Quellen'));
    const other = seed.slice(seed.indexOf('Erhebung aus anderen Quellen'), seed.indexOf('Ausführliche Informationen'));
    for (const { table, row, activity: id } of SEED_ROWS) {
      // The row really is in that seed table, so this list cannot drift from the seed unnoticed.
      expect(table === 'direkt' ? direct : other, row).toContain(row);
      expect(byId.has(id), `${row} -> ${id}`).toBe(true);
    }
  });

  it('has an activity for every row of both seed tables', () => {
    for (const { row, activity: id } of SEED_ROWS) expect(byId.has(id), `${row} -> ${id}`).toBe(true);
    expect(new Set(SEED_ROWS.map((r) => r.activity)).size).toBe(SEED_ROWS.length);
  });

  it('adds the activities the seed describes only in its prose', () => {
    expect(activity('cloudflare-cdn').recipients).toContainEqual({ name: 'Cloudflare, Inc., San Francisco, USA', role: 'processor' });
    expect(register.activities.map((a) => a.id).sort()).toEqual(
      [...SEED_ROWS.map((r) => r.activity), 'cloudflare-cdn'].sort(),
    );
  });

  it('marks the third-party web services as register-only: information, but no local copy', () => {
    for (const id of ['google-analytics', 'google-ads-conversion', 'youtube-embeds', 'cloudflare-cdn']) {
      expect(activity(id).localCopy, id).toBe(false);
    }
    const local = register.activities.filter((a) => a.localCopy).map((a) => a.id);
    expect(local).toEqual(expect.arrayContaining(['web-logs', 'contact-email', 'orders', 'caller-id', 'job-applications']));
  });

  it('states a safeguard in both languages for every third-country transfer (Art. 15(2))', () => {
    const transfers = register.activities.flatMap((a) => a.transfers.map((t) => ({ id: a.id, ...t })));
    expect(transfers.map((t) => `${t.id}:${t.country}`)).toEqual([
      'google-analytics:US',
      'google-ads-conversion:US',
      'youtube-embeds:US',
      'cloudflare-cdn:US',
      'caller-id:CH',
      'caller-id:US',
    ]);
    for (const t of transfers) {
      expect(typeof t.safeguard, t.id).toBe('object');
      expect(localize(t.safeguard, 'de').length, t.id).toBeGreaterThan(20);
      expect(localize(t.safeguard, 'en').length, t.id).toBeGreaterThan(20);
    }
  });

  it('does not rely on the Privacy Shield, which the CJEU struck down in C-311/18 (Schrems II)', () => {
    const google = activity('google-analytics').transfers[0]!;
    expect(google.recipient).toContain('Google LLC');
    expect(localize(google.safeguard, 'de')).toContain('EU-US Data Privacy Framework');
    expect(localize(google.safeguard, 'de')).toContain('Standardvertragsklauseln');
    for (const a of register.activities) {
      for (const t of a.transfers) expect(localize(t.safeguard, 'en')).not.toMatch(/privacy.?shield/i);
    }
  });

  it('names the recipients from the seed, by name where it gives one (Art. 15(1)(c))', () => {
    const names = (id: string, lang: 'de' | 'en' = 'de') => activity(id).recipients.map((r) => localize(r.name, lang));
    expect(names('orders').join('\n')).toMatch(/UPS \(United Parcel Service, Inc\.\)/);
    expect(names('orders').join('\n')).toMatch(/ITK-Distributoren und Versandlogistiker/);
    expect(names('orders').join('\n')).toMatch(/Hersteller von ITK-Produkten/);
    expect(names('orders').join('\n')).toMatch(/Vertriebspartner/);
    expect(activity('orders').recipients.find((r) => r.role === 'authority')).toBeDefined();
    expect(names('google-analytics')[0]).toMatch(/^Google Ireland Ltd\./);
    expect(names('remote-support')).toContain('TeamViewer GmbH, Göppingen');
    expect(names('caller-id', 'en').join('\n')).toMatch(/GoYellow[\s\S]*tel\.search\.ch[\s\S]*Whitepages\.com/);
    expect(activity('job-applications').recipients).toEqual([]);
    // "Öffentliche Stellen ... Rechtsschutz in begründeten Fällen" applies to everything held locally,
    // except applications: "Wir geben Ihre Daten grundsätzlich nicht an Dritte weiter."
    const withAuthority = register.activities.filter((a) => a.recipients.some((r) => r.role === 'authority')).map((a) => a.id);
    const local = register.activities.filter((a) => a.localCopy && a.id !== 'job-applications').map((a) => a.id);
    expect(withAuthority).toEqual(local);
  });

  it('keeps the seed’s facts on retention, sources and legal bases', () => {
    expect(localize(activity('web-logs').retention, 'de')).toBe('7 Tage auf dem Server, in Backups bis zu 21 Tage.');
    expect(activity('web-logs').categories).toContain('device.ip_address');
    expect(activity('job-applications').legalBasis).toContain('88(1)+§26 BDSG');
    expect(localize(activity('caller-id').source!, 'de')).toMatch(/GoYellow.*klicktel.*tel\.search\.ch.*Whitepages\.com/s);
    expect(activity('caller-id').categories).toContain('contact.phone_hash');
    expect(localize(activity('business-partner-check').source!, 'de')).toContain('Bundesanzeiger Verlag');
    expect(activity('remote-support').categories).toEqual(['device.ip_address', 'remote.teamviewer_id']);
    expect(activity('support-call-recording').categories).toContain('call.recording');
    // Collected from the data subject unless the seed's second table says otherwise (Art. 15(1)(g)); every
    // activity says which, so the letter never has to state a gap in the register.
    expect(register.activities.filter((a) => a.source !== SOURCE_DATA_SUBJECT).map((a) => a.id)).toEqual([
      'caller-id',
      'business-partner-check',
    ]);
    // "Wir haben kein Interesse an einer automatischen Entscheidungsfindung oder Profiling."
    expect(register.activities.every((a) => a.automatedDecisions === false)).toBe(true);
  });

  it('writes every text for the data subject in German and English', () => {
    for (const a of register.activities) {
      for (const text of localizedTexts(a)) {
        expect(typeof text, `${a.id}: ${JSON.stringify(text)}`).toBe('object');
        expect(localize(text, 'de'), a.id).not.toBe(localize(text, 'en'));
      }
    }
    for (const c of register.categories) expect(typeof c.name, c.id).toBe('object');
  });

  it('defaults each workspace source type to the activities it serves', () => {
    for (const type of ['mbox', 'eml', 'maildir', 'imap']) expect(activitiesForSourceType(register, type)).toEqual(['contact-email']);
    expect(activitiesForSourceType(register, 'weblog')).toEqual(['web-logs']);
    expect(activitiesForSourceType(register, 'calls')).toEqual(['contact-phone', 'caller-id']);
    expect(activitiesForSourceType(register, 'tickets')).toEqual(['contact-phone']);
    expect(activitiesForSourceType(register, 'table')).toEqual(['orders']);
    expect(activitiesForSourceType(register, 'documents')).toEqual(['contact-letter']);
  });

  it('defines the categories the findings contract uses', () => {
    const ids = register.categories.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'contact.name', 'contact.email', 'contact.phone', 'contact.address', 'customer.id', 'communication.content',
        'device.ip_address', 'device.cookie_id', 'usage.data', 'call.metadata', 'call.recording',
        'application.documents', 'remote.teamviewer_id', 'company.name', 'billing.address',
      ]),
    );
    const used = new Set(register.activities.flatMap((a) => a.categories));
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('the contract example register (tests/fixtures/examples/contract/register.yaml)', () => {
  it('loads, with the activities its workspace names', () => {
    const contract = loadRegister(CONTRACT);
    expect(contract.activities.map((a) => a.id)).toEqual(['contact-email', 'orders', 'web-logs']);
    expect(contract.activities.every((a) => a.transfers.length === 0 && a.sourceTypes.length === 0)).toBe(true);
    expect(contract.activities[1]?.recipients).toEqual([{ name: 'UPS', role: 'controller' }]);
  });
});
