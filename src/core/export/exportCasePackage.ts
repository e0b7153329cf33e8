import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { OriginalContext } from '../connectors/connector.js';
import { caseDeadline } from '../cases/extendDeadline.js';
import type { Lang } from '../register/localizedText.js';
import { auditAppender, readAuditLog } from '../review/auditLog.js';
import { loadReview } from '../review/loadReview.js';
import { redactionsFor } from '../review/reviewTypes.js';
import { verifyAuditLog } from '../review/verifyAuditLog.js';
import { environmentSecrets } from '../search/secrets.js';
import type { WritableDb } from '../store/db.js';
import { CaseNotFoundError } from '../store/errors.js';
import { getCase } from '../store/getCase.js';
import type { CaseId } from '../store/ids.js';
import { latestSearchRun } from '../store/latestSearchRun.js';
import { loadWorkspace } from '../workspace/loadWorkspace.js';
import { writeAesZip } from './aesZip.js';
import { DATA_JSON_FILE, writeDataJson } from './dataJson.js';
import { ExportError } from './exportError.js';
import { buildInternalReport, INTERNAL_REPORT_JSON, INTERNAL_REPORT_PDF } from './internalReport.js';
import { writeInternalReportPdf } from './internalReportPdf.js';
import { writeLetterPdf } from './letterPdf.js';
import { buildManifest, INTERNAL_DIR, MANIFEST_FILE } from './manifest.js';
import { writePackageFiles, type FileSource } from './packageFiles.js';
import { writeDirectoryAtomically } from './packageDir.js';
import { packageTexts } from './packageTexts.js';
import { buildResponsePackage, type PackageItem, type ResponsePackage } from './responsePackage.js';

/**
 * A ZIP password shorter than this is refused: the archive travels by mail or on a stick, and its
 * AES-256 is only as strong as the password an attacker can guess offline.
 */
export const MIN_ZIP_PASSWORD_CHARS = 12;

export interface ExportOptions {
  readonly out: string;
  readonly lang: Lang;
  /** Also write an AES-256-encrypted ZIP of the package with this password. */
  readonly password?: string;
  readonly now?: Date;
  readonly actor?: string;
  /** For the CLI's status line: which step runs now. */
  readonly onStep?: (step: string) => void;
}

export interface ExportSummary {
  readonly dir: string;
  readonly items: number;
  readonly pages: number;
  readonly files: number;
  readonly withheld: number;
  readonly redactedItems: number;
  readonly pendingWeak: number;
  readonly pendingStrong: number;
  readonly incompleteSources: readonly { id: string; status: string }[];
  readonly zip: string | null;
  readonly manifestSha256: string;
  readonly auditProblems: readonly string[];
}

/**
 * Write the response package of a case (`auskunft export`): the letter PDF, data.json, the originals
 * in files/, manifest.json, optionally the encrypted ZIP, and the internal report in intern/. The
 * folder appears complete or not at all (writeDirectoryAtomically); the export is then logged.
 *
 * @example
 *   const db = openCaseStore(defaultDbPath());
 *   const summary = await exportCasePackage(db, parseCaseId('AUS-2026-0001-K7QF'), { out: 'antwort', lang: 'de' });
 *   console.log(`${summary.items} records, ${summary.pages} pages in ${summary.dir}`);
 */
export async function exportCasePackage(db: WritableDb, caseId: CaseId, options: ExportOptions): Promise<ExportSummary> {
  const now = options.now ?? new Date();
  const step = options.onStep ?? (() => undefined);
  if (options.password !== undefined && [...options.password].length < MIN_ZIP_PASSWORD_CHARS) {
    throw new ExportError(`the ZIP password must have at least ${MIN_ZIP_PASSWORD_CHARS} characters`);
  }
  const c = getCase(db, caseId);
  if (!c) throw new CaseNotFoundError(caseId);
  const run = latestSearchRun(db, caseId);
  if (!run) throw new ExportError(`case ${caseId} has not been searched yet; run \`auskunft case search ${caseId}\` first`);
  const workspace = loadWorkspace(run.workspacePath);
  const review = loadReview(db, caseId);
  const deadline = caseDeadline(db, caseId);
  const texts = packageTexts(options.lang);

  const draft = buildResponsePackage({
    caseId,
    subject: c.subject,
    deadline,
    controller: workspace.controller,
    register: workspace.register,
    result: run.result,
    review,
    lang: options.lang,
    now,
  });
  const sources = new Map<string, FileSource>(workspace.sources.map((s) => [s.config.id, s]));
  const context = (sourceId: string): OriginalContext => ({
    signal: new AbortController().signal,
    sourceId,
    resolvePath: (path) => resolve(workspace.dir, path),
    resolveSecret: environmentSecrets,
  });
  const caseWide = review.redactions.filter((r) => r.findingId === null);
  const dir = resolve(options.out);

  const written = await writeDirectoryAtomically(dir, async (temp) => {
    step('files');
    const files = await writePackageFiles({
      packageDir: temp,
      items: draft.items,
      sources,
      context,
      resolveWorkspacePath: (path) => resolve(workspace.dir, path),
      caseWideRedactions: caseWide,
      itemRedactions: (item) => redactionsFor(review, item.id).filter((r) => r.findingId !== null),
      lang: options.lang,
    });
    const pkg = withFiles(draft, files);

    step('pdf');
    const pdfFile = texts.pdfName;
    const pages = await writeLetterPdf(join(temp, pdfFile), pkg);
    step('json');
    await writeDataJson(join(temp, DATA_JSON_FILE), pkg);

    step('manifest');
    const manifest = await buildManifest(temp, now);
    const manifestJson = `${JSON.stringify(manifest, null, 2)}\n`;
    await writeFile(join(temp, MANIFEST_FILE), manifestJson, { mode: 0o600 });
    const manifestSha256 = sha256(manifestJson);

    let zip: { file: string; sha256: string } | null = null;
    if (options.password !== undefined) {
      step('zip');
      const entries = [...manifest.files.map((f) => f.path), MANIFEST_FILE].map((name) => ({ name, path: join(temp, ...name.split('/')) }));
      await writeAesZip(join(temp, texts.zipName), entries, options.password, { modified: now });
      zip = { file: texts.zipName, sha256: sha256(await readFile(join(temp, texts.zipName))) };
    }

    step('report');
    const audit = verifyAuditLog(db, caseId);
    const report = buildInternalReport({
      pkg,
      run,
      review,
      deadline,
      subjectName: c.subjectName,
      audit,
      auditEntries: readAuditLog(db, caseId),
      originalsUnavailable: [...files].filter(([, f]) => f.originalMissing).map(([no]) => ({ item: no, finding: pkg.items[no - 1]?.id ?? '' })),
      pdf: { file: pdfFile, pages },
      manifestSha256,
      zip,
      now,
    });
    await mkdir(join(temp, INTERNAL_DIR), { mode: 0o700 });
    await writeFile(join(temp, INTERNAL_DIR, INTERNAL_REPORT_JSON), `${JSON.stringify(report, null, 2)}\n`, { mode: 0o600 });
    await writeInternalReportPdf(join(temp, INTERNAL_DIR, INTERNAL_REPORT_PDF), report);
    step('publish');
    return { pkg, pages, manifestSha256, zip, report };
  });

  // Logged once the package is in place: the log says what exists, never a package that a crash lost.
  const audit = auditAppender(db, options.actor);
  db.transaction(() => {
    audit(
      caseId,
      'package.exported',
      { dir, lang: options.lang, items: written.pkg.items.length, manifestSha256: written.manifestSha256, zipSha256: written.zip?.sha256 ?? null },
      now,
    );
  }).immediate();

  const { counts } = written.report;
  return {
    dir,
    items: written.pkg.items.length,
    pages: written.pages,
    files: written.report.files.shipped,
    withheld: written.report.files.withheld.length,
    redactedItems: written.pkg.redactions.records,
    pendingWeak: counts.pendingWeak,
    pendingStrong: counts.pendingStrong,
    incompleteSources: written.report.sources.filter((s) => s.status !== 'ok').map((s) => ({ id: s.id, status: s.status })),
    zip: written.zip ? join(dir, written.zip.file) : null,
    manifestSha256: written.manifestSha256,
    auditProblems: written.report.audit.problems,
  };
}

/** The package with each item's files, and items whose original turned out to hold redacted text marked as redacted. */
function withFiles(pkg: ResponsePackage, files: ReadonlyMap<number, { files: PackageItem['files']; withheld: PackageItem['withheld']; redactedBy: string[] }>): ResponsePackage {
  const items = pkg.items.map((item): PackageItem => {
    const f = files.get(item.no);
    if (!f) return item;
    const redactedBy = f.redactedBy.filter((r) => !item.redactionReasons.includes(r));
    return {
      ...item,
      files: f.files,
      withheld: f.withheld,
      redacted: item.redacted || f.redactedBy.length > 0,
      redactionReasons: [...item.redactionReasons, ...redactedBy],
    };
  });
  const redacted = items.filter((i) => i.redacted);
  return { ...pkg, items, redactions: { records: redacted.length, reasons: [...new Set(redacted.flatMap((i) => i.redactionReasons))] } };
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
