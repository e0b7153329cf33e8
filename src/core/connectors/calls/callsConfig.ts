import { z } from 'zod';
import { sourceBaseSchema } from '../connector.js';
import { THREECX_FIELDS } from './threeCxLayout.js';
import { delimiterOptionSchema, encodingOptionSchema } from '../common/table/csvOptionSchemas.js';

/**
 * Links each call to its audio file. Audio is never read: it is only named in the finding so that
 * the copy can include it (Art. 15(3): a recording is personal data of the caller).
 */
const recordingsSchema = z
  .object({
    /** Folder of the recordings, relative to the workspace file. */
    folder: z.string().min(1),
    /** File name (may contain sub-folders) with `{column}` placeholders, e.g. `{uniqueid}.wav` or `{year}/{month}/{day}/{uniqueid}.wav`. */
    pattern: z.string().min(1).regex(/\{[^{}]+\}/, 'the pattern must name at least one column in braces, e.g. "{uniqueid}.wav"').optional(),
    /** A column that holds the recording's file name (FreePBX `recordingfile`). */
    column: z.string().min(1).optional(),
  })
  .strict()
  .refine((r) => (r.pattern === undefined) !== (r.column === undefined), {
    message: 'give either pattern (e.g. "{uniqueid}.wav") or column (the column that holds the file name), not both',
  });
export type RecordingsConfig = z.infer<typeof recordingsSchema>;

const encodingSchema = encodingOptionSchema;

const delimiterSchema = delimiterOptionSchema;

const common = {
  type: z.literal('calls'),
  path: z.string().min(1),
  /** Overrides detection (BOM, else UTF-8 if the whole file is valid UTF-8, else windows-1252). */
  encoding: encodingSchema.optional(),
  recordings: recordingsSchema.optional(),
};

/** A header name in the call list, as the generic format's `columns:` names it. */
const columnName = z.string().min(1);

const fritzboxSchema = sourceBaseSchema
  .extend({
    ...common,
    /** AVM FRITZ!Box "Anrufliste" export: `sep=;`, German or English header. */
    format: z.literal('fritzbox'),
    delimiter: delimiterSchema.optional(),
  })
  .strict();

const asteriskSchema = sourceBaseSchema
  .extend({
    ...common,
    /** Asterisk cdr_csv Master.csv: no header, 16 to 21 columns. */
    format: z.literal('asterisk'),
  })
  .strict();

const threeCxSchema = sourceBaseSchema
  .extend({
    ...common,
    /** 3CX cdr.log: no header; the admin chose the fields and their order. */
    format: z.literal('3cx'),
    /** The CDR template, in the order the 3CX console lists it. */
    fields: z
      .array(z.enum(THREECX_FIELDS))
      .min(1)
      .refine((fields) => new Set(fields).size === fields.length, 'a field is listed twice')
      .refine((fields) => fields.some((f) => f === 'from-no' || f === 'to-no' || f === 'dial-no' || f === 'final-number'), {
        message: 'list at least one number field (from-no, to-no, dial-no or final-number): without one no call can be matched by phone number',
      }),
    delimiter: delimiterSchema.optional(),
  })
  .strict();

const genericSchema = sourceBaseSchema
  .extend({
    ...common,
    /** Any call list with a header row; `columns` says which header holds what. */
    format: z.literal('generic'),
    delimiter: delimiterSchema.optional(),
    columns: z
      .object({
        from: columnName.optional(),
        to: columnName.optional(),
        /** The other party's number when the list has one number column and a direction. */
        number: columnName.optional(),
        start: columnName.optional(),
        duration: columnName.optional(),
        direction: columnName.optional(),
        name: columnName.optional(),
      })
      .strict()
      .refine((c) => c.from !== undefined || c.to !== undefined || c.number !== undefined, {
        message: 'name at least one number column (from, to or number)',
      }),
  })
  .strict();

/** A call list (README "Workspace": `{ type: calls, format: fritzbox|asterisk|3cx|generic, path }`). */
export const callsConfigSchema = z.discriminatedUnion('format', [fritzboxSchema, asteriskSchema, threeCxSchema, genericSchema]);

export type CallsConfig = z.infer<typeof callsConfigSchema>;
export type GenericCallsConfig = z.infer<typeof genericSchema>;
export type ThreeCxCallsConfig = z.infer<typeof threeCxSchema>;
