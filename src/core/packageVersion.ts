import { readFileSync } from 'node:fs';

/**
 * Auskunft's version, from the package.json two folders up from the compiled module (dist/core/ or
 * src/core/). Printed by `auskunft --version` and shown by the app; '0.0.0' if it cannot be read.
 */
export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
