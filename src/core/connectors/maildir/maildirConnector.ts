import { basename, dirname } from 'node:path';
import type { Connector } from '../connector.js';
import { checkFolder, searchMessageFolder } from '../common/mail/folderSource.js';
import { readFileMessageOriginal } from '../common/mail/mailOriginal.js';
import { maildirConfigSchema, type MaildirConfig } from './maildirConfig.js';

/**
 * Messages live in `cur/` and `new/` of the maildir and of every Maildir++ subfolder (`.Sent/cur`);
 * `tmp/` holds deliveries in progress and dovecot's index files are not messages.
 */
const isMaildirMessage = (path: string, name: string) => {
  const folder = basename(dirname(path));
  return (folder === 'cur' || folder === 'new') && !name.startsWith('.');
};

/** A Maildir (with Maildir++ subfolders); one finding per message file. Locator: messageId + path. */
export const maildirConnector: Connector<MaildirConfig> = {
  type: 'maildir',
  configSchema: maildirConfigSchema,
  check: (config, ctx) => checkFolder(config.path, ctx),
  search: (config, subject, ctx) => searchMessageFolder(config.path, isMaildirMessage, subject, ctx),
  readOriginal: (config, locator, ctx) => readFileMessageOriginal(config.path, locator, ctx, true),
};
