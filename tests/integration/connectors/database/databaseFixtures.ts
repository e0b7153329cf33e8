/**
 * The subject and the rows the database tests share: the same people in PostgreSQL and SQLite, with
 * the traps the matcher must not fall into (look-alike ids and addresses, NFD names).
 */
export const SUBJECT = {
  name: 'Jürgen Weiß',
  emails: ['j.weiss@beispiel-gmbh.de'],
  phones: ['0711 12345678'],
  customerIds: ['K-10442'],
};

/** customers(id, kundennummer, vorname, nachname, email, telefon): id 1 and 4 are the subject's, 5 only by name. */
export const CUSTOMERS: ReadonlyArray<readonly [number, string, string, string, string, string]> = [
  [1, 'K-10442', 'Jürgen', 'Weiß', 'j.weiss@beispiel-gmbh.de', '0711 12345678'],
  [2, 'K-104421', 'Anna', 'Schmidt', 'xj.weiss@beispiel-gmbh.de', '0711 99999999'],
  [3, 'K-20000', 'Peter', 'Lang', 'j.weiss@beispiel-gmbh.de.evil.org', ''],
  [4, 'K-30000', 'Jürgen', 'Weiss', 'juergen@privat.example', '+49 711 12345678'],
  [5, 'K-40000', 'Ju\u0308rgen', 'Weiß', 'jm@example.org', ''],
];

/** The customer ids whose rows must be strong findings. */
export const STRONG_CUSTOMERS = [1, 4];
/** The customer whose row must be a weak (name-only) finding: the NFD-written name. */
export const WEAK_CUSTOMERS = [5];
