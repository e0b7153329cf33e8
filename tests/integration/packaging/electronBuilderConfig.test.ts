import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const schema = require('app-builder-lib/scheme.json') as object;

/**
 * Validate a config with electron-builder's own JSON schema (LIBRARIES.md). The schema nests most
 * options in `anyOf` (an object, a string or null), so one typo produces an error per branch; the
 * `anyOf` summaries and type mismatches inside them are noise, the rest names the real problem.
 */
function validate(config: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const check = ajv.compile(schema);
  if (check(config)) return [];
  return (check.errors ?? [])
    .filter((e: ErrorObject) => e.keyword !== 'anyOf' && !(e.keyword === 'type' && e.instancePath !== '' && isBranchNoise(check.errors!, e)))
    .map((e) => `${e.instancePath || '/'} ${e.message}${e.keyword === 'additionalProperties' ? `: ${String(e.params['additionalProperty'])}` : ''}`);
}

// A `type` error is noise when the same path also fails another branch for a different reason.
function isBranchNoise(all: readonly ErrorObject[], e: ErrorObject): boolean {
  return all.some((other) => other !== e && other.instancePath === e.instancePath && other.keyword !== 'type' && other.keyword !== 'anyOf');
}

const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it("is valid by electron-builder's schema", () => {
    expect(validate(config)).toEqual([]);
  });

  it('has the targets, icons and native-module handling the app needs', () => {
    expect(config['appId']).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(JSON.stringify(config['win'])).toContain('nsis');
    expect(JSON.stringify(config['linux'])).toContain('AppImage');
    expect(JSON.stringify(config['linux'])).toContain('deb');
    expect(JSON.stringify(config['mac'])).toContain('dmg');
    expect(config['asarUnpack']).toContain('node_modules/better-sqlite3-multiple-ciphers/**');
    expect(config['npmRebuild']).toBe(true);
    expect(readFileSync(join(ROOT, 'assets', 'icons', 'icon.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('catches a typo and a wrong type, so the check is not vacuous', () => {
    const typo = { ...config, nsis: { ...(config['nsis'] as object), oneClik: false } };
    expect(validate(typo).join('\n')).toMatch(/oneClik/);
    expect(validate({ ...config, npmRebuild: 'yes' }).join('\n')).toMatch(/npmRebuild/);
  });
});
