import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/config/configError.js';
import { loadRegister } from '../../../src/core/register/loadRegister.js';

const EXAMPLE = fileURLToPath(new URL('../../../assets/register/example.de.yaml', import.meta.url));

let dir: string | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'auskunft-register-'));
});
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function writeRegister(text: string): string {
  const file = join(dir!, 'register.yaml');
  writeFileSync(file, text);
  return file;
}

/** The one line the CLI prints before exiting 2 (docs/ARCHITECTURE.md "Exit codes"). */
function loadError(file: string): ConfigError {
  try {
    loadRegister(file);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`${file} loaded, but should have been rejected`);
}

/** The example register with one line changed: the 1-based line number of the first occurrence of `from`. */
function exampleWith(from: string, to: string): { text: string; line: number } {
  const text = readFileSync(EXAMPLE, 'utf8');
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`"${from}" is not in the example register`);
  return { text: text.slice(0, at) + to + text.slice(at + from.length), line: text.slice(0, at).split('\n').length };
}

describe('loadRegister: unusable files give one line with file, line and field', () => {
  it('reports an unknown category inside the example register at its line', () => {
    const { text, line } = exampleWith('categories: [contact.name, contact.email, communication.content]', 'categories: [contact.name, contact.mail, communication.content]');
    const file = writeRegister(text);
    const err = loadError(file);
    expect(err.message).toBe(`${file}:${line}: activities[5].categories[1]: unknown category "contact.mail"`);
    expect(err).toMatchObject({ file, line, field: 'activities[5].categories[1]' });
    expect(err.message).not.toContain('\n');
  });

  it('reports a duplicated activity id in the example register', () => {
    const { text, line } = exampleWith('  - id: contact-letter\n', '  - id: contact-email\n');
    const file = writeRegister(text);
    const first = readFileSync(EXAMPLE, 'utf8').split('\n').indexOf('  - id: contact-email') + 1;
    expect(loadError(file).message).toBe(
      `${file}:${line}: activities[7].id: duplicate activity id "contact-email" (first at activities[6].id, line ${first})`,
    );
  });

  it('reports a missing safeguard at the transfer, not somewhere in the file', () => {
    const file = writeRegister(
      [
        'activities:',
        '  - id: analytics',
        '    name: Webanalyse',
        '    purposes: [Statistik]',
        '    categories: [device.ip_address]',
        '    legalBasis: ["6(1)(a)"]',
        '    recipients: [{ name: Google Ireland Ltd., role: processor }]',
        '    transfers:',
        '      - country: US',
        '        recipient: Google LLC',
        '    retention: 14 Monate',
        '    automatedDecisions: false',
        '    localCopy: false',
        'categories:',
        '  - { id: device.ip_address, name: { de: IP-Adresse, en: IP address } }',
        '',
      ].join('\n'),
    );
    expect(loadError(file).message).toBe(`${file}:9: activities[0].transfers[0].safeguard: required`);
  });

  it('reports broken YAML with its line', () => {
    const file = writeRegister('activities:\n  - id: a\n    name: [unclosed\ncategories: []\n');
    expect(loadError(file).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: invalid YAML: `));
  });

  it('reports a duplicated key instead of letting the second silently win', () => {
    const file = writeRegister('activities: []\nactivities: []\ncategories: []\n');
    expect(loadError(file).message).toMatch(/:2: invalid YAML: Map keys must be unique/);
  });

  it('reports a missing file', () => {
    const file = join(dir!, 'nope.yaml');
    expect(loadError(file).message).toBe(`${file}: file not found`);
  });
});
