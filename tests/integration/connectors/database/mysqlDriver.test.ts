import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DbError, type DbOpenOptions, type DbRow, type DbSession, type DbTable } from '../../../../src/core/connectors/database/dbDriver.js';
import { mysqlDriver } from '../../../../src/core/connectors/database/mysqlDriver.js';
import { mariadbMissing, startMariaDb, type MariaDbServer } from '../../helpers/mariadb.js';
import { freePort } from '../../helpers/freePort.js';

/**
 * The mysql driver against a real MariaDB: what the database connector relies on (listTables, the
 * order of rows(), rowsWhere, read-only, the neutral error kinds), without the connector on top.
 */
const missing = mariadbMissing();
if (missing) console.warn(`skipping the MariaDB driver tests: ${missing}`);

const FILLER_ROWS = 5_000;

describe.skipIf(missing !== null)('mysqlDriver on MariaDB', { timeout: 120_000 }, () => {
  let server: MariaDbServer;
  const signal = new AbortController().signal;
  const sessions: DbSession[] = [];

  const options = (over: Partial<DbOpenOptions> = {}): DbOpenOptions => ({
    driver: 'mariadb',
    host: server.host,
    port: server.port,
    database: server.database,
    user: server.reader.user,
    ssl: 'off',
    statementTimeoutMs: 10_000,
    ...over,
  });
  const open = async (over: Partial<DbOpenOptions> = {}, password = server.reader.password): Promise<DbSession> => {
    const s = await mysqlDriver.open(options(over), password, signal);
    sessions.push(s);
    return s;
  };
  const failure = async (p: Promise<unknown>): Promise<DbError> => {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DbError);
    return err as DbError;
  };
  const all = async (it: AsyncIterable<DbRow[]>): Promise<{ rows: DbRow[]; batches: number[] }> => {
    const rows: DbRow[] = [];
    const batches: number[] = [];
    for await (const b of it) {
      batches.push(b.length);
      rows.push(...b);
    }
    return { rows, batches };
  };
  const table = (tables: DbTable[], name: string): DbTable => {
    const t = tables.find((x) => x.name === name);
    if (!t) throw new Error(`no table ${name} in ${tables.map((x) => x.name).join(', ')}`);
    return t;
  };

  beforeAll(async () => {
    server = await startMariaDb({ tls: true });
    await server.root(`USE ${server.database};
      CREATE TABLE kunden (
        id INT PRIMARY KEY, kundennr VARCHAR(20) NOT NULL, name VARCHAR(100), email VARCHAR(200),
        profil JSON, status ENUM('aktiv','inaktiv'), umsatz DECIMAL(12,2), big BIGINT, foto BLOB,
        angelegt DATETIME, ip INET6
      );
      CREATE TABLE bestellungen (
        region CHAR(2), nr INT, kunde_id INT, text TEXT, PRIMARY KEY (region, nr),
        FOREIGN KEY (kunde_id) REFERENCES kunden (id)
      );
      CREATE TABLE notizen (kunde VARCHAR(20), notiz TEXT);
      CREATE TABLE gesperrt (id INT PRIMARY KEY, geheim TEXT);
      CREATE TABLE langsam (id INT PRIMARY KEY, text TEXT);
      CREATE VIEW aktive AS SELECT id, email FROM kunden WHERE status = 'aktiv';`);
    await server.root(
      `INSERT INTO ${server.database}.kunden VALUES
        (2, 'K-10442', 'Jürgen Weiß', 'j.weiss@beispiel-gmbh.de', '{"tel": "0711 12345678", "tags": ["a"]}', 'aktiv', '1234.50', 9007199254740993, x'00ff', '2024-03-01 10:00:00', '2001:db8::7'),
        (1, 'K-104421', 'Anna Müller', 'xj.weiss@beispiel-gmbh.de', '[1, 2]', 'inaktiv', NULL, NULL, NULL, '0000-00-00 00:00:00', NULL)`,
    );
    // Filler in descending insertion order: key order must come from ORDER BY, not from luck.
    await server.root(`INSERT INTO ${server.database}.bestellungen SELECT IF(seq % 2, 'BW', 'BY'), ${FILLER_ROWS} - seq, IF(seq % 3, 1, 2), CONCAT('Bestellung ', seq) FROM seq_0_to_${FILLER_ROWS - 1}`);
    await server.root(`INSERT INTO ${server.database}.notizen VALUES ('K-2', 'zwei'), ('K-1', 'eins b'), ('K-1', 'eins a'), (NULL, 'ohne')`);
    await server.root(`INSERT INTO ${server.database}.langsam VALUES (1, 'x')`);
  }, 120_000);

  afterAll(async () => {
    for (const s of sessions) await s.close().catch(() => undefined);
    await server?.dispose();
  });

  it('lists tables with kinds, primary keys and foreign keys; views only when asked', async () => {
    const s = await open();
    expect(s.describe()).toMatch(/^MariaDB 10\.\d+\.\d+$/);
    const tables = await s.listTables({ views: false }, signal);
    expect(tables.map((t) => t.name)).toEqual(['bestellungen', 'gesperrt', 'kunden', 'langsam', 'notizen']);
    const kunden = table(tables, 'kunden');
    expect(kunden.qualified).toBe(`${server.database}.kunden`);
    expect(Object.fromEntries(kunden.columns.map((c) => [c.name, c.kind]))).toEqual({
      id: 'number', kundennr: 'text', name: 'text', email: 'text', profil: 'json', status: 'text',
      umsatz: 'number', big: 'number', foto: 'binary', angelegt: 'other', ip: 'text',
    });
    expect(kunden.primaryKey).toEqual(['id']);
    const bestellungen = table(tables, 'bestellungen');
    expect(bestellungen.primaryKey).toEqual(['region', 'nr']);
    expect(bestellungen.foreignKeys).toEqual([{ columns: ['kunde_id'], referencedTable: `${server.database}.kunden`, referencedColumns: ['id'] }]);
    expect(table(tables, 'notizen').primaryKey).toEqual([]);
    const withViews = await s.listTables({ views: true }, signal);
    expect(table(withViews, 'aktive')).toMatchObject({ isView: true, primaryKey: [] });
  });

  it('streams rows in key order, in batches, with values as stored (JSON parsed, exact numbers, dates as text)', async () => {
    const s = await open();
    const tables = await s.listTables({ views: false }, signal);
    const kunden = await all(s.rows(table(tables, 'kunden'), ['kundennr', 'profil', 'umsatz', 'big', 'angelegt', 'ip'], 10, signal));
    expect(kunden.rows).toEqual([
      ['K-104421', [1, 2], null, null, '0000-00-00 00:00:00', null],
      ['K-10442', { tel: '0711 12345678', tags: ['a'] }, '1234.50', '9007199254740993', '2024-03-01 10:00:00', '2001:db8::7'],
    ]);
    const orders = await all(s.rows(table(tables, 'bestellungen'), ['region', 'nr'], 1000, signal));
    expect(orders.rows).toHaveLength(FILLER_ROWS);
    expect(Math.max(...orders.batches)).toBe(1000);
    const keys = orders.rows.map((r) => `${String(r[0])}:${String(r[1]).padStart(6, '0')}`);
    expect(keys).toEqual([...keys].sort());
    // A table without a key: ordered by every column, NULL first.
    const notes = await all(s.rows(table(tables, 'notizen'), ['kunde', 'notiz'], 3, signal));
    expect(notes.rows).toEqual([[null, 'ohne'], ['K-1', 'eins a'], ['K-1', 'eins b'], ['K-2', 'zwei']]);
    expect(notes.batches).toEqual([3, 1]);
  });

  it('finds rows by key tuples (rowsWhere), single and composite', async () => {
    const s = await open();
    const tables = await s.listTables({ views: false }, signal);
    const byId = await all(s.rowsWhere(table(tables, 'kunden'), ['id', 'email'], { columns: ['id'], values: [[2], [99]] }, 100, signal));
    expect(byId.rows).toEqual([[2, 'j.weiss@beispiel-gmbh.de']]);
    const many = Array.from({ length: 1200 }, (_, i): [string, number] => ['BW', i]);
    const composite = await all(s.rowsWhere(table(tables, 'bestellungen'), ['region', 'nr'], { columns: ['region', 'nr'], values: many }, 250, signal));
    expect(composite.rows.length).toBeGreaterThan(500);
    expect(composite.rows.every((r) => r[0] === 'BW' && Number(r[1]) < 1200)).toBe(true);
  });

  it('reads in a READ ONLY transaction: even a user allowed to write cannot through the session', async () => {
    await server.root(`CREATE USER 'schreiber'@'127.0.0.1' IDENTIFIED BY 'Schreib 1'; GRANT ALL ON ${server.database}.* TO 'schreiber'@'127.0.0.1'`);
    const s = await open({ user: 'schreiber' }, 'Schreib 1');
    const tables = await s.listTables({ views: false }, signal);
    await all(s.rows(table(tables, 'kunden'), ['id'], 10, signal));
    const [trx] = (await server.root(`SELECT trx_is_read_only AS ro FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id WHERE p.USER = 'schreiber'`)) as { ro: number }[];
    expect(trx?.ro).toBe(1);
  });

  it('tells the failures apart: wrong password, unreachable, unknown database, TLS', async () => {
    const auth = await failure(open({}, 'falsch'));
    expect(auth.kind).toBe('auth');
    expect(auth.message).not.toContain('falsch');
    expect(auth.message).not.toContain('\n');
    const free = await freePort();
    expect((await failure(open({ port: free }))).kind).toBe('unreachable');
    // The server hides whether a database the user has no rights on exists: 1044, not 1049.
    expect(await failure(open({ database: 'gibt_es_nicht' }))).toMatchObject({ kind: 'permission', message: expect.stringMatching(/no access to the database \(or it does not exist\)/) as unknown });
    // TLS: require encrypts without checking; verify-full checks the chain against ca.
    const tlsRequire = await open({ ssl: 'require' });
    expect(tlsRequire.describe()).toMatch(/MariaDB/);
    const caFile = join(server.dir, 'ca-copy.pem');
    writeFileSync(caFile, server.caPem ?? '');
    expect((await open({ ssl: 'verify-full', ca: caFile })).describe()).toMatch(/MariaDB/);
    expect((await failure(open({ ssl: 'verify-full' }))).kind).toBe('tls');
    await server.root(`CREATE USER 'nur_tls'@'127.0.0.1' IDENTIFIED BY 'Tls 1' REQUIRE SSL; GRANT SELECT ON ${server.database}.* TO 'nur_tls'@'127.0.0.1'`);
    expect((await open({ user: 'nur_tls', ssl: 'require' }, 'Tls 1')).describe()).toMatch(/MariaDB/);
    await server.root('SET GLOBAL require_secure_transport = ON');
    try {
      // MariaDB says 1045, as for a wrong password (MySQL says 3159): the message points to ssl.
      expect(await failure(open())).toMatchObject({ kind: 'auth', message: expect.stringMatching(/if the server requires encrypted connections, set ssl: require/) as unknown });
      expect((await open({ ssl: 'require' })).describe()).toMatch(/MariaDB/);
    } finally {
      await server.root('SET GLOBAL require_secure_transport = OFF');
    }
  });

  it('a consumer that stops reading a keyless table early does not leave the session hanging', async () => {
    await server.root(`CREATE TABLE IF NOT EXISTS ${server.database}.viele (n INT, text VARCHAR(50)); INSERT INTO ${server.database}.viele SELECT seq, 'x' FROM seq_1_to_20000`);
    const s = await mysqlDriver.open(options(), server.reader.password, signal);
    const tables = await s.listTables({ views: false }, signal);
    const viele = table(tables, 'viele');
    for await (const batch of s.rows(viele, ['n'], 100, signal)) {
      expect(batch).toHaveLength(100);
      break;
    }
    await s.close(); // resolves: the half-read result does not block it
  });

  it('a table the user may not read fails that table only; the session goes on', async () => {
    const limited = await server.createUserWithout('gesperrt');
    const s = await open({ user: limited.user }, limited.password);
    const tables = await s.listTables({ views: false }, signal);
    const err = await failure(all(s.rows(table(tables, 'gesperrt'), ['id', 'geheim'], 10, signal)));
    expect(err).toMatchObject({ kind: 'permission', table: `${server.database}.gesperrt` });
    expect((await all(s.rows(table(tables, 'kunden'), ['id'], 10, signal))).rows).toHaveLength(2);
    await server.root(`DROP TABLE IF EXISTS ${server.database}.weg; CREATE TABLE ${server.database}.weg (id INT PRIMARY KEY)`);
    const s2 = await open();
    const weg = table(await s2.listTables({ views: false }, signal), 'weg');
    await server.root(`DROP TABLE ${server.database}.weg`);
    expect(await failure(all(s2.rows(weg, ['id'], 10, signal)))).toMatchObject({ kind: 'missing-table', table: `${server.database}.weg` });
  });

  it('a table created after the snapshot fails that table as missing, with a reason', async () => {
    const s = await open();
    await server.root(`CREATE TABLE ${server.database}.spaeter (id INT PRIMARY KEY); INSERT INTO ${server.database}.spaeter VALUES (1)`);
    const spaeter = table(await s.listTables({ views: false }, signal), 'spaeter');
    expect(await failure(all(s.rows(spaeter, ['id'], 10, signal)))).toMatchObject({ kind: 'missing-table', message: expect.stringMatching(/after the search began/) as unknown });
  });

  it('a statement over the timeout (a locked table) fails that table with kind timeout; the next table still reads', async () => {
    const locker = await mysql.createConnection({ socketPath: join(server.dir, 'mysqld.sock'), user: 'root', database: server.database });
    try {
      await locker.query('LOCK TABLES langsam WRITE');
      const s = await open({ statementTimeoutMs: 500 });
      const tables = await s.listTables({ views: false }, signal);
      const started = Date.now();
      const err = await failure(all(s.rows(table(tables, 'langsam'), ['id', 'text'], 10, signal)));
      expect(err).toMatchObject({ kind: 'timeout', table: `${server.database}.langsam` });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect((await all(s.rows(table(tables, 'kunden'), ['id'], 10, signal))).rows).toHaveLength(2);
    } finally {
      await locker.end();
    }
  });

  it('stops on abort', async () => {
    const s = await open();
    const tables = await s.listTables({ views: false }, signal);
    const ac = new AbortController();
    let batches = 0;
    const read = (async () => {
      for await (const _ of s.rows(table(tables, 'bestellungen'), ['region', 'nr'], 100, ac.signal)) {
        if (++batches === 2) ac.abort(new Error('cancelled'));
      }
    })();
    await expect(read).rejects.toThrow('cancelled');
    expect(batches).toBe(2);
  });
});
