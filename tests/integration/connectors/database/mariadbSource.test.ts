import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchContext } from '../../../../src/core/connectors/connector.js';
import { databaseConnector } from '../../../../src/core/connectors/database/databaseConnector.js';
import { compileSubject } from '../../../../src/core/identity/compileSubject.js';
import { runSearch } from '../../../../src/core/search/runSearch.js';
import { loadWorkspace } from '../../../../src/core/workspace/loadWorkspace.js';
import type { Finding, SearchResult, SourceReport } from '../../../../src/shared/findings.js';
import { SubjectSchema } from '../../../../src/shared/subject.js';
import { mariadbMissing, startMariaDb, type DbUser, type MariaDbServer } from '../../helpers/mariadb.js';
import { tempDirForFile } from '../fileSearchContext.js';
import { CUSTOMERS, STRONG_CUSTOMERS, SUBJECT, WEAK_CUSTOMERS } from './databaseFixtures.js';
import { freePort } from '../../helpers/freePort.js';

/**
 * The `database` source with `driver: mariadb`, end to end through the workspace, the search runner
 * and the connector against a throwaway MariaDB: the same customers as the PostgreSQL and SQLite
 * tests (so the same rows must be strong), a table without a key, JSON, a blob, one level of foreign
 * keys, 200k filler rows, read-only proven by the server's general log, and the failures an officer
 * must be told apart (wrong password, no server, a table withheld, a statement timeout).
 */
const missing = mariadbMissing();
if (missing) console.warn(`skipping the MariaDB source tests: ${missing}`);

const FILLER_ROWS = 200_000;
const PASSWORD_ENV = 'AUSKUNFT_TEST_MARIADB_PASSWORD';

const REGISTER_YAML = `activities:
  - id: customer-management
    name: Kundenverwaltung
    purposes: [Vertragsabwicklung]
    categories: [contact.email, customer.id]
    legalBasis: ["6(1)(b)"]
    recipients: []
    retention: Bis zum Ende gesetzlicher Aufbewahrungsfristen
    automatedDecisions: false
    localCopy: true
categories:
  - { id: contact.email, name: E-Mail-Adresse }
  - { id: customer.id, name: Kundennummer }
`;

describe.skipIf(missing !== null)('database source on MariaDB', { timeout: 240_000 }, () => {
  let server: MariaDbServer;
  const dir = tempDirForFile('auskunft-mariadb-source-');
  const subject = SubjectSchema.parse(SUBJECT);
  const query = compileSubject(subject);

  /** Search a workspace with one mariadb source; `extra` is more YAML for the source. */
  const search = async (opts: { user?: DbUser; port?: number; password?: string; extra?: string } = {}): Promise<{ result: SearchResult; source: SourceReport; findings: Finding[] }> => {
    const user = opts.user ?? server.reader;
    const file = join(dir, `auskunft-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(
      file,
      `controller:
  name: Beispiel Firma GmbH
  address: "Zementwerk 1, 72622 Nürtingen"
  email: datenschutz@beispiel-firma.de
  supervisoryAuthority: "LfDI Baden-Württemberg"
register: register.yaml
sources:
  - id: crm
    type: database
    driver: mariadb
    host: 127.0.0.1
    port: ${opts.port ?? server.port}
    database: ${server.database}
    user: ${user.user}
    password: { env: ${PASSWORD_ENV} }
    activities: [customer-management]
${opts.extra ?? ''}`,
    );
    const password = opts.password ?? user.password;
    const result = await runSearch(loadWorkspace(file), subject, query, { secrets: async () => password });
    const source = result.sources.find((s) => s.id === 'crm');
    if (!source) throw new Error('no report for source crm');
    return { result, source, findings: result.findings.filter((f) => f.source === 'crm') };
  };
  const keysOf = (findings: Finding[], table: string, strength: 'strong' | 'weak', key = 'id'): unknown[] =>
    findings
      .filter((f) => f.locator.table === `${server.database}.${table}` && f.strength === strength)
      .map((f) => f.locator.key?.[key])
      .sort((a, b) => Number(a) - Number(b));

  beforeAll(async () => {
    server = await startMariaDb();
    writeFileSync(join(dir, 'register.yaml'), REGISTER_YAML);
    const db = server.database;
    await server.root(`USE ${db};
      CREATE TABLE customers (id INT PRIMARY KEY, kundennummer VARCHAR(20), vorname VARCHAR(50), nachname VARCHAR(80), email VARCHAR(200), telefon VARCHAR(40), profil JSON, foto BLOB);
      CREATE TABLE orders (nr INT PRIMARY KEY, customer_id INT NOT NULL, artikel VARCHAR(100), FOREIGN KEY (customer_id) REFERENCES customers (id));
      CREATE TABLE notes (kunde VARCHAR(20), text TEXT);
      CREATE TABLE filler (id INT PRIMARY KEY, email VARCHAR(200), kundennummer VARCHAR(20), text VARCHAR(200));
      CREATE TABLE withheld (id INT PRIMARY KEY, email VARCHAR(200));
      CREATE TABLE slow (id INT PRIMARY KEY, email VARCHAR(200));`);
    for (const [id, nr, first, last, email, phone] of CUSTOMERS) {
      await server.root(`INSERT INTO ${db}.customers (id, kundennummer, vorname, nachname, email, telefon, foto) VALUES (?, ?, ?, ?, ?, ?, x'89504e47')`, [id, nr, first, last, email, phone]);
    }
    // A customer found only inside JSON, and orders: 10 references a strong customer, 11 a look-alike.
    await server.root(`INSERT INTO ${db}.customers (id, kundennummer, vorname, nachname, email, profil) VALUES (6, 'K-50000', 'Max', 'Muster', 'max@example.org', '{"kontakt": {"mail": "J.Weiss@Beispiel-GmbH.de"}, "tags": ["b2b"]}')`);
    await server.root(`INSERT INTO ${db}.orders VALUES (10, 1, 'Drucker'), (11, 2, 'Toner')`);
    await server.root(`INSERT INTO ${db}.notes VALUES ('K-104421', 'Rückruf'), ('K-10442', 'Lieferung verspätet'), (NULL, 'ohne Kunde')`);
    await server.root(`INSERT INTO ${db}.withheld VALUES (1, 'j.weiss@beispiel-gmbh.de')`);
    await server.root(`INSERT INTO ${db}.slow VALUES (1, 'j.weiss@beispiel-gmbh.de')`);
    // Filler by the server's own sequence engine: 200k rows in well under a second, one a strong row.
    await server.root(
      `INSERT INTO ${db}.filler SELECT seq, CONCAT('kunde', seq, '@example.de'), CONCAT('K-', 300000 + seq), IF(seq = 123456, 'Kopie an j.weiss@beispiel-gmbh.de', CONCAT('Notiz ', seq)) FROM seq_1_to_${FILLER_ROWS}`,
    );
  }, 120_000);

  afterAll(async () => {
    await server?.dispose();
  });

  it('finds the same customers as the PostgreSQL test, plus JSON, a table without a key, a foreign key and the filler row; names the blob', async () => {
    const { source, findings } = await search({ extra: '    exclude: [withheld, slow]\n' });
    expect(source.status, JSON.stringify(source)).toBe('ok');
    expect(source.scanned).toBeGreaterThanOrEqual(FILLER_ROWS + CUSTOMERS.length);
    expect(keysOf(findings, 'customers', 'strong')).toEqual([...STRONG_CUSTOMERS, 6]);
    expect(keysOf(findings, 'customers', 'weak')).toEqual(WEAK_CUSTOMERS);
    expect(keysOf(findings, 'orders', 'strong', 'nr')).toEqual([10]);
    expect(keysOf(findings, 'filler', 'strong')).toEqual([123456]);
    // notes has no key: found by its place in the stable order (NULL first, then K-10442 before K-104421).
    const notes = findings.filter((f) => f.locator.table === `${server.database}.notes`);
    expect(notes.map((f) => [f.strength, f.locator.row])).toEqual([['strong', 2]]);
    expect(notes[0]?.locator.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(notes[0]?.record)).toContain('K-10442');
    expect(source.warnings.map((w) => w.message).join('\n')).toMatch(/binary column foto \(blob\) not searched/);
  });

  it('reads an original back by key, and a keyless row by place and hash; a changed row is not passed off as the one found', async () => {
    const { findings } = await search({ extra: '    exclude: [withheld, slow, filler]\n' });
    const config = databaseConnector.configSchema.parse({
      id: 'crm', type: 'database', driver: 'mariadb', host: '127.0.0.1', port: server.port, database: server.database, user: server.reader.user, password: { env: PASSWORD_ENV },
    });
    const ctx: SearchContext = { signal: new AbortController().signal, sourceId: 'crm', resolvePath: (p) => p, resolveSecret: async () => server.reader.password, progress: () => undefined };
    const one = findings.find((f) => f.locator.table === `${server.database}.customers` && f.locator.key?.id === 1);
    const original = await databaseConnector.readOriginal!(config, one!.locator, ctx);
    expect(JSON.parse(original!.bytes.toString('utf8'))).toMatchObject({ key: { id: 1 }, values: { email: 'j.weiss@beispiel-gmbh.de', kundennummer: 'K-10442' } });
    const note = findings.find((f) => f.locator.table === `${server.database}.notes`);
    expect(JSON.parse((await databaseConnector.readOriginal!(config, note!.locator, ctx))!.bytes.toString('utf8'))).toMatchObject({ row: 2, values: { kunde: 'K-10442' } });
    await server.root(`UPDATE ${server.database}.customers SET telefon = '0711 1' WHERE id = 1`);
    try {
      expect(await databaseConnector.readOriginal!(config, one!.locator, ctx)).toBeNull();
    } finally {
      await server.root(`UPDATE ${server.database}.customers SET telefon = '0711 12345678' WHERE id = 1`);
    }
    expect(await databaseConnector.check(config, ctx)).toEqual({ ok: true, message: expect.stringMatching(/^MariaDB 10\.\d+\.\d+, 6 Tabellen lesbar/) as unknown });
  });

  it('only reads: every statement the source sent is a SELECT, a SET or the READ ONLY transaction', async () => {
    await server.root(`TRUNCATE mysql.general_log; SET GLOBAL log_output = 'TABLE'; SET GLOBAL general_log = 1`);
    try {
      const { source } = await search({ extra: '    exclude: [withheld, slow, filler]\n' });
      expect(source.status).toBe('ok');
    } finally {
      await server.root('SET GLOBAL general_log = 0');
    }
    const rows = (await server.root(`SELECT CONVERT(argument USING utf8mb4) AS sql_text FROM mysql.general_log WHERE user_host LIKE '${server.reader.user}%' AND command_type = 'Query'`)) as { sql_text: string }[];
    const statements = rows.map((r) => r.sql_text.trim());
    expect(statements).toContain('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
    expect(statements.filter((s) => !/^(SELECT|SET SESSION|START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY$|ROLLBACK$)/i.test(s))).toEqual([]);
    expect(statements.findIndex((s) => s.startsWith('START TRANSACTION'))).toBeLessThan(statements.findIndex((s) => /FROM `/.test(s)));
  });

  it('a wrong password fails the source with one line that names the server, not the password', async () => {
    const { source, findings } = await search({ password: 'falsch-2026', extra: '    exclude: [withheld, slow]\n' });
    expect(source.status).toBe('failed');
    expect(findings).toEqual([]);
    expect(source.error).toMatch(/refused the login/);
    expect(source.error).not.toContain('\n');
    expect(source.error).not.toContain('falsch-2026');
  });

  it('no server at the address fails the source as unreachable', async () => {
    const { source } = await search({ port: await freePort() });
    expect(source.status).toBe('failed');
    expect(source.error).toMatch(/not reachable/);
  });

  it('a table the user may not read makes the source partial; the other tables are still found', async () => {
    const limited = await server.createUserWithout('withheld');
    const { source, findings } = await search({ user: limited, extra: '    exclude: [slow, filler]\n' });
    expect(source.status).toBe('partial');
    const warning = source.warnings.find((w) => w.locator.table === `${server.database}.withheld`);
    expect(warning?.message).toMatch(/permission denied/);
    expect(keysOf(findings, 'customers', 'strong')).toEqual([...STRONG_CUSTOMERS, 6]);
  });

  it('a statement over the timeout (a locked table) makes the source partial, naming the table', async () => {
    const locker = await mysql.createConnection({ socketPath: join(server.dir, 'mysqld.sock'), user: 'root', database: server.database });
    try {
      await locker.query('LOCK TABLES slow WRITE');
      const { source, findings } = await search({ extra: '    exclude: [withheld, filler]\n    timeout: 1\n' });
      expect(source.status).toBe('partial');
      const warning = source.warnings.find((w) => w.locator.table === `${server.database}.slow`);
      expect(warning?.message).toMatch(/statement timeout/);
      expect(keysOf(findings, 'customers', 'strong')).toEqual([...STRONG_CUSTOMERS, 6]);
    } finally {
      await locker.end();
    }
  });
});
