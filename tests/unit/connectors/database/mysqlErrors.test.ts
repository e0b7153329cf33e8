import { describe, expect, it } from 'vitest';
import { columnKind } from '../../../../src/core/connectors/database/mysqlDriver.js';
import { mysqlError } from '../../../../src/core/connectors/database/mysqlErrors.js';

/**
 * The MySQL side of the mysql driver that a MariaDB test server cannot produce: MySQL's own error
 * numbers (3024 timeout, 3159 TLS required), client-side TLS codes, and MySQL's native JSON type.
 */
const WHERE = 'MySQL db.example:3306/crm';

interface RawError {
  errno?: number;
  code?: string;
  sqlMessage?: string;
  message?: string;
}

describe('mysqlError', () => {
  it.each<[RawError, string, string | undefined]>([
    [{ errno: 1045, sqlMessage: "Access denied for user 'ro'@'10.0.0.1' (using password: YES)" }, 'auth', undefined],
    [{ errno: 1142, sqlMessage: "SELECT command denied to user 'ro'@'10.0.0.1' for table 'crm'.'hr'" }, 'permission', 'crm.hr'],
    [{ errno: 1146, sqlMessage: "Table 'crm.hr' doesn't exist" }, 'missing-table', 'crm.hr'],
    [{ errno: 3024, sqlMessage: 'Query execution was interrupted, maximum statement execution time exceeded' }, 'timeout', 'crm.hr'],
    [{ errno: 1969, sqlMessage: 'Query execution was interrupted (max_statement_time exceeded)' }, 'timeout', 'crm.hr'],
    [{ errno: 3159, sqlMessage: 'Connections using insecure transport are prohibited while --require_secure_transport=ON.' }, 'tls', undefined],
    [{ code: 'HANDSHAKE_NO_SSL_SUPPORT', message: 'Server does not support secure connection' }, 'tls', undefined],
    [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }, 'tls', undefined],
    [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID', message: "Hostname/IP does not match certificate's altnames" }, 'tls', undefined],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.5:3306' }, 'unreachable', undefined],
    [{ code: 'ETIMEDOUT', message: 'connect ETIMEDOUT' }, 'unreachable', undefined],
    [{ errno: 1049, sqlMessage: "Unknown database 'crm'" }, 'unreachable', undefined],
    [{ errno: 1064, sqlMessage: 'You have an error in your SQL syntax' }, 'other', 'crm.hr'],
  ])('%o is %s', (raw, kind, table) => {
    const err = mysqlError(Object.assign(new Error(String(raw.sqlMessage ?? raw.message)), raw), WHERE, table);
    expect(err.kind).toBe(kind);
    expect(err.table).toBe(table);
    expect(err.message).not.toContain('\n');
    expect(err.message).toContain(table ?? WHERE);
  });

  it('keeps only the first line of a server message', () => {
    expect(mysqlError({ errno: 1064, sqlMessage: 'syntax error\nnear SELECT secret' }, WHERE).message).toBe(`${WHERE}: 1064: syntax error`);
  });
});

describe('columnKind', () => {
  it.each([
    ['varchar', 'varchar(200)', 'text'],
    ['enum', "enum('a','b')", 'text'],
    ['longtext', 'longtext', 'text'],
    ['inet6', 'inet6', 'text'],
    ['json', 'json', 'json'],
    ['int', 'int(11)', 'number'],
    ['decimal', 'decimal(12,2)', 'number'],
    ['bigint', 'bigint(20) unsigned', 'number'],
    ['blob', 'blob', 'binary'],
    ['varbinary', 'varbinary(16)', 'binary'],
    ['binary', 'binary(16)', 'binary'],
    ['datetime', 'datetime', 'other'],
    ['bit', 'bit(1)', 'other'],
    ['point', 'point', 'other'],
  ])('%s (%s) is %s', (dataType, columnType, kind) => {
    expect(columnKind(dataType, columnType)).toBe(kind);
  });
});
