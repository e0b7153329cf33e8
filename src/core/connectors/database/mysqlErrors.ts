import { DbError, type DbErrorKind } from './dbDriver.js';
import { firstLine, NETWORK_CODES, tlsProblem } from './dbErrors.js';

/**
 * One line for a MySQL / MariaDB failure, told apart by kind (docs/STYLE.md §8). Server error
 * numbers from the MySQL and MariaDB error references, and mysql2's and Node's client-side codes.
 * MySQL never echoes a password in a message ("using password: YES" is all it says), so the
 * server's first line is kept for the officer.
 */
const SERVER_ERRNOS: Readonly<Record<number, DbErrorKind>> = {
  1045: 'auth', // ER_ACCESS_DENIED_ERROR
  1698: 'auth', // ER_ACCESS_DENIED_NO_PASSWORD_ERROR
  1251: 'auth', // ER_NOT_SUPPORTED_AUTH_MODE
  1044: 'permission', // ER_DBACCESS_DENIED_ERROR (also for a database that does not exist)
  1142: 'permission', // ER_TABLEACCESS_DENIED_ERROR
  1143: 'permission', // ER_COLUMNACCESS_DENIED_ERROR
  1049: 'unreachable', // ER_BAD_DB_ERROR: as PostgreSQL's 3D000 in dbErrors.ts, the source cannot be read at all
  1146: 'missing-table', // ER_NO_SUCH_TABLE
  1412: 'missing-table', // ER_TABLE_DEF_CHANGED: created or altered after the snapshot was taken
  1969: 'timeout', // ER_STATEMENT_TIMEOUT (MariaDB max_statement_time)
  3024: 'timeout', // ER_QUERY_TIMEOUT (MySQL max_execution_time)
  1205: 'timeout', // ER_LOCK_WAIT_TIMEOUT
  3159: 'tls', // ER_SECURE_TRANSPORT_REQUIRED (MySQL)
  4036: 'tls', // ER_SECURE_TRANSPORT_REQUIRED (MariaDB)
  1040: 'unreachable', // ER_CON_COUNT_ERROR: too many connections
  1053: 'unreachable', // ER_SERVER_SHUTDOWN
};

const CLIENT_CODES: Readonly<Record<string, DbErrorKind>> = {
  ...NETWORK_CODES,
  PROTOCOL_CONNECTION_LOST: 'unreachable',
  HANDSHAKE_NO_SSL_SUPPORT: 'tls',
};

interface MysqlErrorLike {
  errno?: unknown;
  code?: unknown;
  sqlMessage?: unknown;
  message?: unknown;
}

/** The error mysql2 raised, as a DbError; `where` names the server (host:port/database), `table` the table read. */
export function mysqlError(error: unknown, where: string, table?: string): DbError {
  if (error instanceof DbError) return error;
  const e = (error ?? {}) as MysqlErrorLike;
  const errno = typeof e.errno === 'number' ? e.errno : undefined;
  const code = typeof e.code === 'string' ? e.code : '';
  const raw = firstLine(typeof e.sqlMessage === 'string' ? e.sqlMessage : typeof e.message === 'string' ? e.message : String(error));
  const on = table ? ` (table ${table})` : '';
  const kind = (errno !== undefined ? SERVER_ERRNOS[errno] : undefined) ?? CLIENT_CODES[code];
  if (kind === 'tls' || (!kind && tlsProblem(raw, code))) {
    if (errno === 3159 || errno === 4036) return new DbError('tls', `${where} accepts only encrypted connections: set ssl: require or verify-full`);
    if (code === 'HANDSHAKE_NO_SSL_SUPPORT') return new DbError('tls', `${where}: the server does not offer TLS, but ssl requires it (set ssl: off only if the network is trusted)`);
    return new DbError('tls', `${where}: ${tlsProblem(raw, code) ?? raw}`);
  }
  switch (kind) {
    case 'auth':
      return new DbError('auth', `${where} refused the login: wrong user or password (${raw})`);
    case 'unreachable':
      if (errno === 1049) return new DbError('unreachable', `${where}: ${raw}`);
      return new DbError('unreachable', `${where} is not reachable${on} (${code || errno}: ${raw})`, table);
    case 'permission':
      if (errno === 1044) return new DbError('permission', `${where}: no access to the database (or it does not exist): ${raw}`);
      return new DbError('permission', `permission denied${on}: the user may not read it (${raw})`, table);
    case 'missing-table':
      if (errno === 1412) return new DbError('missing-table', `table ${table ?? '?'} was created or altered after the search began, so it cannot be read as of the same moment as the others; search again (${raw})`, table);
      return new DbError('missing-table', `table ${table ?? '?'} is gone: it was dropped or renamed during the search (${raw})`, table);
    case 'timeout':
      return new DbError('timeout', `statement timeout${on}: the server took longer than the configured timeout (${raw})`, table);
    default:
      return new DbError('other', `${where}${on}: ${errno ? `${errno}: ` : code ? `${code}: ` : ''}${raw}`, table);
  }
}
