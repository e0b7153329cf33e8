import { createHash } from 'node:crypto';
import { stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Locator } from '../../shared/findings.js';
import type { OriginalContext } from '../connectors/connector.js';
import { caseDeadline } from '../cases/extendDeadline.js';
import type { Lang } from '../register/localizedText.js';
import { auditAppender, auditLogExcerpt } from '../review/auditLog.js';
import { loadReview } from '../review/loadReview.js';
import { resolveGroupStates, type DuplicateConflict } from '../review/duplicateGroups.js';
import type { CaseReview, ReviewState } from '../review/reviewTypes.js';
import { verifyAuditLog } from '../review/verifyAuditLog.js';
import { environmentSecrets } from '../search/secrets.js';
import type { WritableDb } from '../store/db.js';
import { CaseNotFoundError } from '../store/errors.js';
import { getCase } from '../store/getCase.js';
import { caseIdentifiers } from '../cases/caseIdentifiers.js';
import type { CaseId, RunId } from '../store/ids.js';
import { findingKeysOfRun, findingsByKeys, type FindingKeyRow } from '../store/findingBatches.js';
import { latestSearchRunWithoutFindings } from '../store/latestSearchRun.js';
import { loadWorkspace } from '../workspace/loadWorkspace.js';
import { writeAesZip } from './aesZip.js';
import { DATA_JSON_FILE, writeDataJson } from './dataJson.js';
import { ExportError } from './exportError.js';
import { AUDIT_EXCERPT_HEAD, AUDIT_EXCERPT_TAIL, buildInternalReport, INTERNAL_REPORT_JSON, INTERNAL_REPORT_PDF } from './internalReport.js';
import { writeInternalReportPdf } from './internalReportPdf.js';
import { writeLetterPdf } from './letterPdf.js';
import { collectGarbage } from './collectGarbage.js';
import { buildManifest, defaultInternalDir, hashFile, MANIFEST_FILE } from './manifest.js';
import { writePackageFiles, type FileSource } from './packageFiles.js';
import { writeDirectoryAtomically } from './packageDir.js';
import { noDataConfirmations } from '../cases/noDataConfirmations.js';
import { findingActivityOverrides } from '../review/findingActivities.js';
import { unsearchedActivities } from './coverage.js';
import { packageLimits } from './packageLimits.js';
import { packageLocator } from './packageLocator.js';
import { retentionWarnings, type RetentionWarning } from './retentionWarnings.js';
import { packageTexts } from './packageTexts.js';
import {
  buildPackageHead,
  copyLocations,
  itemBatches,
  itemFindingIds,
  planItems,
  redactItem,
  redactionSummary,
  type FindingPlace,
  type ItemKind,
  type ItemSlot,
  type PackageItem,
  type ResponsePackage,
  type StreamedPackage,
} from './responsePackage.js';

/**
 * A ZIP password shorter than this is refused: the archive travels by mail or on a stick, and its
 * AES-256 is only as strong as the password an attacker can guess offline.
 */
export const MIN_ZIP_PASSWORD_CHARS = 12;

export interface ExportOptions {
  readonly out: string;
  /** The folder of the internal report; default `<out>.intern`. Never inside `out`: it is not for the person. */
  readonly internOut?: string;
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
  /** The folder with the internal report, beside the package. */
  readonly internDir: string;
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
  /** Activities with a local copy that no source covered and the officer did not confirm as empty: the letter says they were not searched. */
  readonly notSearched: readonly { id: string; name: string }[];
  /** Records older than their activity's retention period (Art. 5(1)(e)), listed in the internal report. */
  readonly retentionWarnings: readonly RetentionWarning[];
  /** Activities in the letter whose origin (Art. 15(1)(g)) the register does not state. */
  readonly sourceGaps: readonly string[];
}

/**
 * Write the response package of a case (`auskunft export`): the letter PDF, data.json, the originals
 * in files/, manifest.json, optionally the encrypted ZIP; and the internal report in its own folder
 * beside the package (`<out>.intern`), never inside it. Each folder appears complete or not at all
 * (writeDirectoryAtomically); the export is then logged.
 *
 * @example
 *   const db = openCaseStore(defaultDbPath());
 *   const summary = await exportCasePackage(db, parseCaseId('AUS-2026-0001-K7QF'), { out: 'antwort', lang: 'de' });
 *   console.log(`${summary.items} records, ${summary.pages} pages in ${summary.dir}`);
 */
export async function exportCasePackage(db: WritableDb, caseId: CaseId, options: ExportOptions): Promise<ExportSummary> {
  const now = options.now ?? new Date();
  // Each step starts from a collected heap (collectGarbage.ts says why).
  const step = (name: string) => {
    collectGarbage();
    options.onStep?.(name);
  };
  if (options.password !== undefined && [...options.password].length < MIN_ZIP_PASSWORD_CHARS) {
    throw new ExportError(`the ZIP password must have at least ${MIN_ZIP_PASSWORD_CHARS} characters`);
  }
  const c = getCase(db, caseId);
  if (!c) throw new CaseNotFoundError(caseId);
  const run = latestSearchRunWithoutFindings(db, caseId);
  if (!run) throw new ExportError(`case ${caseId} has not been searched yet; run \`auskunft case search ${caseId}\` first`);
  const workspace = loadWorkspace(run.workspacePath);
  const review = withoutIncluded(loadReview(db, caseId));
  const deadline = caseDeadline(db, caseId);
  const texts = packageTexts(options.lang);

  // The package is planned from the findings without their content; the records are read from the
  // case store batch by batch by each writer, so memory does not grow with the size of the copy.
  // The officer's per-finding activities replace the source's mapping (review/findingActivities.ts).
  const overrides = findingActivityOverrides(db, caseId);
  const planned = planFindings(db, caseId, run.id, overrides);
  const retention = retentionWarnings(workspace.register, planned.included, now);
  const slots = planItems(planned.included, run.result.sources);
  planned.included.length = 0;
  const unsearched = unsearchedActivities(workspace.register, workspace.sources.map((s) => s.config), run.result.sources);
  const confirmed = noDataConfirmations(db, caseId);
  const head = buildPackageHead(
    { caseId, subject: c.subject, deadline, controller: workspace.controller, register: workspace.register, sources: run.result.sources, lang: options.lang, now },
    slots,
  );
  const sourceType = new Map(run.result.sources.map((s) => [s.id, s.type]));
  const draftItems = (batch: readonly ItemSlot[]): PackageItem[] => {
    const findings = findingsByKeys(db, batch.map((slot) => slot.key));
    return batch.map((slot, i) => {
      const item = redactItem(findings[i]!, slot.no, sourceType.get(slot.source) ?? 'unknown', review, texts.placeholder, copyLocations(slot, sourceType));
      const chosen = overrides.get(item.id);
      return chosen ? { ...item, activities: chosen } : item;
    });
  };
  const sources = new Map<string, FileSource>(workspace.sources.map((s) => [s.config.id, s]));
  const context = (sourceId: string): OriginalContext => ({
    signal: new AbortController().signal,
    sourceId,
    resolvePath: (path) => resolve(workspace.dir, path),
    resolveSecret: environmentSecrets,
  });
  const forThePerson = (item: PackageItem): PackageItem => ({ ...item, locator: packageLocator(item.locator, sources.get(item.source.id)?.config) });
  const caseWide = review.redactions.filter((r) => r.findingId === null);
  const dir = resolve(options.out);
  const internDir = resolve(options.internOut ?? defaultInternalDir(dir));
  assertApart(dir, internDir);

  const written = await writeDirectoryAtomically(dir, async (temp) => {
    step('files');
    // What the records' own redactions say, kept for the redacted ones only, for the summary.
    const draftRedacted = new Map<number, readonly string[]>();
    const files = await writePackageFiles({
      packageDir: temp,
      batches: (function* () {
        for (const batch of itemBatches({ items: draftItems }, slots, ITEM_BATCH)) {
          for (const item of batch) if (item.redacted) draftRedacted.set(item.no, item.redactionReasons);
          yield batch;
        }
      })(),
      sources,
      context,
      resolveWorkspacePath: (path) => resolve(workspace.dir, path),
      caseWideRedactions: caseWide,
      itemRedactions: (item) => {
        const ids = itemFindingIds(item);
        return review.redactions.filter((r) => r.findingId !== null && ids.includes(r.findingId));
      },
      lang: options.lang,
    });
    const redactions = redactionSummary(
      slots.map((slot) => {
        const reasons = draftRedacted.get(slot.no);
        return finalRedaction(reasons !== undefined, reasons ?? [], files.get(slot.no));
      }),
    );
    draftRedacted.clear();
    let withheldFiles = 0;
    for (const f of files.values()) withheldFiles += f.withheld.length;
    const limits = packageLimits({ sources: run.result.sources, redactedItems: redactions.records, withheldFiles, unsearched, confirmed, lang: options.lang });
    const pkgHead: Omit<ResponsePackage, 'items'> = { ...head, redactions, limits };
    const pkg: StreamedPackage = {
      ...pkgHead,
      slots,
      itemFiles: files,
      // What the person gets: the locators relative to their source (packageLocator.ts).
      items: (batch) => draftItems(batch).map((item) => forThePerson(withFiles(item, files.get(item.no)))),
    };

    step('pdf');
    const pdfFile = texts.pdfName;
    const pages = await writeLetterPdf(join(temp, pdfFile), pkg);
    step('json');
    await writeDataJson(join(temp, DATA_JSON_FILE), pkgHead, itemBatches(pkg, slots, ITEM_BATCH));

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
      // Streamed: with call recordings the ZIP can be larger than memory.
      zip = { file: texts.zipName, sha256: (await hashFile(join(temp, texts.zipName))).sha256 };
    }

    step('report');
    const audit = verifyAuditLog(db, caseId);
    const others = findingsByKeys(db, planned.others).map((f) => ({ ...f, activities: overrides.get(f.id) ?? f.activities }));
    const report = buildInternalReport({
      pkg,
      run,
      findings: { included: planned.includedByStrength, others },
      retentionWarnings: [...retention, ...retentionWarnings(workspace.register, others, now)],
      register: workspace.register,
      activityOverrides: overrides.size,
      duplicates: { merged: slots.reduce((n, s) => n + s.copies.length, 0), conflicts: planned.conflicts },
      review,
      deadline,
      subjectName: c.subjectName,
      identifiers: caseIdentifiers(c),
      audit,
      auditExcerpt: auditLogExcerpt(db, caseId, AUDIT_EXCERPT_HEAD, AUDIT_EXCERPT_TAIL),
      originalsUnavailable: [...files].filter(([, f]) => f.originalMissing).map(([no]) => ({ item: no, finding: slots[no - 1]?.id ?? '' })),
      pdf: { file: pdfFile, pages },
      manifestSha256,
      zip,
      now,
    });
    // Its own folder beside the package, written as atomically, and published first: a package in
    // place always has its accountability record; a crash in between leaves a report without its
    // package, which the next export replaces.
    await writeDirectoryAtomically(
      internDir,
      async (internTemp) => {
        await writeFile(join(internTemp, INTERNAL_REPORT_JSON), `${JSON.stringify(report, null, 2)}\n`, { mode: 0o600 });
        await writeInternalReportPdf(join(internTemp, INTERNAL_REPORT_PDF), report);
      },
      INTERNAL_FOLDER,
    );
    step('publish');
    return { pkg, pages, manifestSha256, zip, report };
  });

  // Logged once the package is in place: the log says what exists, never a package that a crash lost.
  const audit = auditAppender(db, options.actor);
  db.transaction(() => {
    audit(
      caseId,
      'package.exported',
      { dir, internDir, lang: options.lang, items: written.pkg.slots.length, manifestSha256: written.manifestSha256, zipSha256: written.zip?.sha256 ?? null },
      now,
    );
  }).immediate();

  const { counts } = written.report;
  return {
    dir,
    internDir,
    items: written.pkg.slots.length,
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
    notSearched: written.pkg.limits.notSearched,
    retentionWarnings: written.report.retentionWarnings,
    sourceGaps: written.report.registerGaps.map((g) => g.activity),
  };
}

/** An earlier internal report may be replaced; any other folder is refused (packageDir.ts says why). */
const INTERNAL_FOLDER = {
  option: '--intern-out',
  what: 'an Auskunft internal report (no Bericht-intern.json)',
  isOurs: async (folder: string) => (await stat(join(folder, INTERNAL_REPORT_JSON)).catch(() => undefined))?.isFile() === true,
};

/** The internal report must not land inside the package (it would be sent with it), nor the package inside it. */
function assertApart(dir: string, internDir: string): void {
  const inside = (outer: string, inner: string) => {
    const rel = relative(outer, inner);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  if (inside(dir, internDir)) throw new ExportError(`--intern-out ${internDir} is inside the package folder ${dir}; the internal report must never be sent: choose a folder beside it`);
  if (inside(internDir, dir)) throw new ExportError(`--out ${dir} is inside the internal report's folder ${internDir}; choose folders beside each other`);
}

/** Records read from the case store at once by the files and data.json writers. */
const ITEM_BATCH = 100;

type ItemFilesResult = { files: PackageItem['files']; withheld: PackageItem['withheld']; redactedBy: string[] };

/** An item with its files, and marked as redacted when its original turned out to hold redacted text. */
function withFiles(item: PackageItem, f: ItemFilesResult | undefined): PackageItem {
  if (!f) return item;
  const { redacted, redactionReasons } = finalRedaction(item.redacted, item.redactionReasons, f);
  return { ...item, files: f.files, withheld: f.withheld, redacted, redactionReasons };
}

/** Whether an item is redacted, and why, once its files are written. */
function finalRedaction(redacted: boolean, reasons: readonly string[], f: ItemFilesResult | undefined): { redacted: boolean; redactionReasons: string[] } {
  if (!f) return { redacted, redactionReasons: [...reasons] };
  const more = f.redactedBy.filter((r) => !reasons.includes(r));
  return { redacted: redacted || f.redactedBy.length > 0, redactionReasons: [...reasons, ...more] };
}

/** The review with the decisions the export needs: those of the findings not included (the others are planned from the store). */
function withoutIncluded(review: CaseReview): CaseReview {
  return { decisions: new Map([...review.decisions].filter(([, d]) => d.state !== 'included')), redactions: review.redactions };
}

interface PlannedFindings {
  /** The included findings, to plan the copy with. */
  readonly included: FindingPlace[];
  readonly includedByStrength: { strong: number; weak: number };
  /** The keys of the findings not included, for the internal report. */
  readonly others: number[];
  /** Duplicate groups held back because their copies were decided differently. */
  readonly conflicts: DuplicateConflict[];
}

/** The run's findings without their content, split into the included ones and the others. */
function planFindings(db: WritableDb, caseId: CaseId, runId: RunId, overrides: ReadonlyMap<string, readonly string[]>): PlannedFindings {
  // Findings of one source share their activities and categories: one array each, not one per finding.
  const shared = new Map<string, readonly string[]>();
  const list = (json: string) => {
    let value = shared.get(json);
    if (value === undefined) shared.set(json, (value = JSON.parse(json) as string[]));
    return value;
  };
  const rows = findingKeysOfRun(db, caseId, runId);
  const groups = resolveGroupStates(rows.map((r) => ({ id: r.finding_id, duplicateKey: r.duplicate_key, state: (r.state ?? 'pending') as ReviewState })));
  const planned: PlannedFindings = { included: [], includedByStrength: { strong: 0, weak: 0 }, others: [], conflicts: groups.conflicts };
  for (const row of rows) {
    if (!groups.included.has(row.finding_id)) {
      planned.others.push(row.key);
      continue;
    }
    planned.includedByStrength[row.strength === 'weak' ? 'weak' : 'strong']++;
    const place = placeOf(row, list);
    const chosen = overrides.get(place.id);
    planned.included.push(chosen ? { ...place, activities: chosen } : place);
  }
  return planned;
}

function placeOf(row: FindingKeyRow, list: (json: string) => readonly string[]): FindingPlace {
  return {
    key: row.key,
    id: row.finding_id,
    source: row.source_id,
    kind: (row.kind ?? 'record') as ItemKind,
    locator: JSON.parse(row.locator_json) as Locator,
    date: row.date,
    activities: list(row.activities_json),
    categories: list(row.categories_json),
    duplicateKey: row.duplicate_key,
  };
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
