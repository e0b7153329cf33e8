import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { SeededRandom } from '../mbox-scan/seededRandom.js';

/**
 * The db-scan corpus: two tables as tab-separated files in the text format both PostgreSQL's COPY
 * and MariaDB's LOAD DATA read unchanged (tab between fields, `\N` for NULL, backslash escapes), so
 * both servers hold byte-identical rows and their results can be compared.
 *
 * - `kunden` (primary key `id`): a CRM table with a JSON `profil`, `rows` rows;
 * - `kontakt_log` (no primary key): a contact log, `rows / 4` rows.
 *
 * Planted rows (spread evenly, their kinds in turn): targets that must be strong findings, look-alikes
 * that must not be (docs/ARCHITECTURE.md "Findings and match strength"), name-only rows (weak).
 */

export const SUBJECT = {
  name: 'Jürgen Weiß',
  email: 'j.weiss@beispiel-gmbh.de',
  phone: '0711 12345678',
  customerId: 'K-10442',
} as const;

export type PlantedRole = 'target' | 'look-alike' | 'name-only';

export interface PlantedRow {
  readonly table: 'kunden' | 'kontakt_log';
  /** `kunden.id`, or `kontakt_log.ref` (unique, though not a key). */
  readonly key: string;
  readonly kind: string;
  readonly role: PlantedRole;
}

export interface DbCorpus {
  readonly rows: number;
  readonly logRows: number;
  readonly seed: string;
  readonly files: { readonly kunden: string; readonly kontakt_log: string };
  readonly planted: PlantedRow[];
  /** Rows whose text holds the subject's address literally (what `rg -F -c` counts, look-alikes included). */
  readonly literalRows: number;
}

export const KUNDEN_DDL = {
  postgres: 'CREATE TABLE kunden (id BIGINT PRIMARY KEY, kundennr TEXT NOT NULL, vorname TEXT, nachname TEXT, email TEXT, telefon TEXT, notiz TEXT, profil JSONB)',
  mariadb: 'CREATE TABLE kunden (id BIGINT PRIMARY KEY, kundennr VARCHAR(20) NOT NULL, vorname VARCHAR(80), nachname VARCHAR(80), email VARCHAR(200), telefon VARCHAR(40), notiz TEXT, profil JSON)',
};
export const LOG_DDL = {
  postgres: 'CREATE TABLE kontakt_log (ref TEXT, kanal TEXT, eintrag TEXT)',
  mariadb: 'CREATE TABLE kontakt_log (ref VARCHAR(20), kanal VARCHAR(20), eintrag TEXT)',
};

interface KundeRow {
  kundennr: string;
  vorname: string;
  nachname: string;
  email: string;
  telefon: string;
  notiz: string | null;
  profil: unknown;
}

const FIRST = ['Anna', 'Bernd', 'Clara', 'Dieter', 'Elif', 'Frank', 'Gül', 'Hanna', 'Ingo', 'Jana', 'Klaus', 'Lena', 'Mehmet', 'Nina', 'Olaf', 'Petra', 'Ralf', 'Sabine', 'Tobias', 'Ute'];
const LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Braun', 'Zimmermann', 'Krüger', 'Hartmann', 'Lange'];
const NOTES = ['Rückruf erbeten', 'Rechnung per Post', 'Newsletter abbestellt', 'Lieferadresse geändert', 'Zahlungsziel 30 Tage', null, null, null];
const CHANNELS = ['telefon', 'mail', 'brief', 'chat'];

/** Kinds planted in `kunden`, in turn; each is a row the matcher must get right. */
const KUNDEN_PLANTS: ReadonlyArray<{ kind: string; role: PlantedRole; apply: (r: KundeRow) => void }> = [
  { kind: 'email', role: 'target', apply: (r) => (r.email = SUBJECT.email) },
  { kind: 'email-case', role: 'target', apply: (r) => (r.email = 'J.Weiss@Beispiel-GmbH.de') },
  { kind: 'customer-id', role: 'target', apply: (r) => (r.kundennr = SUBJECT.customerId) },
  { kind: 'phone-format', role: 'target', apply: (r) => (r.telefon = '+49 711 1234 5678') },
  { kind: 'json-email', role: 'target', apply: (r) => (r.profil = { kontakt: { email: SUBJECT.email, seit: 2019 } }) },
  { kind: 'note-email', role: 'target', apply: (r) => (r.notiz = `Bitte Antwort an ${SUBJECT.email} senden`) },
  { kind: 'nfd-name+email', role: 'target', apply: (r) => ((r.vorname = 'Jürgen'.normalize('NFD')), (r.nachname = 'Weiß'), (r.email = SUBJECT.email)) },
  { kind: 'email-prefix', role: 'look-alike', apply: (r) => (r.email = `x${SUBJECT.email}`) },
  { kind: 'email-suffix-domain', role: 'look-alike', apply: (r) => (r.email = `${SUBJECT.email}.evil.org`) },
  { kind: 'customer-id-longer', role: 'look-alike', apply: (r) => (r.kundennr = `${SUBJECT.customerId}1`) },
  { kind: 'note-customer-id-longer', role: 'look-alike', apply: (r) => (r.notiz = `Verwechslung mit ${SUBJECT.customerId}1 geprüft`) },
  { kind: 'name-only', role: 'name-only', apply: (r) => ((r.vorname = 'Jürgen'), (r.nachname = 'Weiß')) },
];

const LOG_PLANTS: ReadonlyArray<{ kind: string; role: PlantedRole; entry: string }> = [
  { kind: 'log-email', role: 'target', entry: `Mail von ${SUBJECT.email} beantwortet` },
  { kind: 'log-customer-id', role: 'target', entry: `Anruf zu ${SUBJECT.customerId}, Lieferung verspätet` },
  { kind: 'log-email-prefix', role: 'look-alike', entry: `Mail von x${SUBJECT.email} beantwortet` },
];

/** Every `PLANT_EVERY`-th row is planted: 200k rows give about 100 planted rows. */
const PLANT_EVERY = 2_000;

/** COPY / LOAD DATA text format: backslash, tab, newline and CR escaped; null as \N. */
function field(value: string | null): string {
  if (value === null) return '\\N';
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

async function writeLines(path: string, count: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  let chunk = '';
  for (let i = 0; i < count; i++) {
    chunk += line(i);
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** Write `kunden.tsv` and `kontakt_log.tsv` to `dir`; deterministic for (rows, seed). */
export async function generateDbCorpus(dir: string, rows: number, seed: string): Promise<DbCorpus> {
  const random = new SeededRandom(`db-scan:${seed}`);
  const pick = <T>(list: ReadonlyArray<T>): T => list[random.nextUint32() % list.length] as T;
  const planted: PlantedRow[] = [];
  let literalRows = 0;
  let plantIndex = 0;
  const kunden = join(dir, 'kunden.tsv');
  await writeLines(kunden, rows, (i) => {
    const id = i + 1;
    const vorname = pick(FIRST);
    const nachname = pick(LAST);
    const r: KundeRow = {
      kundennr: `K-${200000 + id}`,
      vorname,
      nachname,
      email: `${vorname.toLowerCase()}.${nachname.toLowerCase()}${id}@example.de`.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''),
      telefon: `0711 9${String(random.nextUint32() % 10_000_000).padStart(7, '0')}`,
      notiz: pick(NOTES),
      profil: { newsletter: random.next() < 0.3, segment: pick(['A', 'B', 'C']) },
    };
    if (id % PLANT_EVERY === PLANT_EVERY / 2) {
      const plant = KUNDEN_PLANTS[plantIndex++ % KUNDEN_PLANTS.length];
      if (plant) {
        plant.apply(r);
        planted.push({ table: 'kunden', key: String(id), kind: plant.kind, role: plant.role });
      }
    }
    const text = [r.kundennr, r.vorname, r.nachname, r.email, r.telefon, r.notiz, JSON.stringify(r.profil)].join('\t');
    if (text.includes(SUBJECT.email)) literalRows++;
    return `${[String(id), r.kundennr, r.vorname, r.nachname, r.email, r.telefon, r.notiz].map(field).join('\t')}\t${field(JSON.stringify(r.profil))}\n`;
  });

  const logRows = Math.max(1, Math.floor(rows / 4));
  let logPlant = 0;
  const log = join(dir, 'kontakt_log.tsv');
  await writeLines(log, logRows, (i) => {
    const ref = `L-${i + 1}`;
    let entry = `Kontakt mit Kunde K-${200000 + 1 + (random.nextUint32() % rows)}: ${pick(NOTES) ?? 'ohne Notiz'}`;
    if ((i + 1) % (PLANT_EVERY / 2) === PLANT_EVERY / 4) {
      const plant = LOG_PLANTS[logPlant++ % LOG_PLANTS.length];
      if (plant) {
        entry = plant.entry;
        planted.push({ table: 'kontakt_log', key: ref, kind: plant.kind, role: plant.role });
      }
    }
    if (entry.includes(SUBJECT.email)) literalRows++;
    return `${field(ref)}\t${field(pick(CHANNELS))}\t${field(entry)}\n`;
  });
  return { rows, logRows, seed, files: { kunden, kontakt_log: log }, planted, literalRows };
}
