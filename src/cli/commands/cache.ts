import type { Command } from 'commander';
import { clearDerivedTextCache, derivedTextCacheSize } from '../../core/store/derivedTextCache.js';
import { say } from '../output.js';
import { DB_OPTION, withCaseStore } from './caseStore.js';

/**
 * `auskunft cache`: the OCR text cache in the case store. Scans are read once and their text kept
 * (it is personal data, encrypted with the store); `cache clear` purges it, for example after a
 * document folder was deleted or before handing the laptop on.
 */
export function registerCacheCommands(program: Command): void {
  const cache = program.command('cache').description('the OCR text cache in the case store (text read from scans, kept to avoid reading them again)');
  cache
    .command('show')
    .description('how many scanned pages the cache holds')
    .option(...DB_OPTION)
    .action(async (opts: { db?: string }) => {
      await withCaseStore(opts.db, (db) => {
        const { entries, bytes } = derivedTextCacheSize(db);
        say(`${entries} cached page${entries === 1 ? '' : 's'} of OCR text (${Math.round(bytes / 1024)} KB)`);
      });
    });
  cache
    .command('clear')
    .description('remove all cached OCR text from the case store (the next search reads the scans again)')
    .option(...DB_OPTION)
    .action(async (opts: { db?: string }) => {
      await withCaseStore(opts.db, (db) => {
        const removed = clearDerivedTextCache(db);
        say(`removed ${removed} cached page${removed === 1 ? '' : 's'} of OCR text`);
      });
    });
}
