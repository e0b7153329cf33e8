import type { Command } from 'commander';
import { loadSubject } from '../../core/config/loadSubject.js';
import { localDate } from '../../core/cases/deadline.js';
import { openCase } from '../../core/cases/openCase.js';
import { searchCase } from '../../core/cases/searchCase.js';
import { includeStrongFindings } from '../../core/review/includeStrongFindings.js';
import { loadReview } from '../../core/review/loadReview.js';
import { loadWorkspace } from '../../core/workspace/loadWorkspace.js';
import { printSummary, progressLine, say } from '../output.js';
import { DB_OPTION, withCaseStore } from './caseStore.js';
import { addPackageOptions, exportAndReport, parseLang, type PackageOptions } from './export.js';
import { exitCodeFor } from './search.js';

/**
 * `auskunft run`: the whole job in one step. Creates a case, searches, includes the strong findings
 * (weak ones are held as pending and listed in the internal report) and writes the package.
 */
export function registerRunCommand(program: Command, setExit: (code: number) => void): void {
  addPackageOptions(
    program
      .command('run')
      .description('create a case, search, include strong findings and write the response package in one step; prints the case reference')
      .requiredOption('--workspace <file>', 'the workspace file (auskunft.yaml)')
      .requiredOption('--subject <file>', 'the person: subject.yaml or subject.json')
      .option('--received <date>', 'the day the request arrived, YYYY-MM-DD (default: today)'),
  )
    .option(...DB_OPTION)
    .addHelpText('after', '\nExit codes: 0 done; 3 written, but a source was partial or failed; 2 unusable input (nothing written).')
    .action(async (opts: PackageOptions & { workspace: string; subject: string; received?: string; db?: string }) => {
      // Check every input before anything is stored or searched (exit 2, nothing written).
      const workspace = loadWorkspace(opts.workspace);
      const { subject } = loadSubject(opts.subject);
      parseLang(opts.lang);
      await withCaseStore(opts.db, async (db) => {
        const created = openCase(db, { receivedOn: opts.received ?? localDate(), subject, workspacePath: workspace.file });
        process.stdout.write(`${created.id}\n`);
        const progress = progressLine();
        const { result } = await searchCase(db, created.id, { onProgress: progress.update });
        progress.done();
        printSummary(result);
        const included = includeStrongFindings(db, created.id, result.findings, loadReview(db, created.id));
        say(`${created.id}: ${included} strong finding(s) included, ${result.findings.length - included} held for review`);
        const exportCode = await exportAndReport(db, created.id, opts);
        setExit(Math.max(exitCodeFor(result), exportCode));
      });
    });
}
