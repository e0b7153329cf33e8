import { createHash } from 'node:crypto';
import { SourceError } from '../../connectors/connector.js';
import { environmentSecrets, type SecretResolver } from '../../search/secrets.js';
import type { Keychain } from '../ports.js';

/** `{ env }` from the environment as on the command line, `{ keychain }` from the app's keychain. */
export function keychainSecrets(keychain: Keychain): SecretResolver {
  return async (ref) => {
    if ('env' in ref) return environmentSecrets(ref);
    const secret = await keychain.get(ref.keychain);
    if (secret === undefined) throw new SourceError(`no password stored for keychain entry "${ref.keychain}": enter it in the source's form`);
    return secret;
  };
}

/**
 * The keychain entry of a source's password. Scoped by workspace, so two workspaces with a source
 * "office" do not overwrite each other's passwords; the name itself carries no secret.
 */
export function keychainEntryName(workspacePath: string, sourceId: string): string {
  const workspace = createHash('sha256').update(workspacePath).digest('hex').slice(0, 12);
  return `auskunft:${workspace}:${sourceId}`;
}
