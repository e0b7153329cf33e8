import { z } from 'zod';
import { LEGAL_BASIS_CODES } from './legalBasis.js';
import { localizedTextSchema } from './localizedText.js';

/**
 * The shape of `register.yaml` (docs/ARCHITECTURE.md "Register"). Each activity carries what Art. 15(1)(a)–(h)
 * and 15(2) oblige the controller to tell the data subject; the loader adds the checks that span
 * several fields (unique ids, known categories).
 */

/** A field the officer must write: a missing one reads "required", not zod's type jargon. */
const requiredError = (expected: string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? 'required' : `expected ${expected}`;

/**
 * Source types a register may name as defaults (the workspace `type`s in docs/ARCHITECTURE.md). Listed here,
 * not taken from the connector registry, so that a typo like `mobx` fails at load time instead of
 * silently leaving a source without an activity.
 */
export const REGISTER_SOURCE_TYPES = ['mbox', 'eml', 'maildir', 'imap', 'table', 'calls', 'tickets', 'weblog', 'documents', 'outlook', 'database'] as const;
export type RegisterSourceType = (typeof REGISTER_SOURCE_TYPES)[number];

/**
 * EU and EEA states (ISO 3166-1 alpha-2, plus the EU's `EL` for Greece). A transfer into them is no
 * transfer to a third country (Art. 44), so listing one under `transfers` is a mistake that would put
 * a false Art. 15(2) statement into the letter.
 */
const EEA_COUNTRIES: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'EL', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
  'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
]);

/** Kebab-case, as in docs/ARCHITECTURE.md (`contact-email`): workspace sources refer to activities by it. */
const activityIdSchema = z
  .string({ error: requiredError('an activity id') })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and "-" (e.g. contact-email)');

/** Dotted, as in docs/ARCHITECTURE.md (`contact.email`): findings carry these ids into the export. */
const categoryIdSchema = z
  .string({ error: requiredError('a category id') })
  .regex(/^[a-z0-9_]+(?:\.[a-z0-9_]+)+$/, 'use dotted lower-case words (e.g. contact.email)');

export const categorySchema = z
  .strictObject({
    id: categoryIdSchema,
    name: localizedTextSchema,
  })
  .readonly();
export type Category = z.infer<typeof categorySchema>;

const legalBasisSchema = z.enum(LEGAL_BASIS_CODES, {
  error: (iss) =>
    iss.input === undefined
      ? 'required'
      : `unknown legal basis ${JSON.stringify(iss.input)} (use codes like "6(1)(b)", "9(2)(a)" or "88(1)+§26 BDSG")`,
});

/** Art. 15(1)(c): who receives the data, by name where known (EDPB Guidelines 01/2022). */
export const recipientSchema = z
  .strictObject({
    name: localizedTextSchema,
    role: z.enum(['processor', 'controller', 'authority'], {
      error: (iss) => (iss.input === undefined ? 'required' : 'use processor, controller or authority'),
    }),
  })
  .readonly();
export type Recipient = z.infer<typeof recipientSchema>;

/** Art. 15(2): a transfer to a third country and the safeguard it relies on (Art. 45–49). */
export const transferSchema = z
  .strictObject({
    country: z
      .string({ error: requiredError('a country code') })
      .regex(/^[A-Z]{2}$/, 'use an ISO 3166-1 alpha-2 code in capitals (e.g. US)')
      .refine((c) => !EEA_COUNTRIES.has(c), {
        error: (iss) => `${String(iss.input)} is in the EU/EEA: list only third countries (Art. 44 GDPR)`,
      }),
    recipient: localizedTextSchema,
    safeguard: localizedTextSchema,
  })
  .readonly();
export type Transfer = z.infer<typeof transferSchema>;

export const activitySchema = z
  .strictObject({
    id: activityIdSchema,
    name: localizedTextSchema,
    // Art. 15(1)(a)
    purposes: z.array(localizedTextSchema, { error: requiredError('a list of purposes') }).min(1, 'name at least one purpose').readonly(),
    // Art. 15(1)(b)
    categories: z.array(categoryIdSchema, { error: requiredError('a list of category ids') }).min(1, 'name at least one category').readonly(),
    // Art. 13(1)(c)/14(1)(c): not in Art. 15(1) itself, but the letter states it and Art. 9(2) needs checking.
    legalBasis: z.array(legalBasisSchema, { error: requiredError('a list of legal basis codes') }).min(1, 'name at least one legal basis').readonly(),
    // Art. 15(1)(c): explicit, so that "no recipients" is a statement, not a forgotten field.
    recipients: z.array(recipientSchema, { error: requiredError('a list of recipients (may be [])') }).readonly(),
    // Art. 15(2): omitted means no third-country transfer.
    transfers: z.array(transferSchema, { error: requiredError('a list of transfers') }).readonly().default([]),
    // Art. 15(1)(d): the period, or the criteria for it.
    retention: localizedTextSchema,
    // Art. 15(1)(g): where the data came from; `data-subject` for "from you". Omitted: the register does
    // not say, which the letter states as such and the internal report lists as a gap to complete.
    source: localizedTextSchema.optional(),
    // Art. 5(1)(e): the longest a record of this activity may exist, in days, backups included (log lines
    // kept 7 days, backups 21: 28). Records older than this are named in the internal report.
    retentionDays: z.number({ error: requiredError('a number of days') }).int('a whole number of days').positive('more than 0 days').optional(),
    // For data held by a recipient or provider (processors, register-only services): how the person can
    // obtain it, or that we requested it. Omitted: a sentence by the recipient's role.
    access: localizedTextSchema.optional(),
    // Art. 15(1)(h): `true` alone would say nothing about "the logic involved", so a text is required.
    automatedDecisions: z.union([z.literal(false), localizedTextSchema], {
      error: (iss) =>
        iss.input === undefined ? 'required' : 'use false, or a text describing the logic involved and its consequences (Art. 15(1)(h))',
    }),
    // false: register-only, e.g. Google Analytics; the letter gives the information but no copy.
    localCopy: z.boolean({ error: requiredError('true or false') }),
    // A workspace source of one of these types without `activities:` defaults to this activity.
    sourceTypes: z
      .array(
        z.enum(REGISTER_SOURCE_TYPES, {
          error: (iss) => `unknown source type ${JSON.stringify(iss.input)} (use ${REGISTER_SOURCE_TYPES.join(', ')})`,
        }),
        { error: requiredError('a list of source types') },
      )
      .readonly()
      .default([]),
  })
  .readonly();
export type Activity = z.infer<typeof activitySchema>;

/** The `source` keyword for data collected from the data subject (Art. 15(1)(g)). */
export const SOURCE_DATA_SUBJECT = 'data-subject';

export const registerSchema = z
  .strictObject(
    {
      activities: z.array(activitySchema, { error: requiredError('a list of activities') }).min(1, 'name at least one activity').readonly(),
      categories: z.array(categorySchema, { error: requiredError('a list of categories') }).min(1, 'name at least one category').readonly(),
    },
    { error: () => 'expected a register with `activities` and `categories`' },
  )
  .readonly();
export type Register = z.infer<typeof registerSchema>;
