import type { Command } from 'commander';
import { loadSubject } from '../../core/config/loadSubject.js';
import { localDate } from '../../core/cases/deadline.js';
import { caseIdentifiers, unverifiedWarnings, verifiedKeys } from '../../core/cases/caseIdentifiers.js';
import { enterCase } from '../../core/cases/enterCase.js';
import { searchCase } from '../../core/cases/searchCase.js';
import { includeStrongFindings } from '../../core/review/includeStrongFindings.js';
import { loadReview } from '../../core/review/loadReview.js';
import { screenForThirdParties } from '../../core/thirdParty/screenFindings.js';
import { loadWorkspace } from '../../core/workspace/loadWorkspace.js';
import { getCase } from '../../core/store/getCase.js';
import { parseVerifyOptions, printIdentifierWarnings, printNormalForms, VERIFY_OPTION } from '../identifierOutput.js';
import { printSummary, progressLine, say } from '../output.js';
import { DB_OPTION, withCaseStore } from './caseStore.js';
import { addPackageOptions, exportAndReport, parseLang, type PackageOptions } from './export.js';
import { exitCodeFor } from './search.js';
import { locatorLine } from '../../shared/locatorLine.js';

/**
 * `auskunft run`: the whole job in one step. Creates a case, searches, includes the strong findings
 * that a verified identifier matched (weak ones, and those matched only by unverified or guarded
 * identifiers, are held as pending and listed in the internal report) and writes the package.
 */
export function registerRunCommand(program: Command, setExit: (code: number) => void): void {
  addPackageOptions(
    program
      .command('run')
      .description('create a case, search, include strong findings and write the response package in one step; prints the case reference')
      .requiredOption('--workspace <file>', 'the workspace file (auskunft.yaml)')
      .requiredOption('--subject <file>', 'the person: subject.yaml or subject.json')
      .option('--received <date>', 'the day the request arrived, YYYY-MM-DD (default: today)')
      .option(...VERIFY_OPTION)
      .option('--identity <text>', 'how the requester was verified, for every identifier (method "other"); prefer --verify'),
  )
    .option(...DB_OPTION)
    .addHelpText(
      'after',
      '\nA strong finding that holds other people\'s data ("enthält Daten Dritter"), or an attachment that could not be read, is held for review, not included.' +
        '\nExit codes: 0 done; 3 written, but a source was partial or failed, or a strong finding is held for review; 2 unusable input (nothing written).',
    )
    .action(async (opts: PackageOptions & { workspace: string; subject: string; received?: string; db?: string; verify?: string[]; identity?: string }) => {
      // Check every input before anything is stored or searched (exit 2, nothing written).
      const workspace = loadWorkspace(opts.workspace);
      const { subject } = loadSubject(opts.subject);
      const verifications = parseVerifyOptions(opts.verify, opts.identity);
      parseLang(opts.lang);
      await withCaseStore(opts.db, async (db) => {
        const entered = enterCase(db, workspace.controller, { receivedOn: opts.received ?? localDate(), subject, workspacePath: workspace.file, identityVerification: opts.identity ?? null, verifications });
        const created = entered.created;
        process.stdout.write(`${created.id}\n`);
        printNormalForms(entered.normalized);
        // Guard warnings come again from the search, with what they did; here the rest.
        printIdentifierWarnings(entered.warnings.filter((w) => w.kind === 'open-case'));
        const progress = progressLine();
        const { result, workspace: searched } = await searchCase(db, created.id, { onProgress: progress.update });
        progress.done();
        printSummary(result);
        const stored = getCase(db, created.id)!;
        // A strong match says the record is about the person, not that it is about them alone: what
        // holds other people's data (in the body or an attachment) waits for the officer to redact.
        const review = loadReview(db, created.id);
        const strong = result.findings.filter((f) => f.strength === 'strong' && !review.decisions.has(f.id));
        const held = await screenForThirdParties(strong, searched, subject);
        for (const h of held) say(`warning: "${h.title}" (${locatorLine(h.locator)}): ${h.reason}; held for review`);
        const { included, unverifiedOnly } = includeStrongFindings(db, created.id, result.findings, review, verifiedKeys(stored), {}, held);
        printIdentifierWarnings(unverifiedWarnings(caseIdentifiers(stored), unverifiedOnly));
        say(`${created.id}: ${included} strong finding(s) included, ${result.findings.length - included} held for review${unverifiedOnly.length ? ` (${unverifiedOnly.length} strong but matched only by unverified identifiers)` : ''}`);
        const exportCode = await exportAndReport(db, created.id, opts);
        setExit(Math.max(exitCodeFor(result), exportCode));
      });
    });
}
