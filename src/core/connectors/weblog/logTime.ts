const MONTHS: Readonly<Record<string, number>> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** Apache/nginx `%t` / `$time_local`: `04/Mar/2024:09:15:02 +0100` (English month names). */
const CLF_TIME = /^(\d{2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?:\.\d+)? ([+-])(\d{2})(\d{2})$/;
/** A custom format's ISO time (`%{%Y-%m-%dT%H:%M:%S%z}t`, nginx `$time_iso8601`). */
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

const pad = (n: number): string => String(n).padStart(2, '0');

function valid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d && h < 24 && mi < 60 && s < 61;
}

/** The log time as ISO 8601 with the server's offset kept (`2024-03-04T09:15:02+01:00`), or null. */
export function parseLogTime(text: string): string | null {
  const clf = CLF_TIME.exec(text.trim());
  if (clf) {
    const [, d, mon, y, h, mi, s, sign, oh, om] = clf;
    const month = MONTHS[(mon ?? '').toLowerCase()];
    if (!month || !valid(Number(y), month, Number(d), Number(h), Number(mi), Number(s))) return null;
    return `${y}-${pad(month)}-${d}T${h}:${mi}:${s}${sign}${oh}:${om}`;
  }
  const iso = ISO_TIME.exec(text.trim());
  if (iso) {
    const [, y, mo, d, h, mi, s, zone = 'Z'] = iso;
    if (!valid(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s))) return null;
    const offset = zone === 'Z' || zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    return `${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`;
  }
  return null;
}
