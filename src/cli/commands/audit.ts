import type { Command } from 'commander';
import { verifyAuditLog } from '../../core/review/verifyAuditLog.js';
import { listCases } from '../../core/store/listCases.js';
import { parseCaseId } from '../../core/store/ids.js';
import { say } from '../output.js';
import { DB_OPTION, withCaseStore } from './caseStore.js';

/** `auskunft audit verify [ID]`: check the hash chain of the audit log. */
export function registerAuditCommands(program: Command, setExit: (code: number) => void): void {
  program
    .command('audit')
    .description("check the cases' tamper-evident audit logs")
    .command('verify')
    .description('check the hash chain of one case, or of every case, and that the log explains every decision')
    .argument('[case]', 'the case reference (default: every case)')
    .option(...DB_OPTION)
    .addHelpText('after', '\nExit codes: 0 intact; 3 an entry was altered, removed or a decision changed outside the log (named).')
    .action(async (id: string | undefined, opts: { db?: string }) => {
      await withCaseStore(opts.db, (db) => {
        const ids = id ? [parseCaseId(id)] : listCases(db).map((c) => c.id);
        let broken = 0;
        for (const caseId of ids) {
          const result = verifyAuditLog(db, caseId);
          for (const p of result.problems) process.stdout.write(`${caseId}: ${p.message}\n`);
          if (result.problems.length) broken++;
          else say(`${caseId}: ${result.entries} entries, chain intact (head ${result.head.slice(0, 16)})`);
        }
        if (broken) {
          say(`${broken} of ${ids.length} case(s) have a broken audit log`);
          setExit(3);
        }
      });
    });
}
