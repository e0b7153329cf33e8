import type { Connector } from '../connector.js';
import { checkFolder, searchMessageFolder } from '../common/mail/folderSource.js';
import { readFileMessageOriginal } from '../common/mail/mailOriginal.js';
import { emlConfigSchema, type EmlConfig } from './emlConfig.js';

const isEml = (_path: string, name: string) => name.toLowerCase().endsWith('.eml');

/** A folder of `.eml` files, searched recursively; one finding per file. Locator: messageId + path. */
export const emlConnector: Connector<EmlConfig> = {
  type: 'eml',
  configSchema: emlConfigSchema,
  check: (config, ctx) => checkFolder(config.path, ctx),
  search: (config, subject, ctx) => searchMessageFolder(config.path, isEml, subject, ctx),
  readOriginal: (config, locator, ctx) => readFileMessageOriginal(config.path, locator, ctx, false),
};
