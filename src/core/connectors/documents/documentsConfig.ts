import { z } from 'zod';
import { sourceBaseSchema } from '../connector.js';

/** A documents folder in `auskunft.yaml`. Light on purpose: the workspace loader imports it without the connector. */
export const documentsConfigSchema = sourceBaseSchema
  .extend({
    type: z.literal('documents'),
    /** A folder, searched recursively (symlinks are not followed). */
    path: z.string().min(1),
    /** Read scans (JPEG, PNG, TIFF, PDF pages without text) with the bundled OCR. Default: true. */
    ocr: z.boolean().optional(),
  })
  .strict();
export type DocumentsConfig = z.infer<typeof documentsConfigSchema>;
