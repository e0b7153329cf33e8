import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { SearchContext } from '../connector.js';
import { effectivePort, effectiveTimeouts, type ImapConfig } from './imapConfig.js';
import { classifyImapError, describeImapError, isCertificateError, type ImapFailure } from './imapErrors.js';

/** Credentials resolved from the workspace's secret references; held in memory only. */
export interface ImapAuth {
  readonly user: string;
  readonly pass?: string;
  readonly accessToken?: string;
}

/** Resolve the password or token reference. A SecretError (variable not set) propagates: the source fails. */
export async function resolveAuth(config: ImapConfig, ctx: Pick<SearchContext, 'resolveSecret'>): Promise<ImapAuth> {
  if (config.accessToken) return { user: config.user, accessToken: await ctx.resolveSecret(config.accessToken) };
  if (config.password) return { user: config.user, pass: await ctx.resolveSecret(config.password) };
  // The schema requires one of them; this only guards a config built in code without it.
  throw new Error('IMAP source without password or accessToken');
}

/** Connecting failed; `failure` says whether retrying can help (see ImapFailure). */
export class ImapConnectError extends Error {
  override readonly name = 'ImapConnectError';
  constructor(
    readonly failure: ImapFailure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One logical session with the server that survives dropped connections: `client()` hands out the
 * live connection or opens a new one (an ImapFlow instance cannot reconnect). Aborting the search
 * closes the socket, so a command in flight rejects at once instead of running into a timeout.
 */
export class ImapSession {
  readonly #config: ImapConfig;
  readonly #auth: ImapAuth;
  readonly #signal: AbortSignal;
  #client: ImapFlow | null = null;
  #received = 0;

  constructor(config: ImapConfig, auth: ImapAuth, signal: AbortSignal) {
    this.#config = config;
    this.#auth = auth;
    this.#signal = signal;
  }

  /** `host:port`, for messages. */
  get endpoint(): string {
    return `${this.#config.host}:${effectivePort(this.#config)}`;
  }

  /** Bytes received from the server over every connection of this session (benchmarks, tests). */
  get bytesReceived(): number {
    return this.#received + (this.#client?.stats().received ?? 0);
  }

  /** Whether the current connection can still run commands (false once the server dropped it). */
  get usable(): boolean {
    return this.#client?.usable ?? false;
  }

  /** The live connection, connecting first if there is none. Throws ImapConnectError. */
  async client(): Promise<ImapFlow> {
    this.#signal.throwIfAborted();
    if (this.#client?.usable) return this.#client;
    this.drop();
    const client = new ImapFlow(this.#options());
    // imapflow emits 'error' once when a live connection dies; without a listener Node would
    // turn that into an uncaught exception. The failing command rejects too, and that is where
    // the scan reacts.
    client.on('error', () => undefined);
    const onAbort = (): void => client.close();
    this.#signal.addEventListener('abort', onAbort, { once: true });
    client.once('close', () => this.#signal.removeEventListener('abort', onAbort));
    try {
      await client.connect();
    } catch (err) {
      client.close();
      this.#signal.throwIfAborted();
      throw this.#connectError(err);
    }
    this.#client = client;
    return client;
  }

  /** Forget the current connection without LOGOUT (it is broken, or we are giving up on it). */
  drop(): void {
    const client = this.#client;
    if (!client) return;
    this.#received += client.stats().received;
    this.#client = null;
    client.close();
  }

  /** LOGOUT politely (RFC 3501 §6.1.3) if the connection is still there; never throws. */
  async close(): Promise<void> {
    const client = this.#client;
    if (!client) return;
    this.#received += client.stats().received;
    this.#client = null;
    try {
      if (client.usable) await client.logout();
    } catch {
      // The session is over either way.
    } finally {
      client.close();
    }
  }

  #options(): ImapFlowOptions {
    const config = this.#config;
    const timeouts = effectiveTimeouts(config);
    return {
      host: config.host,
      port: effectivePort(config),
      secure: config.tls === true,
      // Required upgrade for `starttls`, none for cleartext: never imapflow's opportunistic
      // default, which would silently continue unencrypted if the offer were stripped.
      doSTARTTLS: config.tls === 'starttls',
      tls: { rejectUnauthorized: !config.allowSelfSigned },
      auth: this.#auth.accessToken
        ? { user: this.#auth.user, accessToken: this.#auth.accessToken }
        : { user: this.#auth.user, pass: this.#auth.pass },
      // No logger at all: imapflow's debug log would carry mailbox content, and secrets never
      // reach logs (docs/ARCHITECTURE.md "Quality bars").
      logger: false,
      // IDLE between our commands only costs round trips; we never wait for new mail.
      disableAutoIdle: true,
      // ID (RFC 2971) names the tool, not the machine or the library vendor.
      clientInfo: { name: 'Auskunft', vendor: false, 'support-url': false },
      connectionTimeout: timeouts.connectMs,
      greetingTimeout: timeouts.greetingMs,
      socketTimeout: timeouts.socketMs,
    };
  }

  #connectError(err: unknown): ImapConnectError {
    const failure = classifyImapError(err, false);
    const where = this.endpoint;
    switch (failure) {
      case 'auth':
        return new ImapConnectError('auth', `login as "${this.#auth.user}" at ${where} was refused: wrong user name, password or token (${describeImapError(err)})`);
      case 'tls':
        return new ImapConnectError(
          'tls',
          isCertificateError(err)
            ? `the TLS certificate of ${where} was not accepted (${describeImapError(err)}); if this server uses a self-signed certificate you trust, set allowSelfSigned: true for this source`
            : `TLS with ${where} failed: ${describeImapError(err)}`,
        );
      default:
        return new ImapConnectError(failure, `cannot connect to ${where}: ${describeImapError(err)}`);
    }
  }
}
