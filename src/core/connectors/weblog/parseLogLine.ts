import { parseLogTime } from './logTime.js';

/** The fields every recognised line has: `%h %l %u %t`, optionally after a `%v:%p` vhost. */
export interface LogLinePrefix {
  /** Client address(es): `%h`, or an X-Forwarded-For list ("10.0.0.5, 192.0.2.44") logged in its place. */
  readonly hosts: string[];
  /** `vhost_combined`: the server name and port in front. */
  readonly vhost?: string;
  readonly ident: string;
  readonly user: string;
  /** `%t` as written, without brackets. */
  readonly time: string;
  /** `%t` as ISO 8601 with the logged offset. */
  readonly date: string;
}

/** A combined, common or vhost_combined line. Quoted fields are still escaped as in the log. */
export interface ParsedLogLine extends LogLinePrefix {
  readonly kind: 'parsed';
  readonly format: 'combined' | 'common';
  readonly request: string;
  readonly status: string;
  readonly bytes: string;
  readonly referer?: string;
  readonly userAgent?: string;
  /** Fields a custom format appended after the user agent (e.g. `%D`), as written. */
  readonly extra?: string;
}

/** The line starts like a log line but breaks off (cut by a crash or a full disk). */
export interface TruncatedLogLine extends LogLinePrefix {
  readonly kind: 'truncated';
  /** Whatever follows the time, as written. */
  readonly rest: string;
}

const PREFIX = /^(?<pre>\S.*?)\s+(?<ident>\S+)\s+(?<user>\S+)\s+\[(?<time>[^\]]+)\](?:\s+(?<rest>.*))?$/;
const QUOTED = '"((?:[^"\\\\]|\\\\.)*)"';
const REST = new RegExp(`^${QUOTED}\\s+(\\d{3}|-)\\s+(\\d+|-)(?:\\s+${QUOTED}\\s+${QUOTED})?(\\s.*)?$`);
/** A host token: an IP (v4, v6, mapped, with zone), a host name, or "-"/"unknown" from a proxy. */
const HOST = /^(?:\[[0-9A-Fa-f:.%\w]+\]|[0-9A-Za-z._:%-]+)$/;

/**
 * Reads an Apache/nginx access-log line in combined, common or vhost_combined format (with an
 * X-Forwarded-For list in place of `%h`, or an ISO time). Returns null for a line that is none of
 * these; the caller warns and still searches it as raw text.
 */
export function parseLogLine(line: string): ParsedLogLine | TruncatedLogLine | null {
  const prefix = PREFIX.exec(line)?.groups;
  if (!prefix) return null;
  const date = parseLogTime(prefix.time ?? '');
  if (!date) return null;
  const groups = (prefix.pre ?? '').replace(/\s*,\s*/g, ',').split(/\s+/);
  if (groups.length > 2) return null;
  const vhost = groups.length === 2 ? groups[0] : undefined;
  const hosts = (groups[groups.length - 1] ?? '').split(',').filter(Boolean);
  if (!hosts.length || !hosts.every((h) => HOST.test(h)) || (vhost !== undefined && !HOST.test(vhost))) return null;
  const base: LogLinePrefix = {
    hosts,
    ...(vhost === undefined ? {} : { vhost }),
    ident: prefix.ident ?? '-',
    user: prefix.user ?? '-',
    time: prefix.time ?? '',
    date,
  };
  const rest = prefix.rest ?? '';
  const m = REST.exec(rest);
  if (!m) return { ...base, kind: 'truncated', rest };
  const [, request = '', status = '-', bytes = '-', referer, userAgent, extra] = m;
  return {
    ...base,
    kind: 'parsed',
    format: referer === undefined ? 'common' : 'combined',
    request,
    status,
    bytes,
    ...(referer === undefined ? {} : { referer }),
    ...(userAgent === undefined ? {} : { userAgent }),
    ...(extra?.trim() ? { extra: extra.trim() } : {}),
  };
}

/** `GET /path HTTP/1.1` split up, or undefined for anything else ("-", TLS bytes, junk). */
export function splitRequest(request: string): { method: string; target: string; protocol?: string } | undefined {
  const m = /^([A-Z][A-Z0-9_-]*) (\S+)(?: (HTTP\/[\d.]+))?$/.exec(request);
  if (!m?.[1] || !m[2]) return undefined;
  return m[3] ? { method: m[1], target: m[2], protocol: m[3] } : { method: m[1], target: m[2] };
}
