import iconv from 'iconv-lite';
import { z } from 'zod';

/**
 * The CSV overrides every text-export source accepts (tables, call lists, Outlook contacts, Jira),
 * defined once so their validation and messages cannot drift apart.
 */

/** Overrides detection (BOM, else UTF-8 if the whole file is valid UTF-8, else windows-1252). */
export const encodingOptionSchema = z
  .string()
  .min(1)
  .refine((name) => iconv.encodingExists(name), { message: 'unknown encoding (try utf-8, windows-1252, iso-8859-1)' });

/** Overrides the sniffed delimiter: one character, or `tab`. */
export const delimiterOptionSchema = z
  .string()
  .transform((d) => (d.toLowerCase() === 'tab' ? '\t' : d))
  .pipe(z.string().length(1, 'a delimiter is one character (or "tab")').refine((d) => d !== '"' && d !== '\r' && d !== '\n', 'a delimiter cannot be a quote or a line break'));
