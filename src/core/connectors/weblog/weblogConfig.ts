import { z } from 'zod';
import { sourceBaseSchema } from '../connector.js';

export const weblogConfigSchema = sourceBaseSchema
  .extend({
    type: z.literal('weblog'),
    /** An Apache/nginx access log (combined, common or vhost_combined); a rotated `.gz` is read too. */
    path: z.string().min(1),
  })
  .strict();

export type WeblogConfig = z.infer<typeof weblogConfigSchema>;
