#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build:node` (`npm ci` runs it, as `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('auskunft: not built yet. Run `npm run build` (or `npm ci`) first.\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
