import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * `npm run test:electron`: Doyensec's Electronegativity over the compiled main process and preload
 * (LIBRARIES.md: it parses JS, and silently skips TypeScript syntax it does not know, so it must see
 * the compiled output). Fails on any HIGH or MEDIUM finding. Its CLI does not start with the
 * commander version this project uses, so the runner is called directly.
 */

interface Issue {
  readonly id: string;
  readonly file: string;
  readonly location: { line: number; column: number };
  readonly severity: { name: string };
  readonly confidence: { name: string };
  readonly description: string;
  readonly manualReview?: boolean;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const require = createRequire(join(ROOT, 'package.json'));
const run = require('@doyensec/electronegativity') as (options: Record<string, unknown>) => Promise<{ issues: Issue[]; errors: { file: string; message: string; tolerable: boolean }[] }>;

async function main(): Promise<number> {
  // Only what runs in Electron: main, engine process and preload, without source maps.
  const stage = join(ROOT, 'out', 'electronegativity');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const filter = (source: string) => !source.endsWith('.map') && !source.includes(`${join('main', 'tooling')}`);
  cpSync(join(ROOT, 'dist', 'main'), join(stage, 'main'), { recursive: true, filter });
  cpSync(join(ROOT, 'dist', 'preload'), join(stage, 'preload'), { recursive: true, filter });
  cpSync(join(ROOT, 'dist', 'renderer', 'index.html'), join(stage, 'renderer', 'index.html'));
  const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;

  const { issues, errors } = await run({ input: stage, isRelative: true, electronVersionOverride: electronVersion, output: undefined });
  for (const e of errors.filter((x) => !x.tolerable)) process.stderr.write(`electronegativity could not parse ${e.file}: ${e.message}\n`);
  const blocking = issues.filter((i) => i.severity.name === 'HIGH' || i.severity.name === 'MEDIUM');
  for (const i of issues) {
    const mark = blocking.includes(i) ? 'FAIL' : 'info';
    process.stderr.write(`${mark} ${i.severity.name}/${i.confidence.name} ${i.id} ${i.file}:${i.location.line} ${i.description}\n`);
  }
  process.stderr.write(`electronegativity: ${issues.length} finding(s), ${blocking.length} high or medium\n`);
  return blocking.length > 0 || errors.some((e) => !e.tolerable) ? 1 : 0;
}

process.exitCode = await main();
