import { DbError, type DbErrorKind } from './dbDriver.js';

/**
 * One line for a database failure, told apart by kind (docs/STYLE.md §8: a clear error, no stack).
 * PostgreSQL SQLSTATEs (Appendix A of its manual) and Node's socket errors; the message never
 * carries the password, a query or a stack. `table` is set when the failure concerns one table.
 */
const PG_CODES: Readonly<Record<string, DbErrorKind>> = {
  '28P01': 'auth', // invalid_password
  '28000': 'auth', // invalid_authorization_specification (no pg_hba entry; see tls below)
  '3D000': 'unreachable', // invalid_catalog_name: the database does not exist
  '42501': 'permission', // insufficient_privilege
  '42P01': 'missing-table', // undefined_table
  '3F000': 'missing-table', // invalid_schema_name
  '57014': 'timeout', // query_canceled (statement_timeout)
  '55P03': 'timeout', // lock_not_available
  '57P01': 'unreachable', // admin_shutdown
  '57P03': 'unreachable', // cannot_connect_now (starting up)
  '53300': 'unreachable', // too_many_connections
};

/** Node's socket and DNS error codes, the same for every driver. */
export const NETWORK_CODES: Readonly<Record<string, DbErrorKind>> = {
  ECONNREFUSED: 'unreachable',
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
  ETIMEDOUT: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ECONNRESET: 'unreachable',
  EPIPE: 'unreachable',
};

interface ErrorLike {
  code?: unknown;
  message?: unknown;
}

/** The error a PostgreSQL client raised, as a DbError; `where` names the server, `table` the table read. */
export function postgresError(error: unknown, where: string, table?: string): DbError {
  if (error instanceof DbError) return error;
  const e = (error ?? {}) as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  const raw = firstLine(typeof e.message === 'string' ? e.message : String(error));
  const on = table ? ` (table ${table})` : '';
  // A pg_hba.conf "no encryption" rejection is the server requiring TLS, not a wrong password.
  if (code === '28000' && /no encryption/i.test(raw)) return new DbError('tls', `${where} accepts only encrypted connections: set ssl: require or verify-full`);
  const tls = tlsProblem(raw, code);
  if (tls) return new DbError('tls', `${where}: ${tls}`);
  const kind = PG_CODES[code] ?? NETWORK_CODES[code];
  switch (kind) {
    case 'auth':
      return new DbError('auth', `${where} refused the login: wrong user or password (${raw})`);
    case 'unreachable':
      return new DbError('unreachable', code === '3D000' ? `${where}: ${raw}` : `${where} is not reachable (${code}: ${raw})`);
    case 'permission':
      return new DbError('permission', `permission denied${on}: the user may not read it (${raw})`, table);
    case 'missing-table':
      return new DbError('missing-table', `table ${table ?? '?'} is gone: it was dropped or renamed during the search (${raw})`, table);
    case 'timeout':
      return new DbError('timeout', `statement timeout${on}: the server took longer than the configured timeout (${raw})`, table);
    default:
      if (/timeout expired|Connection terminated due to connection timeout/i.test(raw)) return new DbError('unreachable', `${where} is not reachable (connection timed out)`);
      if (/Connection terminated/i.test(raw)) return new DbError('unreachable', `${where} closed the connection${on} (${raw})`, table);
      return new DbError('other', `${where}${on}: ${code ? `${code}: ` : ''}${raw}`, table);
  }
}

/** A TLS failure in words, or undefined. Exported for other network drivers. */
export function tlsProblem(message: string, code = ''): string | undefined {
  if (/does not support SSL|server does not support ssl/i.test(message)) return 'the server does not offer TLS, but ssl requires it (set ssl: off only if the network is trusted)';
  if (/self[- ]signed|unable to verify|certificate|CERT_|DEPTH_ZERO|ERR_TLS|Hostname\/IP does not match/i.test(message) || /^(ERR_TLS|CERT_|DEPTH_ZERO|UNABLE_TO_VERIFY|SELF_SIGNED)/.test(code)) {
    return `the server's TLS certificate was not accepted (${message})`;
  }
  return undefined;
}

/** The first line: server messages may carry a DETAIL or a query after a newline. */
export function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim();
}
