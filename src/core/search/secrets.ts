import type { SecretRef } from '../connectors/connector.js';
import { SourceError } from '../connectors/connector.js';

/** Resolves `{ env }` and `{ keychain }` references; the desktop app injects one with a keychain. */
export type SecretResolver = (ref: SecretRef) => Promise<string>;

/**
 * The CLI's resolver: environment variables only. A keychain entry lives in the desktop app's OS
 * keychain, which a headless run cannot unlock, so it fails the source with a way out.
 */
export const environmentSecrets: SecretResolver = async (ref) => {
  if ('env' in ref) {
    const value = process.env[ref.env];
    if (!value) throw new SourceError(`environment variable ${ref.env} is not set`);
    return value;
  }
  throw new SourceError(`keychain entry "${ref.keychain}" is only available in the desktop app; use { env: VARIABLE } on the command line`);
};
