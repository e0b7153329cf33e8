import { z } from 'zod';
import { sourceBaseSchema } from '../connector.js';

/** An mbox source in `auskunft.yaml`. Light on purpose: the workspace loader imports it without the connector. */
export const mboxConfigSchema = sourceBaseSchema
  .extend({
    type: z.literal('mbox'),
    path: z.string().min(1),
    /** mboxrd (default; Thunderbird, Gmail Takeout, mutt) or mboxo: how ">From " lines are unquoted. */
    format: z.enum(['mboxrd', 'mboxo']).default('mboxrd'),
  })
  .strict();
export type MboxConfig = z.infer<typeof mboxConfigSchema>;
