import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
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

  it('keeps every native binary of a runtime dependency, and what OCR reads from app.asar.unpacked, out of the asar', () => {
    // electron-builder's own matcher, as its packager applies asarUnpack (platformPackager.js).
    const { FileMatcher } = require('app-builder-lib/out/fileMatcher.js') as {
      FileMatcher: new (from: string, to: string, expand: (s: string) => string, patterns: string[]) => { createFilter(): (file: string, stat: ReturnType<typeof statSync>) => boolean };
    };
    const unpacked = new FileMatcher(ROOT, '/', (s) => s, config['asarUnpack'] as string[]).createFilter();
    const isUnpacked = (file: string): boolean => unpacked(file, statSync(file));

    // Every runtime dependency as npm installed it (dev dependencies are not packaged).
    const listed = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' }).split('\n');
    const packages = [...new Set(listed.filter((dir) => dir.startsWith(join(ROOT, 'node_modules'))))];
    const nativeBinaries = packages.flatMap((dir) => filesUnder(dir).filter((file) => /\.(node|dll|dylib)$|\.so(\.\d+)*$/.test(file)));
    // The packages the app needs natively must be among them, so an empty list cannot pass.
    for (const name of ['better-sqlite3-multiple-ciphers', '@napi-rs/canvas-linux-x64-gnu', '@img/sharp-linux-x64', '@img/sharp-libvips-linux-x64']) {
      if (process.platform === 'linux' && process.arch === 'x64') expect(nativeBinaries.some((file) => file.includes(`/node_modules/${name}/`))).toBe(true);
    }
    expect(nativeBinaries.filter((file) => !isUnpacked(file)).map((file) => relative(ROOT, file))).toEqual([]);

    // ocrEngine.ts rewrites these paths to app.asar.unpacked: the worker script, its WASM core, the models.
    const ocrFiles = [
      require.resolve('tesseract.js/src/worker-script/node/index.js'),
      ...filesUnder(dirname(require.resolve('tesseract.js-core/package.json'))).filter((file) => file.endsWith('.wasm')),
      ...['deu', 'eng'].map((lang) => join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), '4.0.0_best_int', `${lang}.traineddata.gz`)),
    ];
    expect(ocrFiles.length).toBeGreaterThan(3);
    expect(ocrFiles.filter((file) => !isUnpacked(file)).map((file) => relative(ROOT, file))).toEqual([]);

    // And the matcher is not vacuous: the app's own code stays inside the asar.
    expect(isUnpacked(join(ROOT, 'package.json'))).toBe(false);
    expect(isUnpacked(require.resolve('pdfkit'))).toBe(false);
  });

  it('catches a typo and a wrong type, so the check is not vacuous', () => {
    const typo = { ...config, nsis: { ...(config['nsis'] as object), oneClik: false } };
    expect(validate(typo).join('\n')).toMatch(/oneClik/);
    expect(validate({ ...config, npmRebuild: 'yes' }).join('\n')).toMatch(/npmRebuild/);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
