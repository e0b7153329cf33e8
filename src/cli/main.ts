import { Command, CommanderError } from 'commander';
import { ConfigError } from '../core/config/configError.js';
import { ExportError } from '../core/export/exportError.js';
import { ReviewError } from '../core/review/reviewError.js';
import { CaseStoreError } from '../core/store/errors.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerCaseCommands } from './commands/case.js';
import { demoCommand } from './commands/demo.js';
import { registerExportCommand } from './commands/export.js';
import { registerRunCommand } from './commands/run.js';
import { searchCommand } from './commands/search.js';
import { registerVerifyCommand } from './commands/verify.js';
import { registerWebCommand } from './commands/web.js';
import { say } from './output.js';

/** Exit code for unusable input: config, subject or register (DESIGN.md "Exit codes"). */
const EXIT_USAGE = 2;

/**
 * The `auskunft` command. Thin over src/core: parse arguments, call one use case, map its outcome to
 * an exit code. User mistakes become one line on stderr, never a stack trace.
 */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('auskunft')
    .description('Answer GDPR Art. 15 access requests: find everything about one person, offline.')
    .exitOverride()
    .showHelpAfterError('(run auskunft --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('search')
    .description('search every source of a workspace for one person and write the findings JSON')
    .requiredOption('--workspace <file>', 'the workspace file (auskunft.yaml)')
    .requiredOption('--subject <file>', 'the person: subject.yaml or subject.json')
    .requiredOption('--out <file>', 'where to write the findings JSON (written atomically)')
    .addHelpText('after', '\nExit codes: 0 all sources complete; 3 written, but a source is partial or failed; 2 unusable input.')
    .action(async (opts: { workspace: string; subject: string; out: string }) => {
      exitCode = await searchCommand(opts);
    });

  program
    .command('demo')
    .description('run the whole job on the bundled sample workspace and print where the results are')
    .option('--out <dir>', 'output folder', 'auskunft-demo')
    .action(async (opts: { out: string }) => {
      exitCode = await demoCommand(opts);
    });

  const setExit = (code: number) => {
    exitCode = code;
  };
  registerCaseCommands(program, setExit);
  registerExportCommand(program, setExit);
  registerRunCommand(program, setExit);
  registerVerifyCommand(program, setExit);
  registerAuditCommands(program, setExit);
  registerWebCommand(program, setExit);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    return reportError(err);
  }
}

function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    // --help and --version also "fail" with exit code 0; commander has already printed them.
    return err.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (err instanceof ConfigError || err instanceof CaseStoreError || err instanceof ReviewError || err instanceof ExportError) {
    say(`auskunft: ${err.message}`);
    return EXIT_USAGE;
  }
  const message = err instanceof Error ? err.message : String(err);
  say(`auskunft: internal error: ${message}`);
  if (process.env.AUSKUNFT_DEBUG && err instanceof Error && err.stack) say(err.stack);
  else say('(set AUSKUNFT_DEBUG=1 to see the details, and please report this)');
  return 1;
}
