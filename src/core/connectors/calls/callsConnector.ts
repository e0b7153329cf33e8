import type { Connector } from '../connector.js';
import { requireReadableFile } from '../common/table/tableFile.js';
import { callsConfigSchema, type CallsConfig } from './callsConfig.js';
import { searchCallList } from './searchCallList.js';
import { runCheck } from '../common/check.js';

/**
 * A PBX or router call list: FRITZ!Box, Asterisk Master.csv, 3CX cdr.log or any CSV with a column
 * mapping. One finding per call (row) in which a subject's number is caller or callee (E.164
 * equality) or whose name or caller-id fields name the subject; locator `{ line }`.
 */
export const callsConnector: Connector<CallsConfig> = {
  type: 'calls',
  configSchema: callsConfigSchema,

  check: (config, ctx) =>
    runCheck(async () => {
      await requireReadableFile(config.path, (p) => ctx.resolvePath(p), 'call list');
      return `call list ${config.path} is readable`;
    }),

  async *search(config, subject, ctx) {
    const absolute = await requireReadableFile(config.path, (p) => ctx.resolvePath(p), 'call list');
    yield* searchCallList(absolute, config, subject, ctx);
  },
};
