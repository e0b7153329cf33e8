import { SourceError, type Connector } from '../connector.js';
import { requireReadableFile } from '../common/table/tableFile.js';
import { contactFormat, contactsConfigSchema, type ContactsConfig } from './contactsConfig.js';
import { searchOutlookCsv } from './searchOutlookCsv.js';
import { searchVCard } from './searchVCard.js';
import { runCheck } from '../common/check.js';

/**
 * An address book export: a vCard file (2.1, 3.0, 4.0; many cards) or an Outlook contacts CSV. One
 * finding per contact that concerns the subject; locator `{ path, line }`, the line where the card
 * or row starts.
 */
export const contactsConnector: Connector<ContactsConfig> = {
  type: 'contacts',
  configSchema: contactsConfigSchema,

  check: (config, ctx) =>
    runCheck(async () => {
      await requireReadableFile(config.path, (p) => ctx.resolvePath(p), 'contacts file');
      return `contacts file ${config.path} is readable`;
    }),

  async *search(config, subject, ctx) {
    const absolute = await requireReadableFile(config.path, (p) => ctx.resolvePath(p), 'contacts file');
    const format = contactFormat(config);
    if (format === undefined) throw new SourceError(`cannot tell the format of ${config.path}: set format: vcard or format: outlook-csv`);
    yield* format === 'vcard' ? searchVCard(absolute, config.path, config.encoding, subject, ctx) : searchOutlookCsv(absolute, config, subject, ctx);
  },
};
