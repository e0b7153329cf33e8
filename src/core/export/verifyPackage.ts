import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ExportError } from './exportError.js';
import { INTERNAL_REPORT_JSON } from './internalReport.js';
import { checkManifest, defaultInternalDir, hashFile, INTERNAL_DIR, MANIFEST_FILE, readManifest } from './manifest.js';

export interface PackageVerification {
  readonly dir: string;
  readonly verified: number;
  /** One line per problem: "modified: files/0001/x.eml". Empty when the package is intact. */
  readonly problems: string[];
}

const WHAT: Readonly<Record<string, string>> = { missing: 'missing', size: 'modified (size differs)', sha256: 'modified (content differs)', unexpected: 'not in the manifest' };

/**
 * Re-check a response package (`auskunft verify DIR`): every file against manifest.json, and, where the
 * internal report is present (beside the package in `<dir>.intern`, or in `internDir`), the manifest
 * and the ZIP against the hashes the report recorded. An internal report inside the package is named
 * as a leak: it must never be sent.
 */
export async function verifyPackage(target: string, internDir?: string): Promise<PackageVerification> {
  const dir = resolve(target);
  const manifest = await readManifest(dir);
  if (!manifest) throw new ExportError(`${dir}: no readable manifest.json; this is not an Auskunft package`);
  const check = await checkManifest(dir, manifest);
  const problems = check.problems.map((p) =>
    p.problem === 'unexpected' && p.path.startsWith(`${INTERNAL_DIR}/`) ? `internal report inside the package, must not be sent: ${p.path}` : `${WHAT[p.problem] ?? p.problem}: ${p.path}`,
  );

  const reportDir = resolve(internDir ?? defaultInternalDir(dir));
  const report = await readFile(join(reportDir, INTERNAL_REPORT_JSON), 'utf8').then(
    (text) => JSON.parse(text) as { package?: { manifestSha256?: string; zip?: { file?: string; sha256?: string } | null } },
    () => undefined,
  );
  if (report?.package) {
    const manifestHash = createHash('sha256').update(await readFile(join(dir, MANIFEST_FILE))).digest('hex');
    if (report.package.manifestSha256 !== manifestHash) problems.push(`modified (does not match the internal report): ${MANIFEST_FILE}`);
    const zip = report.package.zip;
    // The report is input too: only a plain file name in the package folder is looked at.
    if (zip?.file && zip.sha256 && /^[^/\\]+\.zip$/i.test(zip.file)) {
      const actual = await hashFile(join(dir, zip.file)).catch(() => undefined);
      if (!actual) problems.push(`missing: ${zip.file}`);
      else if (actual.sha256 !== zip.sha256) problems.push(`modified (does not match the internal report): ${zip.file}`);
    }
  }
  return { dir, verified: check.verified, problems };
}
