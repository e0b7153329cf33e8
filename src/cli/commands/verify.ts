import type { Command } from 'commander';
import { verifyPackage } from '../../core/export/verifyPackage.js';
import { say } from '../output.js';

/** `auskunft verify DIR`: re-check a response package against its manifest. */
export function registerVerifyCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('verify')
    .description("re-check a response package: every file's size and SHA-256 against manifest.json")
    .argument('<dir>', 'the package folder')
    .option('--intern <dir>', 'the folder of the internal report (default: DIR.intern), to check the manifest and ZIP hashes it recorded')
    .addHelpText('after', '\nExit codes: 0 intact; 3 a file is missing, modified or added (listed); 2 not a package.')
    .action(async (dir: string, opts: { intern?: string }) => {
      const result = await verifyPackage(dir, opts.intern);
      for (const line of result.problems) process.stdout.write(`${line}\n`);
      if (result.problems.length) {
        say(`${result.dir}: ${result.problems.length} problem(s); the package is not as it was written`);
        setExit(3);
      } else {
        say(`${result.dir}: ${result.verified} file(s) verified, package intact`);
      }
    });
}
