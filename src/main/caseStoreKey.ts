import { randomBytes } from 'node:crypto';
import type { SafeStorageKeychain } from './safeStorageKeychain.js';

/** The keychain entry of the case store key. */
const CASE_STORE_KEY = 'auskunft:case-store-key';

/**
 * The key that encrypts the case store at rest. `AUSKUNFT_DB_KEY` wins, so the app can open a store
 * the CLI created; otherwise a random 256-bit key is created once and kept in the OS keychain.
 */
export async function caseStoreKey(keychain: SafeStorageKeychain, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env['AUSKUNFT_DB_KEY'];
  if (fromEnv) return fromEnv;
  const existing = keychain.get(CASE_STORE_KEY);
  if (existing) return existing;
  const key = randomBytes(32).toString('hex');
  await keychain.set(CASE_STORE_KEY, key);
  return key;
}
