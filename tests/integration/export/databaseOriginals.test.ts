import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../src/shared/findings.js';
import { runCli, tempDir, TEST_CONTROLLER, writeFiles } from '../helpers/runCli.js';
import { schemaValidator } from './exportFixture.js';

/**
 * A `database` source (SQLite) end to end through the compiled CLI: `auskunft search` finds the
 * rows with table locators, and the package holds each row's original as JSON, with locators that
 * schemas/data.schema.json accepts.
 */
const REGISTER = `
activities:
  - id: crm
    name: { de: Kundenverwaltung, en: Customer management }
    purposes: [{ de: Vertragsdurchführung, en: Performing the contract }]
    categories: [contact.email, customer.id]
    legalBasis: ["6(1)(b)"]
    recipients: []
    retention: { de: Zehn Jahre, en: Ten years }
    automatedDecisions: false
    localCopy: true
    sourceTypes: [database]
categories:
  - { id: contact.email, name: { de: E-Mail-Adresse, en: Email address } }
  - { id: customer.id, name: { de: Kundennummer, en: Customer number } }
  - { id: contact.name, name: { de: Name, en: Name } }
`;

describe('database source through the CLI', { timeout: 180_000 }, () => {
  it('searches a sqlite database and ships its rows as JSON originals in the package', async () => {
    const dir = tempDir('auskunft-database-cli-');
    writeFiles(dir, {
      'register.yaml': REGISTER,
      'auskunft.yaml': `${TEST_CONTROLLER}register: register.yaml\nsources:\n  - { id: lokal, type: database, driver: sqlite, path: daten/crm.sqlite, tables: all }\n`,
      'subject.yaml': 'name: Jürgen Weiß\nemails: [j.weiss@beispiel-gmbh.de]\ncustomerIds: [K-10442]\n',
      'daten/.keep': '',
    });
    const db = new Database(join(dir, 'daten', 'crm.sqlite'));
    db.exec(`
      CREATE TABLE customers (id INTEGER PRIMARY KEY, kundennummer TEXT, email TEXT);
      INSERT INTO customers VALUES (1, 'K-10442', 'j.weiss@beispiel-gmbh.de'), (2, 'K-104421', 'xj.weiss@beispiel-gmbh.de');
      CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), item TEXT);
      INSERT INTO orders VALUES (7, 1, 'Drucker'), (8, 2, 'Toner');
    `);
    db.close();

    const out = join(dir, 'findings.json');
    const search = await runCli(['search', '--workspace', join(dir, 'auskunft.yaml'), '--subject', join(dir, 'subject.yaml'), '--out', out]);
    expect(search.code, search.stderr).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8')) as SearchResult;
    expect(result.sources).toEqual([expect.objectContaining({ id: 'lokal', type: 'database', status: 'ok', scanned: 4 })]);
    expect(result.findings.map((f) => [f.locator.table, f.locator.key, f.strength])).toEqual([
      ['customers', { id: 1 }, 'strong'],
      ['orders', { id: 7 }, 'strong'],
    ]);
    expect(new Set(result.findings.map((f) => f.id)).size).toBe(2);

    const store = join(dir, 'cases.db');
    const run = async (args: string[]) => {
      const r = await runCli([...args, '--db', store]);
      expect(r.code, r.stderr).toBe(0);
      return r;
    };
    const caseId = (await run(['case', 'create', '--workspace', join(dir, 'auskunft.yaml'), '--subject', join(dir, 'subject.yaml'), '--received', '2026-01-31'])).stdout.trim();
    await run(['case', 'search', caseId]);
    await run(['case', 'decide', caseId, '--strong', '--include']);
    const pkg = join(dir, 'antwort');
    await run(['export', caseId, '--out', pkg]);
    expect((await runCli(['verify', pkg])).code).toBe(0);
    const data = JSON.parse(readFileSync(join(pkg, 'data.json'), 'utf8')) as { items: { locator: Record<string, unknown>; files: { path: string; role: string }[] }[] };
    const validate = schemaValidator('data');
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    const customer = data.items.find((i) => i.locator['table'] === 'customers')!;
    expect(customer.locator).toMatchObject({ key: { id: 1 }, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(customer.files.map((f) => f.role)).toEqual(['original']);
    expect(JSON.parse(readFileSync(join(pkg, customer.files[0]!.path), 'utf8'))).toMatchObject({ table: 'customers', key: { id: 1 }, values: { kundennummer: 'K-10442' } });
  });
});
