import { z } from 'zod';
import { sourceBaseSchema } from '../../connector.js';
import { COLUMN_ROLES } from './columnRoles.js';
import { delimiterOptionSchema, encodingOptionSchema } from './csvOptionSchemas.js';

/** Hashes a pseudonymised phone column may hold (README "Workspace": `hashed: { number_sha256: sha256-e164 }`). */
const phoneHashSchema = z.enum(['sha256-e164', 'sha1-e164', 'md5-e164']);

/** A column override: a role the matcher understands, or a register category id such as `contact.phone`. */
const columnMappingSchema = z.union([
  z.enum(COLUMN_ROLES),
  z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'use a role (email, phone, firstName, …) or a category id like contact.phone'),
]);

export const tableConfigSchema = sourceBaseSchema
  .extend({
    type: z.literal('table'),
    /** A CSV (any extension) or an .xlsx workbook; the format is told by the file's first bytes. */
    path: z.string().min(1),
    /** Overrides detection (BOM, else UTF-8 if the whole file is valid UTF-8, else windows-1252). CSV only. */
    encoding: encodingOptionSchema
      .optional(),
    /** Overrides the sniffed delimiter. One character; `tab` is accepted for a tab. CSV only. */
    delimiter: delimiterOptionSchema
      .optional(),
    /** XLSX: search only this worksheet (by its tab name). Default: every worksheet. */
    sheet: z.string().min(1).optional(),
    /** Header → role or category id, for headers the built-in German/English names do not cover. */
    columns: z.record(z.string().min(1), columnMappingSchema).optional(),
    /** Header → hash algorithm for pseudonymised phone columns (the caller-ID cache). */
    hashed: z.record(z.string().min(1), phoneHashSchema).optional(),
  })
  .strict();

export type TableConfig = z.infer<typeof tableConfigSchema>;
export type ColumnMapping = z.infer<typeof columnMappingSchema>;
