import { z } from 'zod';
import { sourceBaseSchema } from '../connector.js';
import { delimiterOptionSchema, encodingOptionSchema } from '../common/table/csvOptionSchemas.js';

export const CONTACT_FORMATS = ['vcard', 'outlook-csv'] as const;
export type ContactFormat = (typeof CONTACT_FORMATS)[number];

const BY_EXTENSION: ReadonlyArray<readonly [RegExp, ContactFormat]> = [
  [/\.(vcf|vcard)$/i, 'vcard'],
  [/\.(csv|txt)$/i, 'outlook-csv'],
];

/** The configured format, or the one the file name says; undefined when neither decides. */
export function contactFormat(config: { readonly format?: ContactFormat | undefined; readonly path: string }): ContactFormat | undefined {
  return config.format ?? BY_EXTENSION.find(([pattern]) => pattern.test(config.path))?.[1];
}

export const contactsConfigSchema = sourceBaseSchema
  .extend({
    type: z.literal('contacts'),
    /** One contacts file: a vCard file with any number of cards, or an Outlook CSV export. */
    path: z.string().min(1),
    /** Default: by extension (.vcf/.vcard → vcard, .csv/.txt → outlook-csv). */
    format: z.enum(CONTACT_FORMATS).optional(),
    /**
     * Overrides detection (BOM, else UTF-8 if the whole file is valid UTF-8, else windows-1252). For
     * vCard it is the charset of values without a CHARSET parameter.
     */
    encoding: encodingOptionSchema
      .optional(),
    /** Outlook CSV only: overrides the sniffed delimiter (German Outlook writes ";" or ","). */
    delimiter: delimiterOptionSchema
      .optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    const format = contactFormat(config);
    if (format === undefined) {
      ctx.addIssue({ code: 'custom', path: ['format'], message: `cannot tell the format from the file name ${config.path}: set format: vcard or format: outlook-csv` });
    } else if (format === 'vcard' && config.delimiter !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['delimiter'], message: 'delimiter applies to format: outlook-csv only' });
    }
  });

export type ContactsConfig = z.infer<typeof contactsConfigSchema>;
