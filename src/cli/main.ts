import { Command, CommanderError } from 'commander';
import { ConfigError } from '../core/config/configError.js';
import { ExportError } from '../core/export/exportError.js';
import { packageVersion } from '../core/packageVersion.js';
import { ReviewError } from '../core/review/reviewError.js';
import { CaseStoreError } from '../core/store/errors.js';
import { say } from './output.js';

/** Exit code for unusable input: config, subject or register (docs/ARCHITECTURE.md "Exit codes"). */
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
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError('(run auskunft --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  const setExit = (code: number) => {
    exitCode = code;
  };
  // Only the named command's module is loaded (the PDF writer, the web bridge and the case store
  // are big to load and a search needs none of them); --version needs none, help and unknown
  // commands load them all.
  const first = argv[0];
  const named = first !== undefined && Object.hasOwn(COMMANDS, first) ? [first as keyof typeof COMMANDS] : first === '--version' || first === '-V' ? [] : COMMAND_ORDER;
  try {
    for (const name of named) (await COMMANDS[name]())(program, setExit);
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    return reportError(err);
  }
}

type Register = (program: Command, setExit: (code: number) => void) => void;

/** Each top-level command and how to load the module that defines it, in help order. */
const COMMANDS = {
  search: async (): Promise<Register> => {
    const { searchCommand } = await import('./commands/search.js');
    return (program, setExit) =>
      program
        .command('search')
        .description('search every source of a workspace for one person and write the findings JSON')
        .requiredOption('--workspace <file>', 'the workspace file (auskunft.yaml)')
        .requiredOption('--subject <file>', 'the person: subject.yaml or subject.json')
        .requiredOption('--out <file>', 'where to write the findings JSON (written atomically)')
        .addHelpText('after', '\nExit codes: 0 all sources complete; 3 written, but a source is partial or failed; 2 unusable input.')
        .action(async (opts: { workspace: string; subject: string; out: string }) => {
          setExit(await searchCommand(opts));
        });
  },
  demo: async (): Promise<Register> => {
    const { demoCommand } = await import('./commands/demo.js');
    return (program, setExit) =>
      program
        .command('demo')
        .description('run the whole job on the bundled sample workspace and print where the results are')
        .option('--out <dir>', 'output folder', 'auskunft-demo')
        .action(async (opts: { out: string }) => {
          setExit(await demoCommand(opts));
        });
  },
  case: async (): Promise<Register> => (await import('./commands/case.js')).registerCaseCommands,
  export: async (): Promise<Register> => (await import('./commands/export.js')).registerExportCommand,
  run: async (): Promise<Register> => (await import('./commands/run.js')).registerRunCommand,
  verify: async (): Promise<Register> => (await import('./commands/verify.js')).registerVerifyCommand,
  audit: async (): Promise<Register> => (await import('./commands/audit.js')).registerAuditCommands,
  web: async (): Promise<Register> => (await import('./commands/web.js')).registerWebCommand,
  cache: async (): Promise<Register> => (await import('./commands/cache.js')).registerCacheCommands,
} as const;
const COMMAND_ORDER = Object.keys(COMMANDS) as Array<keyof typeof COMMANDS>;

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
