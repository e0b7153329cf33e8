/**
 * What went wrong talking to the server, in the terms the connector acts on:
 * - `auth`: the server refused the credentials. Retrying cannot help, and hammering a server with a
 *   wrong password can lock the account.
 * - `tls`: the certificate or handshake was refused. Retrying cannot help; only the officer can
 *   decide to trust the certificate (`allowSelfSigned`).
 * - `connection`: the connection is gone or never came up (reset, refused, timeout, server
 *   restart, BYE). Reconnect with backoff and resume.
 * - `command`: the connection is fine but one command failed (NO/BAD, e.g. a mailbox deleted while
 *   we ran). Skip what that command covered, report it, go on.
 */
export type ImapFailure = 'auth' | 'tls' | 'connection' | 'command';

/** Node's codes for a certificate that did not verify (crypto/x509 and tls.checkServerIdentity). */
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

/** Codes that mean the transport, not the command, failed. */
const CONNECTION_CODES = new Set([
  'NoConnection',
  'EConnectionClosed',
  'ClosedAfterConnectText',
  'ClosedAfterConnectTLS',
  'StateLogout',
  'CONNECT_TIMEOUT',
  'GREETING_TIMEOUT',
  'UPGRADE_TIMEOUT',
  'ETIMEOUT',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ERR_SOCKET_CLOSED',
  'ERR_STREAM_DESTROYED',
]);

interface ErrorFields {
  code?: unknown;
  authenticationFailed?: unknown;
  tlsFailed?: unknown;
  serverResponseCode?: unknown;
  responseText?: unknown;
}

/** Classify an error thrown by imapflow. `usable` is the client's state right after the failure. */
export function classifyImapError(err: unknown, usable: boolean): ImapFailure {
  const e = (err ?? {}) as ErrorFields;
  const code = typeof e.code === 'string' ? e.code : '';
  if (e.authenticationFailed === true || e.serverResponseCode === 'AUTHENTICATIONFAILED' || code === 'AuthenticationFailure') return 'auth';
  if (CERTIFICATE_CODES.has(code)) return 'tls';
  if (e.tlsFailed === true || code === 'STARTTLS_INJECTION') return 'tls';
  if (CONNECTION_CODES.has(code)) return 'connection';
  // A NO/BAD answer leaves the session usable; anything that killed the session counts as a
  // dropped connection, so an unknown error never skips content without a retry.
  return usable ? 'command' : 'connection';
}

/** Whether this is a certificate problem the officer can opt out of with `allowSelfSigned`. */
export function isCertificateError(err: unknown): boolean {
  const code = (err as ErrorFields | null)?.code;
  return typeof code === 'string' && CERTIFICATE_CODES.has(code);
}

/**
 * A one-line reason for the source report. Never includes the request that failed: imapflow's
 * `executedCommand` may carry the LOGIN arguments, and secrets never reach logs or exports.
 */
export function describeImapError(err: unknown): string {
  const e = (err ?? {}) as ErrorFields & { message?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const server = typeof e.responseText === 'string' && e.responseText ? e.responseText : undefined;
  const message = typeof e.message === 'string' ? e.message : String(err);
  const parts = [server ?? message];
  if (code && !parts[0]!.includes(code)) parts.push(`(${code})`);
  return parts.join(' ');
}
