import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FoundRecord, SearchContext, SearchEvent } from '../../../../src/core/connectors/connector.js';
import { databaseConnector } from '../../../../src/core/connectors/database/databaseConnector.js';
import { compileSubject } from '../../../../src/core/identity/compileSubject.js';
import { runSearch } from '../../../../src/core/search/runSearch.js';
import { loadWorkspace } from '../../../../src/core/workspace/loadWorkspace.js';
import { SubjectSchema } from '../../../../src/shared/subject.js';
import { postgresMissing, startPostgres, type PostgresServer } from '../../helpers/postgres.js';
import { tempDir, TEST_CONTROLLER, TEST_REGISTER, writeFiles } from '../../helpers/runCli.js';
import { collect, subjectQuery } from '../fileSearchContext.js';
import { CUSTOMERS, SUBJECT } from './databaseFixtures.js';

/** Searches against a real, throwaway PostgreSQL 15 (tests/integration/helpers/postgres.ts) as a role with SELECT only. */

const missing = postgresMissing();
if (missing) console.warn(missing);

let server: PostgresServer;
const PASSWORD = 'ro-secret';
const subject = subjectQuery({ ...SUBJECT, customerIds: [...SUBJECT.customerIds, '880042'] });
const strong = (f: FoundRecord) => f.matches.some((m) => m.type !== 'name' && !m.guard);
const keyOf = (f: FoundRecord) => f.locator.key?.['id'];

function context(secrets: Record<string, string> = { CRM_DB_PASSWORD: PASSWORD }): SearchContext {
  return {
    signal: new AbortController().signal,
    sourceId: 'crm',
    resolvePath: (p) => p,
    resolveSecret: async (ref) => {
      const name = 'env' in ref ? ref.env : ref.keychain;
      const value = secrets[name];
      if (value === undefined) throw new Error(`secret ${name} is not set`);
      return value;
    },
    progress: () => undefined,
  };
}

const config = (extra: Record<string, unknown> = {}) =>
  databaseConnector.configSchema.parse({
    id: 'crm', type: 'database', driver: 'postgres', host: '127.0.0.1', port: server.port, database: 'crm', user: 'auskunft_ro',
    password: { env: 'CRM_DB_PASSWORD' }, ...extra,
  });
const search = (extra: Record<string, unknown> = {}, ctx = context()) => collect(databaseConnector.search(config(extra), subject, ctx));
const failure = async (extra: Record<string, unknown>, ctx = context()): Promise<Error> => {
  const result = await search(extra, ctx).catch((e: Error) => e);
  if (!(result instanceof Error)) throw new Error('the search did not fail');
  return result;
};

beforeAll(async () => {
  if (missing) return;
  server = await startPostgres();
  await server.admin('CREATE DATABASE crm');
  await server.admin(`CREATE ROLE auskunft_ro LOGIN PASSWORD '${PASSWORD}'; CREATE ROLE tls_only LOGIN PASSWORD '${PASSWORD}'`);
  const values = CUSTOMERS.map((c) => `(${c[0]}, ${c.slice(1).map((v) => `'${v}'`).join(', ')}, ` +
    (c[0] === 2 ? `'{"contact": {"emails": ["j.weiss@beispiel-gmbh.de"]}}'` : `'{}'`) + `, ARRAY['a', '${c[0] === 3 ? '+49 711 12345678' : 'b'}'], '\\x00ff')`).join(',\n');
  await server.admin(`
    CREATE SCHEMA sales;
    CREATE TABLE customers (id int PRIMARY KEY, kundennummer text, vorname text, nachname varchar(80), email text, telefon text, profile jsonb, tags text[], photo bytea);
    INSERT INTO customers VALUES ${values};
    CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int REFERENCES customers(id), item text, total numeric(10,2), meta json);
    INSERT INTO orders VALUES (10, 1, 'Drucker', 199.50, '{"note": "Lieferung"}'), (11, 5, 'Toner', 49.90, null), (12, 4, 'Papier', 5, '[1, 2]');
    CREATE TABLE events (created_at timestamptz, message text);
    INSERT INTO events VALUES ('2024-03-01 10:00+00', 'Login von j.weiss@beispiel-gmbh.de'), ('2024-03-01 09:00+00', 'Login von anna@example.org'), ('2024-03-01 11:00+00', 'Login von j.weiss@beispiel-gmbh.de');
    CREATE TABLE invoices (id int PRIMARY KEY, kunden_nr int, betrag numeric);
    INSERT INTO invoices VALUES (1, 880042, 10), (2, 8800421, 20);
    CREATE TABLE filler (id int PRIMARY KEY, kundennummer text, email text, note text);
    INSERT INTO filler SELECT g, 'K-' || (100000 + g), 'user' || g || '@example.org', 'xj.weiss@beispiel-gmbh.de Notiz ' || g FROM generate_series(1, 200000) g;
    CREATE TABLE sales.leads (id int PRIMARY KEY, contact text);
    INSERT INTO sales.leads VALUES (1, 'Tel. 0711/123 456 78'), (2, 'niemand');
    CREATE TABLE secret_table (id int PRIMARY KEY, email text);
    INSERT INTO secret_table VALUES (1, 'j.weiss@beispiel-gmbh.de');
    CREATE TABLE to_drop (id int PRIMARY KEY, email text);
    CREATE TABLE shared_accounts (id int PRIMARY KEY, email text);
    INSERT INTO shared_accounts SELECT g, 'j.weiss@beispiel-gmbh.de' FROM generate_series(1, 10005) g;
    CREATE TABLE logins (id int PRIMARY KEY, account_id int REFERENCES shared_accounts(id), ip text);
    INSERT INTO logins VALUES (1, 3, '192.0.2.1'), (2, 10004, '192.0.2.2');
    CREATE TABLE written (x text);
    CREATE FUNCTION try_write() RETURNS text LANGUAGE sql VOLATILE AS $$ INSERT INTO written VALUES ('written') RETURNING x $$;
    CREATE VIEW write_attempt AS SELECT try_write() AS x;
    CREATE VIEW slow AS SELECT pg_sleep(3)::text AS slept, 'j.weiss@beispiel-gmbh.de'::text AS email;
    GRANT USAGE ON SCHEMA public, sales TO auskunft_ro, tls_only;
    GRANT SELECT ON customers, orders, events, invoices, filler, sales.leads, to_drop, shared_accounts, logins, slow, write_attempt TO auskunft_ro, tls_only;
    GRANT INSERT, SELECT ON written TO auskunft_ro;
    ANALYZE;
  `, 'crm');
}, 60_000);

afterAll(async () => {
  await server?.dispose();
});

const normal = { tables: ['customers', 'orders', 'events', 'invoices', 'leads'] };

describe.skipIf(missing !== undefined)('database connector: postgres', () => {
  it('finds strong rows by id, email, phone, inside JSONB and arrays, numbers as customer ids; not the look-alikes', async () => {
    const { findings, warnings } = await search(normal);
    const customers = findings.filter((f) => f.locator.table === 'public.customers');
    expect(customers.filter(strong).map(keyOf).sort()).toEqual([1, 2, 3, 4]);
    expect(customers.filter((f) => !strong(f)).map(keyOf)).toEqual([5]);
    expect(customers.find((f) => keyOf(f) === 2)!.matches).toContainEqual(expect.objectContaining({ type: 'email', field: 'profile.contact.emails[0]' }));
    expect(customers.find((f) => keyOf(f) === 3)!.matches).toContainEqual(expect.objectContaining({ type: 'phone', field: 'tags[1]' }));
    expect(customers.find((f) => keyOf(f) === 1)!.locator).toEqual({ table: 'public.customers', key: { id: 1 }, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(findings.filter((f) => f.locator.table === 'public.invoices').map(keyOf)).toEqual([1]);
    expect(findings.filter((f) => f.locator.table === 'sales.leads').map(keyOf)).toEqual([1]);
    expect(warnings).toEqual([expect.objectContaining({ locator: { table: 'public.customers' }, message: expect.stringContaining('binary column photo (bytea) not searched') })]);
  });

  it('follows a foreign key one level: the orders of strong customers are strong, an order of a name-only customer is not found', async () => {
    const { findings } = await search(normal);
    const orders = findings.filter((f) => f.locator.table === 'public.orders');
    expect(orders.map(keyOf).sort()).toEqual([10, 12]);
    expect(orders.find((f) => keyOf(f) === 10)!.matches).toContainEqual({ type: 'customerId', value: 'K-10442', field: 'customer_id → public.customers(id=1)' });
    expect(orders.every(strong)).toBe(true);
  });

  it('searches only the configured schema', async () => {
    const { findings } = await search({ schema: 'sales' });
    expect(findings.map((f) => f.locator.table)).toEqual(['sales.leads']);
    const { warnings } = await search({ schemas: ['sales', 'nosuch'] });
    expect(warnings).toContainEqual(expect.objectContaining({ locator: { table: 'nosuch.*' }, uncovered: true }));
  });

  it('follows at most 10,000 referenced rows per table, and says so when there are more', async () => {
    const { findings, warnings } = await search({ tables: ['shared_accounts', 'logins'] });
    expect(findings.filter((f) => f.locator.table === 'public.logins').map(keyOf)).toEqual([1]);
    expect(warnings).toContainEqual(expect.objectContaining({ locator: { table: 'public.shared_accounts' }, uncovered: true, message: expect.stringContaining('more than 10000 rows') }));
  }, 60_000);

  it('reports a failed source in one line while the other sources of the workspace still run', async () => {
    const dir = tempDir('auskunft-pg-workspace-');
    writeFiles(dir, {
      'register.yaml': TEST_REGISTER,
      'auskunft.yaml': `${TEST_CONTROLLER}register: register.yaml\nsources:\n` +
        `  - { id: crm, type: database, driver: postgres, host: 127.0.0.1, port: ${server.port}, database: crm, user: auskunft_ro, password: { env: CRM_DB_PASSWORD }, activities: [contact-email] }\n` +
        `  - { id: partial, type: database, driver: postgres, host: 127.0.0.1, port: ${server.port}, database: crm, user: auskunft_ro, password: { env: GOOD }, tables: [customers, secret_table], activities: [contact-email] }\n` +
        '  - { id: lokal, type: database, driver: sqlite, path: lokal.sqlite, activities: [contact-email] }\n',
    });
    const db = new Database(join(dir, 'lokal.sqlite'));
    db.exec("CREATE TABLE kunden (id INTEGER PRIMARY KEY, email TEXT); INSERT INTO kunden VALUES (1, 'j.weiss@beispiel-gmbh.de')");
    db.close();
    const secrets = { CRM_DB_PASSWORD: 'wrong-password', GOOD: PASSWORD };
    const parsed = SubjectSchema.parse(SUBJECT);
    const result = await runSearch(loadWorkspace(join(dir, 'auskunft.yaml')), parsed, compileSubject(parsed), { secrets: async (ref) => secrets['env' in ref ? (ref.env as keyof typeof secrets) : 'GOOD'] });
    expect(result.sources.map((s) => [s.id, s.status])).toEqual([['crm', 'failed'], ['partial', 'partial'], ['lokal', 'ok']]);
    expect(result.sources[0]!.error).toMatch(/^PostgreSQL 127\.0\.0\.1:\d+\/crm refused the login: wrong user or password[^\n]*$/);
    expect(result.sources[1]!.warnings).toContainEqual(expect.objectContaining({ locator: { table: 'public.secret_table' }, uncovered: true }));
    expect(result.findings.filter((f) => f.source === 'lokal').map((f) => f.strength)).toEqual(['strong']);
  });

  it('names rows of a table without a key by their place in the stable order and their hash, the same in every run', async () => {
    const first = (await search({ tables: ['events'] })).findings;
    // Ordered by the row's text, so by time here: 09:00 (someone else), 10:00, 11:00.
    expect(first.map((f) => f.locator.row)).toEqual([2, 3]);
    expect(first.map((f) => f.date)).toEqual([expect.stringContaining('2024-03-01'), expect.stringContaining('2024-03-01')]);
    const again = (await search({ tables: ['events'] })).findings;
    expect(again.map((f) => f.locator)).toEqual(first.map((f) => f.locator));
    const original = await databaseConnector.readOriginal!(config(), first[1]!.locator, context());
    expect(JSON.parse(original!.bytes.toString('utf8'))).toMatchObject({ table: 'public.events', row: 3, values: { message: 'Login von j.weiss@beispiel-gmbh.de' } });
  });

  it('streams 200,000 rows without a finding among the look-alikes', async () => {
    let scanned = 0;
    const ctx = { ...context(), progress: (p: { scanned: number }) => void (scanned = p.scanned) };
    const started = Date.now();
    const { findings, warnings } = await search({ tables: ['filler'] }, ctx);
    expect(scanned).toBe(200_000);
    expect(findings).toEqual([]);
    expect(warnings).toEqual([]);
    console.info(`200,000 rows searched in ${Date.now() - started} ms`);
  }, 120_000);

  it('reads in a READ ONLY transaction: a view whose function writes fails, and nothing is written', async () => {
    const { findings, warnings } = await search({ tables: ['write_attempt', 'customers'], views: true });
    expect(warnings).toContainEqual(expect.objectContaining({ locator: { table: 'public.write_attempt' }, uncovered: true, message: expect.stringContaining('read-only transaction') }));
    expect(findings.some((f) => f.locator.table === 'public.customers')).toBe(true);
    expect((await server.admin('SELECT count(*)::int AS n FROM written', 'crm')).rows[0]).toEqual({ n: 0 });
  });

  it('reads the original row by its key, and null when the row changed', async () => {
    const { findings } = await search({ tables: ['customers'] });
    const one = findings.find((f) => keyOf(f) === 1)!;
    const original = await databaseConnector.readOriginal!(config(), one.locator, context());
    expect(original!.filename).toBe('public.customers id=1.json');
    expect(JSON.parse(original!.bytes.toString('utf8'))).toMatchObject({ key: { id: 1 }, values: { email: 'j.weiss@beispiel-gmbh.de', tags: ['a', 'b'], profile: {} } });
    await server.admin("UPDATE customers SET telefon = '0711 1' WHERE id = 4", 'crm');
    const four = findings.find((f) => keyOf(f) === 4)!;
    expect(await databaseConnector.readOriginal!(config(), four.locator, context())).toBeNull();
    await server.admin("UPDATE customers SET telefon = '+49 711 12345678' WHERE id = 4", 'crm');
    expect(await databaseConnector.readOriginal!(config(), four.locator, context())).not.toBeNull();
  });

  it('checks the connection: version and readable tables', async () => {
    expect(await databaseConnector.check(config({ tables: ['customers', 'orders'] }), context())).toEqual({ ok: true, message: expect.stringMatching(/^PostgreSQL 15\.\d+, 2 Tabellen lesbar/) });
    expect(await databaseConnector.check(config(), context({ CRM_DB_PASSWORD: 'wrong' }))).toEqual({ ok: false, message: expect.stringContaining('refused the login') });
  });

  describe('errors: one line each', () => {
    const oneLine = (e: Error) => {
      expect(e.name).toBe('SourceError');
      expect(e.message).not.toContain('\n');
      expect(e.message).not.toContain(PASSWORD);
      expect(e.message).not.toContain('wrong-password');
    };

    it('a wrong password fails the source', async () => {
      const e = await failure(normal, context({ CRM_DB_PASSWORD: 'wrong-password' }));
      oneLine(e);
      expect(e.message).toMatch(/^PostgreSQL 127\.0\.0\.1:\d+\/crm refused the login: wrong user or password/);
    });

    it('an unreachable host fails the source', async () => {
      const e = await failure({ port: 1 });
      oneLine(e);
      expect(e.message).toMatch(/is not reachable \(ECONNREFUSED/);
    });

    it('a database that does not exist fails the source', async () => {
      const e = await failure({ database: 'nosuch' });
      oneLine(e);
      expect(e.message).toContain('database "nosuch" does not exist');
    });

    it('a server that accepts only TLS fails a cleartext login with that reason, and TLS works (require, verify-full with ca)', async () => {
      const e = await failure({ user: 'tls_only' });
      oneLine(e);
      expect(e.message).toContain('accepts only encrypted connections: set ssl: require or verify-full');
      expect((await search({ ...normal, user: 'tls_only', ssl: 'require' })).findings.length).toBeGreaterThan(0);
      expect((await search({ ...normal, user: 'tls_only', ssl: 'verify-full', ca: server.caFile })).findings.length).toBeGreaterThan(0);
    });

    it('permission denied on one table makes the source partial, naming it; the others are searched', async () => {
      const { findings, warnings } = await search({ tables: ['customers', 'secret_table'] });
      expect(warnings).toContainEqual({ kind: 'warning', locator: { table: 'public.secret_table' }, uncovered: true, message: expect.stringMatching(/^permission denied \(table public\.secret_table\)/) });
      expect(findings.some((f) => f.locator.table === 'public.customers')).toBe(true);
    });

    it('a table dropped during the run makes the source partial, naming it', async () => {
      const events: SearchEvent[] = [];
      let dropped = false;
      for await (const event of databaseConnector.search(config({ tables: ['customers', 'to_drop', 'invoices'] }), subject, context())) {
        events.push(event);
        if (!dropped) {
          dropped = true;
          await server.admin('DROP TABLE to_drop', 'crm');
        }
      }
      expect(events).toContainEqual(expect.objectContaining({ kind: 'warning', locator: { table: 'public.to_drop' }, uncovered: true, message: expect.stringContaining('is gone') }));
      expect(events.some((e) => e.kind === 'finding' && e.locator.table === 'public.invoices')).toBe(true);
    });

    it('a statement timeout makes the source partial, naming the table', async () => {
      const { warnings } = await search({ tables: ['slow', 'invoices'], views: true, timeout: 0.5 });
      expect(warnings).toContainEqual(expect.objectContaining({ locator: { table: 'public.slow' }, uncovered: true, message: expect.stringMatching(/^statement timeout \(table public\.slow\)/) }));
    });

    it('a literal password or a remote host without ssl is a config error naming the field', () => {
      const literal = databaseConnector.configSchema.safeParse({ id: 'x', type: 'database', driver: 'postgres', host: '127.0.0.1', database: 'd', user: 'u', password: 'geheim' });
      expect(literal.error!.issues[0]).toMatchObject({ path: ['password'], message: expect.stringContaining('a literal password is not allowed') });
      const remote = databaseConnector.configSchema.safeParse({ id: 'x', type: 'database', driver: 'postgres', host: 'db.example.org', database: 'd', user: 'u', password: { env: 'P' } });
      expect(remote.error!.issues[0]).toMatchObject({ path: ['ssl'] });
    });
  });
});
