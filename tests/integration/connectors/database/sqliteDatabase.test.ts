import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FoundRecord } from '../../../../src/core/connectors/connector.js';
import { databaseConnector } from '../../../../src/core/connectors/database/databaseConnector.js';
import { loadConnector } from '../../../../src/core/connectors/registry.js';
import { tableConnector } from '../../../../src/core/connectors/table/tableConnector.js';
import { collect, fileSearchContext, subjectQuery, tempDirForFile } from '../fileSearchContext.js';
import { CUSTOMERS, STRONG_CUSTOMERS, SUBJECT, WEAK_CUSTOMERS } from './databaseFixtures.js';

const dir = tempDirForFile('auskunft-sqlite-');
const file = join(dir, 'crm.sqlite');
const subject = subjectQuery(SUBJECT);
const config = (extra: Record<string, unknown> = {}) => databaseConnector.configSchema.parse({ id: 'lokal', type: 'database', driver: 'sqlite', path: 'crm.sqlite', ...extra });
const search = (extra: Record<string, unknown> = {}) => collect(databaseConnector.search(config(extra), subject, fileSearchContext(dir)));
const strong = (f: FoundRecord) => f.matches.some((m) => m.type !== 'name' && !m.guard);
const keyOf = (f: FoundRecord) => f.locator.key?.['id'];
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(() => {
  const db = new Database(file);
  db.exec(`
    CREATE TABLE customers (id INTEGER PRIMARY KEY, kundennummer TEXT, vorname TEXT, nachname TEXT, email TEXT, telefon TEXT, profile JSON, photo BLOB);
    CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), item TEXT, total REAL);
    CREATE TABLE notes (text TEXT, author TEXT);
    CREATE TABLE staff (id INTEGER PRIMARY KEY, name TEXT, mentor_id INTEGER REFERENCES staff(id), email TEXT);
    CREATE VIEW customer_emails AS SELECT id, email FROM customers;
  `);
  const insert = db.prepare('INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const c of CUSTOMERS) insert.run(...c, c[0] === 2 ? JSON.stringify({ phones: ['+49 711 12345678'], tags: ['x'] }) : '{}', Buffer.from([0, 1, 2, c[0]]));
  db.exec(`
    INSERT INTO orders VALUES (10, 1, 'Drucker', 199.5), (11, 2, 'Toner', 49.9), (12, 4, 'Papier', 5.0);
    INSERT INTO notes VALUES ('Rückruf erbeten', 'hr'), ('Mail an j.weiss@beispiel-gmbh.de geschickt', 'hr'), ('Rückruf erbeten', 'hr');
    INSERT INTO staff VALUES (1, 'Mentor', NULL, 'j.weiss@beispiel-gmbh.de'), (2, 'Mentee', 1, 'mentee@example.org');
  `);
  db.close();
});

describe('database connector: sqlite', () => {
  it('is registered as type "database" with readOriginal', async () => {
    expect(await loadConnector('database')).toBe(databaseConnector);
  });

  it('finds the subject\'s rows: strong by id, email, phone (also inside JSON); weak by an NFD-written name; not the look-alikes', async () => {
    const { findings, warnings } = await search({ tables: ['customers'] });
    const customers = findings.filter((f) => f.locator.table === 'customers');
    expect(customers.filter(strong).map(keyOf).sort()).toEqual([...STRONG_CUSTOMERS, 2].sort());
    expect(customers.filter((f) => !strong(f)).map(keyOf)).toEqual(WEAK_CUSTOMERS);
    // Row 2 is someone else's by id and email (K-104421, xj.weiss@) but holds the subject's phone inside its JSON.
    const two = customers.find((f) => keyOf(f) === 2)!;
    expect(two.matches.filter((m) => m.type !== 'name')).toEqual([expect.objectContaining({ type: 'phone', field: 'profile.phones[0]' })]);
    const one = customers.find((f) => keyOf(f) === 1)!;
    expect(one.locator).toEqual({ table: 'customers', key: { id: 1 }, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(one.title).toBe('customers, id=1: Jürgen Weiß');
    expect(one.record).toEqual({ kind: 'row', fields: expect.arrayContaining([{ name: 'kundennummer', value: 'K-10442' }, { name: 'profile', value: '{}' }]) });
    expect(JSON.stringify(one.record)).not.toContain('photo');
    expect(warnings).toEqual([expect.objectContaining({ locator: { table: 'customers' }, message: expect.stringContaining('binary column photo (BLOB) not searched') })]);
    expect(warnings.some((w) => w.uncovered)).toBe(false);
  });

  it('follows foreign keys one level: an order of a strong customer is strong, naming the reference', async () => {
    const { findings } = await search();
    const orders = findings.filter((f) => f.locator.table === 'orders');
    expect(orders.map(keyOf).sort()).toEqual([10, 11, 12]);
    const ten = orders.find((f) => keyOf(f) === 10)!;
    expect(ten.matches).toContainEqual({ type: 'customerId', value: 'K-10442', field: 'customer_id → customers(id=1)' });
    expect(strong(ten)).toBe(true);
    // A table referencing itself: the mentee row points at the subject's row, read in the same table.
    const staff = findings.filter((f) => f.locator.table === 'staff');
    expect(staff.map(keyOf).sort()).toEqual([1, 2]);
    expect(staff.find((f) => keyOf(f) === 2)!.matches).toEqual([expect.objectContaining({ type: 'email', field: 'mentor_id → staff(id=1)' })]);
  });

  it('names a row of a table without a primary key by its place in a stable order and its hash', async () => {
    const first = (await search({ tables: ['notes'] })).findings;
    expect(first).toHaveLength(1);
    expect(first[0]!.locator).toEqual({ table: 'notes', row: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const again = (await search({ tables: ['notes'] })).findings;
    expect(again[0]!.locator).toEqual(first[0]!.locator);
  });

  it('lists the tables a search reads, with their row counts, for the Sources screen', async () => {
    expect(await databaseConnector.describeTables!(config({ views: true, exclude: ['staff'] }), fileSearchContext(dir))).toEqual([
      { name: 'customer_emails', rows: 5, view: true },
      { name: 'customers', rows: 5, view: false },
      { name: 'notes', rows: 3, view: false },
      { name: 'orders', rows: 3, view: false },
    ]);
  });

  it('searches views only with views: true', async () => {
    expect((await search()).findings.some((f) => f.locator.table === 'customer_emails')).toBe(false);
    expect((await search({ views: true })).findings.some((f) => f.locator.table === 'customer_emails')).toBe(true);
  });

  it('honours exclude and columns: ignore, and warns about a table name that does not exist', async () => {
    const { findings, warnings } = await search({ exclude: ['orders', 'staff', 'notes'], columns: { customers: { email: 'ignore', profile: 'ignore' } }, tables: ['customers', 'orders', 'staff', 'notes', 'nosuch'] });
    expect([...new Set(findings.map((f) => f.locator.table))]).toEqual(['customers']);
    expect(findings.find((f) => keyOf(f) === 2)).toBeUndefined();
    expect(findings.flatMap((f) => f.matches).some((m) => m.field === 'email')).toBe(false);
    expect(warnings).toContainEqual(expect.objectContaining({ locator: { table: 'nosuch' }, uncovered: true }));
    const typo = await search({ tables: ['customers'], columns: { kunden: { email: 'ignore' } } });
    expect(typo.warnings).toContainEqual(expect.objectContaining({ locator: { table: 'kunden' }, message: 'table kunden named in columns is not in the database' }));
  });

  it('never writes the file: same bytes and mtime after search, check and readOriginal', async () => {
    const before = { hash: sha256(file), mtime: statSync(file).mtimeMs };
    const { findings } = await search({ views: true });
    expect(await databaseConnector.check(config(), fileSearchContext(dir))).toEqual({ ok: true, message: expect.stringMatching(/^SQLite 3\.\d+\.\d+, 4 Tabellen lesbar/) });
    await databaseConnector.readOriginal!(config(), findings[0]!.locator, fileSearchContext(dir));
    expect({ hash: sha256(file), mtime: statSync(file).mtimeMs }).toEqual(before);
    expect(statSync(file).isFile()).toBe(true);
  });

  it('reads the original row as JSON by its key or place, and null once the row changed', async () => {
    const { findings } = await search();
    const one = findings.find((f) => f.locator.table === 'customers' && keyOf(f) === 1)!;
    const original = await databaseConnector.readOriginal!(config(), one.locator, fileSearchContext(dir));
    expect(original!.filename).toBe('customers id=1.json');
    const json = JSON.parse(original!.bytes.toString('utf8')) as { values: Record<string, unknown>; notIncluded: string[] };
    expect(json.values).toMatchObject({ id: '1', kundennummer: 'K-10442', email: 'j.weiss@beispiel-gmbh.de', profile: {} });
    expect(json.notIncluded).toEqual(['photo (BLOB): binary, not read']);
    const note = findings.find((f) => f.locator.table === 'notes')!;
    expect(await databaseConnector.readOriginal!(config(), note.locator, fileSearchContext(dir))).not.toBeNull();
    const batch = await databaseConnector.readOriginals!(config(), [note.locator, { table: 'customers', key: { id: 99 } }, one.locator], fileSearchContext(dir));
    expect(batch.map((o) => o?.filename ?? null)).toEqual(['notes Zeile 1.json', null, 'customers id=1.json']);

    const copy = join(dir, 'changed.sqlite');
    writeFileSync(copy, readFileSync(file));
    const db = new Database(copy);
    db.exec("UPDATE customers SET telefon = '0000' WHERE id = 1; DELETE FROM notes WHERE author = 'hr' AND text LIKE 'Mail%'");
    db.close();
    const changed = config({ path: 'changed.sqlite' });
    expect(await databaseConnector.readOriginal!(changed, one.locator, fileSearchContext(dir))).toBeNull();
    expect(await databaseConnector.readOriginal!(changed, note.locator, fileSearchContext(dir))).toBeNull();
    expect(await databaseConnector.readOriginal!(changed, { table: 'customers', key: { id: 99 } }, fileSearchContext(dir))).toBeNull();
  });

  it('gives the same rows and matches as the table connector on a CSV export of the table', async () => {
    const header = ['id', 'kundennummer', 'vorname', 'nachname', 'email', 'telefon'];
    const csv = [header, ...CUSTOMERS.map((c) => c.map(String))].map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\r\n');
    writeFileSync(join(dir, 'customers.csv'), `${csv}\r\n`, 'utf8');
    const plain = join(dir, 'plain.sqlite');
    const db = new Database(plain);
    db.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, kundennummer TEXT, vorname TEXT, nachname TEXT, email TEXT, telefon TEXT)');
    const insert = db.prepare('INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?)');
    for (const c of CUSTOMERS) insert.run(...c);
    db.close();
    const fromDb = (await collect(databaseConnector.search(config({ path: 'plain.sqlite' }), subject, fileSearchContext(dir)))).findings;
    const fromCsv = (await collect(tableConnector.search(tableConnector.configSchema.parse({ id: 'csv', type: 'table', path: 'customers.csv' }), subject, fileSearchContext(dir)))).findings;
    const view = (list: FoundRecord[], id: (f: FoundRecord) => unknown) => list.map((f) => ({ id: String(id(f)), strong: strong(f), matches: f.matches, fields: f.record }));
    const csvId = (f: FoundRecord) => (f.record as { fields: Array<{ value: string }> }).fields[0]!.value;
    expect(fromDb.length).toBeGreaterThan(0);
    expect(view(fromDb, keyOf)).toEqual(view(fromCsv, csvId));
  });

  it('fails the source with one line for a missing file, and never creates it', async () => {
    const missing = await collect(databaseConnector.search(config({ path: 'nope.sqlite' }), subject, fileSearchContext(dir))).catch((e: Error) => e);
    expect(missing).toBeInstanceOf(Error);
    expect((missing as Error).name).toBe('SourceError');
    expect((missing as Error).message).toMatch(/^cannot open the sqlite database .*nope\.sqlite/);
    expect((missing as Error).message).not.toContain('\n');
    expect(() => statSync(join(dir, 'nope.sqlite'))).toThrow();
  });

  it('rejects options that do not apply to sqlite, naming the field', () => {
    const result = databaseConnector.configSchema.safeParse({ id: 'x', type: 'database', driver: 'sqlite', path: 'a.sqlite', host: 'db' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ['host'], message: expect.stringContaining('does not apply to a sqlite database') });
  });
});
