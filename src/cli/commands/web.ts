import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RENDERER_DIR, startWebBridge } from '../../bridge/startWebBridge.js';
import { say } from '../output.js';
import { DB_KEY_ENV } from './caseStore.js';

export interface WebArgs {
  readonly workspace: string;
  readonly port: string;
  readonly db?: string;
  readonly exports?: string;
}

/**
 * `auskunft web`: the desktop app's UI in a browser on 127.0.0.1 (the HTTP bridge), for machines
 * without Electron and for the end-to-end tests. Prints the URL with its per-start token on stdout and
 * serves until interrupted. `npm run web` runs the same bridge (src/bridge/main.ts).
 */
export async function webCommand(args: WebArgs): Promise<number> {
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    say(`auskunft web: --port must be a number from 0 to 65535, got "${args.port}"`);
    return 2;
  }
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    say('auskunft web: the renderer is not built: run `npm run build` first');
    return 2;
  }
  const dbKey = process.env[DB_KEY_ENV];
  if (!dbKey) say(`auskunft web: ${DB_KEY_ENV} is not set: the case store is NOT encrypted`);
  const { bridge, close } = await startWebBridge({
    workspace: args.workspace,
    port,
    ...(args.db ? { db: args.db } : {}),
    ...(dbKey ? { dbKey } : {}),
    ...(args.exports ? { exportsDir: args.exports } : {}),
  });
  process.stdout.write(`${bridge.url}\n`);
  say('Auskunft is served on 127.0.0.1 only. Open the URL above; Ctrl+C stops the server.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await close();
  return 0;
}

/** `auskunft web`, registered like the other commands: `registerWebCommand(program, setExit)` in cli/main.ts. */
export function registerWebCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('web')
    .description('serve the app on 127.0.0.1 for a browser; prints the URL with its access token')
    .requiredOption('--workspace <file>', 'the workspace file (auskunft.yaml)')
    .option('--port <n>', 'the port (0: any free one)', '0')
    .option('--db <file>', 'the case store (default: the per-user one); encrypted with $AUSKUNFT_DB_KEY when set')
    .option('--exports <dir>', 'where response packages go (default: exports/ beside the case store)')
    .action(async (opts: WebArgs) => {
      setExit(await webCommand(opts));
    });
}
