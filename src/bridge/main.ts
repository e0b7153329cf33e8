import { parseArgs } from 'node:util';
import { webCommand } from '../cli/commands/web.js';

/**
 * `npm run web -- --workspace auskunft.yaml [--port N] [--db FILE] [--exports DIR]`: the app in a
 * browser on 127.0.0.1. Prints the URL with its token on stdout; Ctrl+C stops it.
 */
async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        workspace: { type: 'string' },
        port: { type: 'string', default: '0' },
        db: { type: 'string' },
        exports: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`auskunft web: ${(err as Error).message}\n`);
    return 2;
  }
  if (values.help || !values.workspace) {
    process.stderr.write('usage: npm run web -- --workspace auskunft.yaml [--port N] [--db cases.db] [--exports DIR]\n');
    return values.help ? 0 : 2;
  }
  return webCommand({ workspace: values.workspace, port: values.port, ...(values.db ? { db: values.db } : {}), ...(values.exports ? { exports: values.exports } : {}) });
}

process.exitCode = await main(process.argv.slice(2));
