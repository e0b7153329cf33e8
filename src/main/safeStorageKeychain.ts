import { existsSync, readFileSync } from 'node:fs';
import { writeFile, rename } from 'node:fs/promises';
import { safeStorage } from 'electron';

/**
 * Secrets encrypted with the OS keychain (`safeStorage`: Keychain on macOS, DPAPI on Windows,
 * libsecret/kwallet on Linux). Only ciphertext is written to disk, in one file under userData; the
 * plaintext lives only in this process and in the engine while a source is searched.
 */
export class SafeStorageKeychain {
  constructor(private readonly file: string) {}

  /** `os` when a real OS keychain protects the key; Linux without a secret service falls back to a fixed key. */
  get kind(): 'os' | 'unavailable' {
    if (!safeStorage.isEncryptionAvailable()) return 'unavailable';
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return 'unavailable';
    return 'os';
  }

  get(name: string): string | undefined {
    const blob = this.read()[name];
    return blob === undefined ? undefined : safeStorage.decryptString(Buffer.from(blob, 'base64'));
  }

  async set(name: string, secret: string): Promise<void> {
    if (!safeStorage.isEncryptionAvailable()) throw new Error('the OS keychain is not available: the password cannot be stored safely');
    await this.write({ ...this.read(), [name]: safeStorage.encryptString(secret).toString('base64') });
  }

  async delete(name: string): Promise<void> {
    const entries = this.read();
    delete entries[name];
    await this.write(entries);
  }

  private read(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
  }

  private async write(entries: Record<string, string>): Promise<void> {
    const temp = `${this.file}.tmp`;
    await writeFile(temp, JSON.stringify(entries), { mode: 0o600 });
    await rename(temp, this.file);
  }
}
