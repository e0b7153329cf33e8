import { z } from 'zod';
import { sourceBaseSchema } from '../connector.js';

/**
 * Outlook stores in `auskunft.yaml`: `path` is a `.pst`, `.ost` or `.msg` file, or a folder searched
 * recursively for all three. Light on purpose: the workspace loader imports it without the connector.
 */
export const outlookConfigSchema = sourceBaseSchema
  .extend({
    type: z.literal('outlook'),
    path: z.string().min(1),
  })
  .strict();
export type OutlookConfig = z.infer<typeof outlookConfigSchema>;
