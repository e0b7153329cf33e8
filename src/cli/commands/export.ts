import type { Command } from 'commander';
import { exportCasePackage, type ExportSummary } from '../../core/export/exportCasePackage.js';
import { ExportError } from '../../core/export/exportError.js';
import type { Lang } from '../../core/register/localizedText.js';
import type { WritableDb } from '../../core/store/db.js';
import { parseCaseId, type CaseId } from '../../core/store/ids.js';
import { confirmNoData } from '../../core/cases/noDataConfirmations.js';
import { CaseNotFoundError } from '../../core/store/errors.js';
import { getCase } from '../../core/store/getCase.js';
import { latestSearchRunWithoutFindings } from '../../core/store/latestSearchRun.js';
import { loadWorkspace } from '../../core/workspace/loadWorkspace.js';
import { say } from '../output.js';
import { DB_OPTION, withCaseStore } from './caseStore.js';

export interface PackageOptions {
  readonly out: string;
  readonly internOut?: string;
  readonly lang: string;
  readonly passwordEnv?: string;
  /** Activity ids checked by hand and holding no data about the person (comma-separated). */
  readonly confirmNoData?: string;
}

/** `--out`, `--lang` and `--password-env`, shared by `export` and `run`. */
export function addPackageOptions(command: Command): Command {
  return command
    .requiredOption('--out <dir>', 'the package folder (written completely or not at all)')
    .option('--intern-out <dir>', 'the folder of the internal report (default: the package folder with ".intern"); never inside --out')
    .option('--lang <lang>', 'language of the letter: de or en', 'de')
    .option('--password-env <var>', 'also write an AES-256-encrypted ZIP, with the password from this environment variable')
    .option(
      '--confirm-no-data <activities>',
      'register activities (ids, comma-separated) that no source covers and that you checked by hand: they hold no data about the person ("keine Daten"); the letter says so instead of "not searched"',
    );
}

/** `auskunft export ID --out DIR`: write the response package of a case. */
export function registerExportCommand(program: Command, setExit: (code: number) => void): void {
  addPackageOptions(
    program
      .command('export')
      .description('write the response package: letter PDF, data.json, originals, manifest, optional encrypted ZIP, internal report')
      .argument('<case>', 'the case reference, e.g. AUS-2026-0001-K7QF'),
  )
    .option(...DB_OPTION)
    .addHelpText('after', '\nOnly included findings are part of the answer. The internal report goes to DIR.intern (or --intern-out), never into the package. Exit codes: 0 written; 3 written, but a source was incomplete, or findings are still pending; 2 unusable input.')
    .action(async (id: string, opts: PackageOptions & { db?: string }) => {
      const caseId = parseCaseId(id);
      await withCaseStore(opts.db, async (db) => setExit(await exportAndReport(db, caseId, opts)));
    });
}

/** Export a case's package and print what the officer must know; returns the exit code. */
export async function exportAndReport(db: WritableDb, caseId: CaseId, opts: PackageOptions): Promise<number> {
  const lang = parseLang(opts.lang);
  const password = passwordFrom(opts.passwordEnv);
  if (opts.confirmNoData !== undefined) {
    if (!getCase(db, caseId)) throw new CaseNotFoundError(caseId);
    const run = latestSearchRunWithoutFindings(db, caseId);
    if (!run) throw new ExportError(`case ${caseId} has not been searched yet; run \`auskunft case search ${caseId}\` first`);
    const ids = opts.confirmNoData.split(',').map((s) => s.trim()).filter(Boolean);
    confirmNoData(db, caseId, ids, loadWorkspace(run.workspacePath).register);
  }
  const summary = await exportCasePackage(db, caseId, { out: opts.out, ...(opts.internOut !== undefined ? { internOut: opts.internOut } : {}), lang, ...(password !== undefined ? { password } : {}), onStep: stepTimer() });
  return reportExport(summary);
}

function reportExport(s: ExportSummary): number {
  say(`wrote ${s.dir}: ${s.items} record(s) in the copy, ${s.pages} PDF page(s), ${s.files} file(s)${s.withheld ? `, ${s.withheld} withheld` : ''}${s.redactedItems ? `, ${s.redactedItems} redacted record(s)` : ''}`);
  if (s.zip) say(`encrypted ZIP: ${s.zip}`);
  say(`send the letter and data (or the ZIP); the internal report is in ${s.internDir} and is NOT for the person`);
  for (const src of s.incompleteSources) say(`warning: source ${src.id} was ${src.status}; the copy may be incomplete (see the internal report)`);
  if (s.pendingWeak) say(`note: ${s.pendingWeak} weak finding(s) (name only) are held for review and not in the answer`);
  if (s.pendingStrong) say(`warning: ${s.pendingStrong} strong finding(s) are still pending and not in the answer`);
  for (const p of s.auditProblems) say(`warning: audit log: ${p}`);
  for (const a of s.notSearched) {
    say(`warning: activity ${a.id} (${a.name}) keeps a local copy but no source covers it; the letter says it was not searched. Add a source, or check by hand and pass --confirm-no-data ${a.id}`);
  }
  for (const w of s.retentionWarnings) {
    say(`warning: ${w.source}:${w.finding} of ${w.date} is ${w.ageDays} days old; activity ${w.activity} keeps records ${w.retentionDays} days (Art. 5(1)(e)); delete it after answering`);
  }
  if (s.sourceGaps.length) say(`note: the register states no origin (Art. 15(1)(g)) for ${s.sourceGaps.join(', ')}; the letter says so; complete the register`);
  return s.incompleteSources.length || s.pendingStrong || s.auditProblems.length ? 3 : 0;
}

/**
 * With AUSKUNFT_TIMING=1, how long each step of the export took, and the peak RSS by its end: the step
 * in which the peak grew is the one that holds memory (for bench/export and slow machines).
 */
function stepTimer(): ((step: string) => void) | undefined {
  if (!process.env['AUSKUNFT_TIMING']) return undefined;
  let last: { step: string; at: number } | undefined;
  const started = performance.now();
  const log = (step: string) => {
    const now = performance.now();
    const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
    if (last) say(`timing: ${last.step} ${((now - last.at) / 1000).toFixed(2)} s, peak RSS ${peakMb} MB`);
    last = { step, at: now };
    if (step === 'done') say(`timing: total ${((now - started) / 1000).toFixed(2)} s`);
  };
  process.once('beforeExit', () => log('done'));
  return log;
}

export function parseLang(value: string): Lang {
  if (value === 'de' || value === 'en') return value;
  throw new ExportError(`--lang must be de or en, not "${value}"`);
}

/** The ZIP password from the environment: never a command-line literal, which would land in shell history and `ps`. */
function passwordFrom(variable: string | undefined): string | undefined {
  if (variable === undefined) return undefined;
  const value = process.env[variable];
  if (!value) throw new ExportError(`--password-env ${variable}: the environment variable ${variable} is not set or empty`);
  return value;
}
