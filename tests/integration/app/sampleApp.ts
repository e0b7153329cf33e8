import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppService, dispatchApiCall, memoryKeychain, type AppService } from '../../../src/core/app/index.js';
import type { ApiEvent, ApiInput, ApiMethodName, ApiOutput } from '../../../src/shared/api.js';

/** What the application-service tests share: the bundled sample workspace in a temp dir, and typed API calls. */

const ROOT = join(import.meta.dirname, '..', '..', '..');

export const SAMPLE_SUBJECT = { name: 'Jürgen Weiß', emails: ['j.weiss@beispiel-gmbh.de'], phones: ['0711 12345678'], customerIds: ['K-10442'], ips: ['203.0.113.77'], otherIds: [] };

/** A temp dir holding copies of assets/sample and assets/register (the sample's register path is relative). */
export function copySampleWorkspace(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(ROOT, 'assets', 'sample'), join(dir, 'sample'), { recursive: true });
  cpSync(join(ROOT, 'assets', 'register'), join(dir, 'register'), { recursive: true });
  return dir;
}

export const sampleWorkspacePath = (dir: string): string => join(dir, 'sample', 'auskunft.yaml');
export const sampleDbFile = (dir: string): string => join(dir, 'data', 'cases.db');

/** The engine over the copied sample, with an encrypted store in `dir/data`, as the app starts it. */
export function startSampleApp(dir: string, options: { dbKey: string; now?: () => Date; emit?: (event: ApiEvent) => void }): AppService {
  return createAppService({
    dbFile: sampleDbFile(dir),
    dbKey: options.dbKey,
    workspacePath: sampleWorkspacePath(dir),
    transport: 'http',
    version: 'test',
    actor: 'tester',
    ports: { keychain: memoryKeychain(), emit: options.emit ?? (() => undefined), now: options.now ?? (() => new Date()) },
  });
}

/** Calls one API method through the same dispatch as IPC and the bridge; an error result is thrown with its name. */
export async function callApi<M extends ApiMethodName>(app: AppService, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = await dispatchApiCall(app.handlers, method, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { name: result.error.name });
  return result.value as ApiOutput<M>;
}

/** A case for SAMPLE_SUBJECT received on 31 Jan 2026, searched to the end. */
export async function searchedSampleCase(app: AppService): Promise<string> {
  const created = await callApi(app, 'cases.create', { receivedOn: '2026-01-31', subject: SAMPLE_SUBJECT, identityVerification: { method: 'knownContact', note: '' } });
  await callApi(app, 'search.start', { caseId: created.id });
  await app.idle();
  return created.id;
}

/** Lets running work finish, closes the store and removes the temp dir. */
export async function stopSampleApp(app: AppService, dir: string): Promise<void> {
  await app.idle();
  app.close();
  rmSync(dir, { recursive: true, force: true });
}
