import { z } from 'zod';
import { sourceBaseSchema } from '../connector.js';

/** A folder of `.eml` files in `auskunft.yaml`. Light on purpose: the workspace loader imports it without the connector. */
export const emlConfigSchema = sourceBaseSchema
  .extend({
    type: z.literal('eml'),
    path: z.string().min(1),
  })
  .strict();
export type EmlConfig = z.infer<typeof emlConfigSchema>;
