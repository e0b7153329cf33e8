import { open, stat } from 'node:fs/promises';
import { SourceError, type Connector, type SearchContext } from '../connector.js';
import { MAX_MESSAGE_BYTES } from '../common/mail/mailLimits.js';
import { mailEvents } from '../common/mail/mailEvents.js';
import { PROGRESS_EVERY } from '../common/mail/mailFiles.js';
import { scanCandidateMessage } from '../common/mail/scanMessage.js';
import { splitMbox, startsLikeMbox } from '../common/mail/mboxSplitter.js';
import { readMboxOriginal } from '../common/mail/mailOriginal.js';
import { mboxConfigSchema, type MboxConfig } from './mboxConfig.js';
import { runCheck } from '../common/check.js';

/** An mbox file (mboxo or mboxrd); one finding per message. Locator: messageId + path + offset. */
export const mboxConnector: Connector<MboxConfig> = {
  type: 'mbox',
  configSchema: mboxConfigSchema,

  check: (config, ctx) =>
    runCheck(async () => {
      await openMbox(config, ctx);
      return `mbox ${config.path} is readable`;
    }),

  async *search(config, subject, ctx) {
    const file = await openMbox(config, ctx);
    // The number of messages is not known before the end; the share of bytes read gives the bar and the time left.
    const size = (await stat(file)).size || 1;
    let scanned = 0;
    // Each message is done with before the next is asked for: the read buffer can be reused.
    for await (const message of splitMbox(file, config.format, ctx.signal, { reuseBuffer: true })) {
      const where = { path: config.path, offset: message.offset };
      if (message.raw.length > MAX_MESSAGE_BYTES) {
        yield { kind: 'warning', locator: where, message: `message of ${message.raw.length} bytes exceeds the ${MAX_MESSAGE_BYTES}-byte limit; not searched`, uncovered: true };
        continue;
      }
      yield* mailEvents(await scanCandidateMessage(message.raw, subject), where);
      if (++scanned % PROGRESS_EVERY === 0) ctx.progress({ scanned, share: Math.min(1, (message.offset + message.raw.length) / size) });
    }
    ctx.progress({ scanned, share: 1 });
  },

  readOriginal: (config, locator, ctx) => readMboxOriginal(config.path, config.format, locator, ctx),
};

/** The mbox's absolute path, after checking that it exists and starts with a "From " line. */
async function openMbox(config: MboxConfig, ctx: SearchContext): Promise<string> {
  const file = ctx.resolvePath(config.path);
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SourceError(`mbox ${config.path} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}`);
  }
  try {
    const head = Buffer.alloc(256);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (!startsLikeMbox(head.subarray(0, bytesRead))) throw new SourceError(`${config.path} is not an mbox file: it does not start with a "From " line`);
  } finally {
    await handle.close();
  }
  return file;
}
