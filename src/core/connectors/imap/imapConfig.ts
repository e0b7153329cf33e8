import { z } from 'zod';
import { secretRefSchema, sourceBaseSchema, type SecretRef } from '../connector.js';

/** Default timeouts. Bounded so a dead server fails the source instead of hanging the search. */
export const DEFAULT_TIMEOUTS = {
  /** TCP + TLS handshake. */
  connectMs: 30_000,
  /** The `* OK` greeting (RFC 3501 §7.1): a half-open port or a tarpit never sends one. */
  greetingMs: 15_000,
  /** Silence on an open connection; a large part still streams, so only a stall trips this. */
  socketMs: 120_000,
} as const;

/** Default reconnect policy after a dropped connection: 3 attempts, backoff 1 s, 2 s, 4 s. */
export const DEFAULT_RECONNECT = { attempts: 3, delayMs: 1_000 } as const;

/**
 * A credential as the workspace names it. A literal string gets its own message instead of zod's
 * "Invalid input": the officer must learn why, not only that (the workspace file is shared, backed
 * up and versioned; a password in it leaks with every copy).
 */
function credentialSchema(field: string) {
  return z.unknown().transform((value, ctx): SecretRef => {
    if (typeof value === 'string') {
      ctx.addIssue({
        code: 'custom',
        message: `a literal ${field} is not allowed: the workspace file is shared and backed up, so secrets never go into it; write { env: VARIABLE } or { keychain: NAME }`,
      });
      return z.NEVER;
    }
    const ref = secretRefSchema.safeParse(value);
    if (!ref.success) {
      ctx.addIssue({ code: 'custom', message: `${field} must be { env: VARIABLE } or { keychain: NAME }` });
      return z.NEVER;
    }
    return ref.data;
  });
}

const positiveMs = z.number().int().positive().max(3_600_000);

export const imapConfigSchema = sourceBaseSchema
  .extend({
    type: z.literal('imap'),
    host: z.string().trim().min(1),
    /** Default 993 with implicit TLS, 143 otherwise. */
    port: z.number().int().min(1).max(65535).optional(),
    /**
     * true (default): implicit TLS (RFC 8314). `starttls`: plaintext connect, then a required
     * STARTTLS upgrade (RFC 3501 §6.2.1); no silent fallback to cleartext. false: cleartext.
     */
    tls: z.union([z.boolean(), z.literal('starttls')]).default(true),
    /**
     * Accept a certificate that does not verify (self-signed, wrong host name). Explicit opt-in:
     * it turns off the protection against a machine in the middle reading the mailbox password.
     */
    allowSelfSigned: z.boolean().default(false),
    user: z.string().min(1),
    password: credentialSchema('password').optional(),
    /** OAuth 2 access token (Microsoft 365, Gmail): AUTHENTICATE OAUTHBEARER (RFC 7628) or XOAUTH2, whichever the server offers. */
    accessToken: credentialSchema('accessToken').optional(),
    /** `all` (default): every selectable mailbox. Otherwise decoded names such as `Archiv/2023`. */
    mailboxes: z.union([z.literal('all'), z.array(z.string().min(1)).min(1)]).default('all'),
    timeouts: z
      .object({ connectMs: positiveMs.optional(), greetingMs: positiveMs.optional(), socketMs: positiveMs.optional() })
      .strict()
      .optional(),
    reconnect: z
      .object({ attempts: z.number().int().min(0).max(10).optional(), delayMs: z.number().int().min(0).max(60_000).optional() })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.password && config.accessToken) {
      ctx.addIssue({ code: 'custom', path: ['accessToken'], message: 'give either password or accessToken, not both' });
    } else if (!config.password && !config.accessToken) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'an IMAP source needs password: { env: VARIABLE } (or accessToken for OAuth 2)' });
    }
    if (config.allowSelfSigned && config.tls === false) {
      ctx.addIssue({ code: 'custom', path: ['allowSelfSigned'], message: 'allowSelfSigned has no effect with tls: false (there is no certificate to check)' });
    }
  });

export type ImapConfig = z.infer<typeof imapConfigSchema>;

/** The port actually used: the configured one, or the IANA default for the TLS mode. */
export function effectivePort(config: Pick<ImapConfig, 'port' | 'tls'>): number {
  return config.port ?? (config.tls === true ? 993 : 143);
}

export function effectiveTimeouts(config: Pick<ImapConfig, 'timeouts'>): { connectMs: number; greetingMs: number; socketMs: number } {
  return { ...DEFAULT_TIMEOUTS, ...definedOnly(config.timeouts ?? {}) };
}

export function effectiveReconnect(config: Pick<ImapConfig, 'reconnect'>): { attempts: number; delayMs: number } {
  return { ...DEFAULT_RECONNECT, ...definedOnly(config.reconnect ?? {}) };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
