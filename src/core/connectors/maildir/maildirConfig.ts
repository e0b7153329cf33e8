import { z } from 'zod';
import { sourceBaseSchema } from '../connector.js';

/** A Maildir source in `auskunft.yaml`. Light on purpose: the workspace loader imports it without the connector. */
export const maildirConfigSchema = sourceBaseSchema
  .extend({
    type: z.literal('maildir'),
    path: z.string().min(1),
  })
  .strict();
export type MaildirConfig = z.infer<typeof maildirConfigSchema>;
