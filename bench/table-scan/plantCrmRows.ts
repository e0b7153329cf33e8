import type { CrmComposer, CrmRecord } from './composeCrmRow.js';
import { TARGET_CUSTOMER_ID, TARGET_EMAIL } from './crmManifest.js';

/**
 * The rows that concern the subject (Jürgen Weiß, j.weiss@beispiel-gmbh.de, 0711 12345678,
 * K-10442), their look-alikes and name-only rows. Each kind hides the identifier in one place, so a
 * miss names the column or the writing that failed. Planting edits an ordinary row in place.
 */

export const TARGET_KINDS = [
  'email-column', 'phone-column', 'customer-id-column', 'email-mixed-case', 'phone-international', 'email-in-note',
  'phone-grouped', 'customer-id-in-note', 'email-in-multiline-note', 'phone-slash', 'customer-id-in-multiline-note',
  'email-display-name', 'phone-0049', 'phone-in-note', 'phone-trunk-parenthesis', 'phone-in-multiline-note',
  'phone-in-mobil-column', 'customer-id-lowercase-path',
] as const;
export const DISTRACTOR_KINDS = [
  'email-prefixed', 'customer-id-longer', 'phone-one-digit-off', 'email-longer-domain', 'customer-id-sub-account',
  'phone-longer', 'name-weissmann', 'email-dev-domain', 'customer-id-prefixed', 'phone-other-area',
] as const;
export const WEAK_KINDS = ['name-columns', 'name-in-note'] as const;

export type TargetKind = (typeof TARGET_KINDS)[number];
export type DistractorKind = (typeof DISTRACTOR_KINDS)[number];
export type WeakKind = (typeof WEAK_KINDS)[number];
export type Planting = { role: 'target'; kind: TargetKind } | { role: 'distractor'; kind: DistractorKind } | { role: 'weak'; kind: WeakKind };

/** Every kind in one interleaved cycle, so that a short file still holds each kind once. */
const CYCLE: ReadonlyArray<Planting> = (() => {
  const out: Planting[] = [];
  for (let i = 0; i < TARGET_KINDS.length; i++) {
    out.push({ role: 'target', kind: TARGET_KINDS[i] as TargetKind });
    if (i < DISTRACTOR_KINDS.length) out.push({ role: 'distractor', kind: DISTRACTOR_KINDS[i] as DistractorKind });
    if (i % 8 === 3 && i / 8 < WEAK_KINDS.length) out.push({ role: 'weak', kind: WEAK_KINDS[Math.floor(i / 8)] as WeakKind });
  }
  return out;
})();

/** One planted row per this many rows, but at least one full cycle of kinds. */
export const PLANT_EVERY_ROWS = 10_000;

/** Which rows are planted, evenly spread over the file, and with what. */
export class PlantingSchedule {
  private readonly byRow = new Map<number, Planting>();

  constructor(rows: number) {
    const slots = Math.min(rows, Math.max(CYCLE.length, Math.round(rows / PLANT_EVERY_ROWS)));
    for (let k = 0; k < slots; k++) this.byRow.set(Math.floor(((k + 0.5) * rows) / slots), CYCLE[k % CYCLE.length] as Planting);
  }

  at(row: number): Planting | undefined {
    return this.byRow.get(row);
  }

  /** Kinds a file of this many rows holds at least once. */
  static get kinds(): number {
    return CYCLE.length;
  }
}

/** Make `r` the subject's own customer record (name columns), before the kind sets its identifier. */
function asSubject(r: CrmRecord, spelling: 'umlaut' | 'ascii' = 'umlaut'): void {
  r.Anrede = 'Herr';
  r.Vorname = spelling === 'umlaut' ? 'Jürgen' : 'Juergen';
  r.Nachname = spelling === 'umlaut' ? 'Weiß' : 'Weiss';
  r['E-Mail'] = 'juergen.weiss@gmx.de'; // not the subject's address: the kind decides which identifier is there
}

/** A multi-line note whose `at`-th line (1-based, >= 2) carries `line`. */
function multiLineNote(composer: CrmComposer, line: string, at: number, crlf: boolean): string {
  const lines = [composer.fill('Gesprächsnotiz {date}:')];
  for (let i = 2; i < at; i++) lines.push(`- ${composer.note()}`);
  lines.push(line, `- ${composer.note()}`);
  return lines.join(crlf ? '\r\n' : '\n');
}

/** Edit an ordinary row into the planted kind. */
export function plantRow(p: Planting, r: CrmRecord, composer: CrmComposer): void {
  switch (p.kind) {
    // Targets: each holds the email, the phone or the customer id in exactly one place.
    case 'email-column':
      asSubject(r);
      r.Firma = 'Beispiel GmbH';
      r['E-Mail'] = TARGET_EMAIL;
      return;
    case 'phone-column':
      asSubject(r);
      r.Telefon = '0711 12345678';
      return;
    case 'customer-id-column':
      asSubject(r, 'ascii');
      r.Kundennummer = TARGET_CUSTOMER_ID;
      return;
    case 'email-mixed-case':
      asSubject(r, 'ascii');
      r['E-Mail'] = 'J.Weiss@Beispiel-GmbH.de';
      return;
    case 'phone-international':
      r.Telefon = '+49 711 12345678';
      return;
    case 'email-in-note':
      r.Notiz = `Ansprechpartner jetzt Herr Weiß (${TARGET_EMAIL})`;
      return;
    case 'phone-grouped':
      r.Telefon = '(0711) 123 456 78';
      return;
    case 'customer-id-in-note':
      r.Notiz = `Rechnung an ${TARGET_CUSTOMER_ID} weitergeleitet; Rückfrage offen`;
      return;
    case 'email-in-multiline-note':
      r.Notiz = multiLineNote(composer, `- Bestätigung an ${TARGET_EMAIL} gesendet`, 3, false);
      return;
    case 'phone-slash':
      r.Telefon = '0711/12345678';
      return;
    case 'customer-id-in-multiline-note':
      r.Notiz = multiLineNote(composer, `- gleiche Anschrift wie ${TARGET_CUSTOMER_ID}, zusammenführen?`, 2, true);
      return;
    case 'email-display-name':
      asSubject(r);
      r['E-Mail'] = `"Weiß, Jürgen" <${TARGET_EMAIL}>`;
      return;
    case 'phone-0049':
      r.Telefon = '0049 711 1234 5678';
      return;
    case 'phone-in-note':
      r.Notiz = 'Rückruf unter 0711-12345678 erbeten; Zentrale nicht besetzt';
      return;
    case 'phone-trunk-parenthesis':
      r.Telefon = '+49 (0)711 / 123 456-78';
      return;
    case 'phone-in-multiline-note':
      r.Notiz = multiLineNote(composer, '- neue Nummer: Tel. 0711 12345678', 2, false);
      return;
    case 'phone-in-mobil-column':
      r.Mobil = '0711 12345678';
      return;
    case 'customer-id-lowercase-path':
      r.Notiz = 'Vorgang k-10442/2024 abgeschlossen';
      return;

    // Look-alikes: no strong finding.
    case 'email-prefixed':
      r['E-Mail'] = `x${TARGET_EMAIL}`;
      return;
    case 'customer-id-longer':
      r.Kundennummer = `${TARGET_CUSTOMER_ID}1`;
      return;
    case 'phone-one-digit-off':
      r.Telefon = '0711 12345679';
      return;
    case 'email-longer-domain':
      r.Notiz = `Phishing-Mail von ${TARGET_EMAIL}.evil.org gemeldet`;
      return;
    case 'customer-id-sub-account':
      r.Notiz = `Unterkonto ${TARGET_CUSTOMER_ID}-1 angelegt`;
      return;
    case 'phone-longer':
      r.Telefon = '0711 123456789';
      return;
    case 'name-weissmann':
      r.Anrede = 'Herr';
      r.Vorname = 'Jürgen';
      r.Nachname = 'Weissmann';
      r['E-Mail'] = 'j.weissmann@beispiel-gmbh.de';
      return;
    case 'email-dev-domain':
      r['E-Mail'] = `${TARGET_EMAIL.replace(/\.de$/, '.dev')}`;
      return;
    case 'customer-id-prefixed':
      r.Notiz = `Alte Kundennummer A${TARGET_CUSTOMER_ID}`;
      return;
    case 'phone-other-area':
      r.Telefon = '0721 12345678';
      return;

    // The name only: at most a weak finding.
    case 'name-columns':
      asSubject(r);
      return;
    case 'name-in-note':
      r.Notiz = 'Hat für Weiss, Juergen angerufen (Nachbar)';
      return;
  }
}
