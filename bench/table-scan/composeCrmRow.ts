import { AREA_CODES, COMPANIES, ENGLISH_FIRST, ENGLISH_LAST, GERMAN_FIRST, GERMAN_LAST, MOBILE_PREFIXES } from '../mbox-scan/mailVocabulary.js';
import { isFemale, transliterate } from '../mbox-scan/composeMessage.js';
import type { SeededRandom } from '../mbox-scan/seededRandom.js';

/**
 * One ordinary row of a German CRM export, as a record that target planting can edit, and its
 * rendering as an Excel-style `;` CSV line. All randomness comes from the SeededRandom passed in.
 * Ordinary rows never hold the subject's name, email, phone or customer id (nor "Jürgen" or "Weiß").
 */

export const CRM_HEADER = ['Kundennummer', 'Anrede', 'Vorname', 'Nachname', 'Firma', 'Straße', 'PLZ', 'Ort', 'Telefon', 'Mobil', 'E-Mail', 'Notiz', 'Angelegt'] as const;
export type CrmColumn = (typeof CRM_HEADER)[number];
export type CrmRecord = Record<CrmColumn, string>;

/** Share of rows whose Notiz spans several lines (issue text: "multi-line fields"). */
export const MULTI_LINE_SHARE = 0.05;
/** Ordinary customer numbers start here: far from the subject's K-10442 and its look-alike K-104421. */
const FIRST_CUSTOMER_NUMBER = 200_000;
/** Digits the subject's number reduces to; no ordinary number may start with them. */
const SUBJECT_NATIONAL_DIGITS = '71112345678';

/** PLZ, Ort and the city's dialling code (without the trunk 0). */
const CITIES: ReadonlyArray<readonly [string, string, string]> = [
  ['70173', 'Stuttgart', '711'], ['70597', 'Stuttgart', '711'], ['72622', 'Nürtingen', '7022'], ['73728', 'Esslingen am Neckar', '711'],
  ['10117', 'Berlin', '30'], ['20457', 'Hamburg', '40'], ['80331', 'München', '89'], ['50667', 'Köln', '221'],
  ['60311', 'Frankfurt am Main', '69'], ['90402', 'Nürnberg', '911'], ['04109', 'Leipzig', '341'], ['72764', 'Reutlingen', '7121'],
  ['71063', 'Sindelfingen', '7031'], ['72070', 'Tübingen', '7071'], ['89073', 'Ulm', '731'], ['76133', 'Karlsruhe', '721'],
  ['68159', 'Mannheim', '621'], ['79098', 'Freiburg im Breisgau', '761'], ['88045', 'Friedrichshafen', '7541'], ['01067', 'Dresden', '351'],
  ['28195', 'Bremen', '421'], ['72631', 'Aichtal', '7127'], ['73230', 'Kirchheim unter Teck', '7021'], ['97070', 'Würzburg', '931'],
];
const STREETS = [
  'Hauptstraße', 'Bahnhofstraße', 'Schulstraße', 'Gartenstraße', 'Dorfstraße', 'Kirchstraße', 'Lindenstraße', 'Bergstraße',
  'Am Marktplatz', 'Königstraße', 'Schillerstraße', 'Goethestraße', 'Mühlweg', 'Im Gößling', 'Jägerstraße', 'Friedrich-Ebert-Straße',
  'Rosenweg', 'Talstraße', 'Uhlandstraße', 'Neckarstraße', 'Am Hafen', 'Industriestraße', 'Römerstraße', 'Zeppelinstraße',
];
const TRADES = ['Schreinerei', 'Autohaus', 'Metzgerei', 'Bäckerei', 'Elektro', 'Sanitär', 'Malerbetrieb', 'Steuerkanzlei', 'Zahnarztpraxis', 'Gärtnerei', 'Druckerei', 'Ingenieurbüro'];
const LEGAL_FORMS = ['GmbH', 'GmbH & Co. KG', 'KG', 'AG', 'e.K.', 'OHG', 'UG (haftungsbeschränkt)', 'mbB'];
const FREEMAIL = ['web.de', 'gmx.de', 't-online.de', 'gmail.com', 'posteo.de', 'outlook.de', 'freenet.de', 'icloud.com'];
const PHONE_STYLES = ['0{a} {s}', '0{a}/{s}', '+49 {a} {s}', '+49 (0){a} {s}', '0{a}-{s}', '+49-{a}-{s}', '0049 {a} {s}', '(0{a}) {g}', '0{a} / {g}', '+49 (0){a} / {g}', '0{a}{s}'];

/** CRM notes as sales and support staff write them: amounts in €, dates, „quotes“, `;` and "quotes". */
const NOTES = [
  'Rückruf erbeten',
  'Angebot über {amount} € versendet',
  'Kunde wünscht Kontakt nur per E-Mail',
  'Zahlungsziel 30 Tage; Skonto 2 %',
  'Lieferung an abweichende Adresse',
  'Newsletter abbestellt am {date}',
  'Mahnung 1 verschickt, offener Betrag {amount} €',
  'Kunde meinte: "bitte keine Werbung mehr"',
  'Termin vereinbart für {date}, 10:00 Uhr',
  'Rabatt von 5 % gewährt',
  'Ansprechpartner im Urlaub bis {date}',
  'Bestellung {order} storniert',
  'Reklamation zu Auftrag {order}: Ware beschädigt',
  '„Premium“-Tarif gebucht – monatlich {amount} €',
  'Adresse geändert (Umzug)',
  'Bonität geprüft: in Ordnung',
  'Vertrag verlängert bis 31.12.{year}',
  'SEPA-Lastschriftmandat liegt vor',
  'Möchte nicht angerufen werden',
  'Über Messe Stuttgart gewonnen; Interesse an Wartungsvertrag',
  'Gutschrift {amount} € erstellt',
  'Rechnung {order} per Post, nicht per E-Mail',
  'Stammkunde seit {year}',
  'Hat nach dem "Sommerangebot" gefragt',
];
const NOTE_HEADS = ['Gesprächsnotiz {date}:', 'Telefonat {date}', 'Besuch vor Ort am {date}', 'Übergabe an Innendienst:', 'Historie:'];

export class CrmComposer {
  constructor(private readonly rng: SeededRandom) {}

  /** A random ordinary customer: no trace of the subject. */
  compose(index: number): CrmRecord {
    const rng = this.rng;
    const english = rng.chance(0.06);
    const first = rng.pick(english ? ENGLISH_FIRST : GERMAN_FIRST);
    const last = rng.pick(english ? ENGLISH_LAST : GERMAN_LAST);
    const firma = rng.chance(0.55) ? this.company() : undefined;
    const [plz, ort, area] = rng.pick(CITIES);
    const created = this.date(2012, 2025);
    return {
      Kundennummer: `K-${FIRST_CUSTOMER_NUMBER + index}`,
      Anrede: rng.chance(0.03) ? '' : rng.chance(0.01) ? 'Divers' : isFemale(first) ? 'Frau' : 'Herr',
      Vorname: first,
      Nachname: last,
      Firma: firma?.name ?? '',
      Straße: `${rng.pick(STREETS)} ${rng.int(1, 180)}${rng.chance(0.08) ? rng.pick(['a', 'b', 'c']) : ''}`,
      PLZ: plz,
      Ort: ort,
      Telefon: rng.chance(0.85) ? this.otherPhone(rng.chance(0.8) ? area : rng.pick(AREA_CODES), false) : '',
      Mobil: rng.chance(0.45) ? this.otherPhone(rng.pick(MOBILE_PREFIXES), true) : '',
      'E-Mail': rng.chance(0.9) ? `${this.localPart(first, last)}@${firma?.domain ?? rng.pick(FREEMAIL)}` : '',
      Notiz: rng.chance(MULTI_LINE_SHARE) ? this.multiLineNote() : rng.chance(0.9) ? this.note() : '',
      Angelegt: rng.chance(0.85) ? `${this.germanDate(created)} ${String(rng.int(7, 18)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}` : created.toISOString().slice(0, 10),
    };
  }

  /** A German number that is not the subject's, written the way CRM users type them. */
  otherPhone(area: string, mobile: boolean): string {
    const rng = this.rng;
    for (;;) {
      const subLen = mobile ? rng.int(7, 8) : Math.max(5, Math.min(8, rng.int(5, 11 - area.length)));
      let sub = String(rng.int(1, 9));
      while (sub.length < subLen) sub += String(rng.int(0, 9));
      const ext = !mobile && rng.chance(0.15) ? String(rng.int(0, 99)) : '';
      if ((area + sub + ext).startsWith(SUBJECT_NATIONAL_DIGITS)) continue;
      const grouped = sub.replace(/(\d{3})(?=\d{2})/g, '$1 ');
      const written = rng.pick(PHONE_STYLES).replace('{a}', area).replace('{s}', sub).replace('{g}', grouped);
      return ext ? `${written}-${ext}` : written;
    }
  }

  /** One to three sentences. */
  note(): string {
    const n = this.rng.int(1, 3);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(this.fill(this.rng.pick(NOTES)));
    return parts.join('. ');
  }

  /** A note of two to five lines: LF inside the cell as Excel writes it, CRLF when pasted from elsewhere. */
  multiLineNote(): string {
    const rng = this.rng;
    const lines = [this.fill(rng.pick(NOTE_HEADS))];
    for (let n = rng.int(1, 4); n > 0; n--) lines.push(`- ${this.fill(rng.pick(NOTES))}`);
    return lines.join(rng.chance(0.8) ? '\n' : '\r\n');
  }

  /** Replace the placeholders of a note with random amounts, dates, order numbers and years. */
  fill(template: string): string {
    const rng = this.rng;
    return template
      .replace('{amount}', () => `${rng.chance(0.4) ? `${rng.int(1, 9)}.` : ''}${rng.int(100, 999)},${String(rng.int(0, 99)).padStart(2, '0')}`)
      .replace('{date}', () => this.germanDate(this.date(2015, 2025)))
      .replace('{order}', () => `A-${rng.int(100000, 999999)}`)
      .replace('{year}', () => String(rng.int(2008, 2026)));
  }

  date(fromYear: number, toYear: number): Date {
    const rng = this.rng;
    return new Date(Date.UTC(rng.int(fromYear, toYear), rng.int(0, 11), rng.int(1, 28)));
  }

  germanDate(d: Date): string {
    return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
  }

  private company(): { name: string; domain: string } {
    const rng = this.rng;
    const roll = rng.next();
    if (roll < 0.2) {
      const c = rng.pick(COMPANIES);
      return { name: c.name, domain: c.domain };
    }
    const last = rng.pick(GERMAN_LAST);
    const slug = transliterate(last).toLowerCase();
    if (roll < 0.55) {
      const trade = rng.pick(TRADES);
      return { name: `${trade} ${last}`, domain: `${transliterate(trade).toLowerCase()}-${slug}.de` };
    }
    if (roll < 0.985) return { name: `${last} ${rng.pick(LEGAL_FORMS)}`, domain: `${slug}-${rng.int(1, 99)}.de` };
    // Names an exporter must quote: a ";" or a quoted trade name inside.
    return rng.chance(0.5)
      ? { name: `${last}; ${rng.pick(GERMAN_LAST)} & Partner`, domain: `${slug}-partner.de` }
      : { name: `Gasthaus "Zur ${rng.pick(['Krone', 'Linde', 'Sonne', 'Post'])}"`, domain: `gasthaus-${slug}.de` };
  }

  private localPart(first: string, last: string): string {
    const f = transliterate(first).toLowerCase();
    const l = transliterate(last).toLowerCase();
    switch (this.rng.int(0, 4)) {
      case 0: return `${f}.${l}`;
      case 1: return `${f[0]}.${l}`;
      case 2: return `${f[0]}${l}`;
      case 3: return `${l}.${f}`;
      default: return `${f}.${l}${this.rng.int(1, 99)}`;
    }
  }
}

/** A field as Excel writes it: quoted only if it holds the delimiter, a quote or a line break; quotes doubled. */
export function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One record as a CSV line with its CRLF terminator. */
export function csvRecord(record: CrmRecord): string {
  return `${CRM_HEADER.map((column) => csvField(record[column])).join(';')}\r\n`;
}
