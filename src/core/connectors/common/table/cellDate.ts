/**
 * Dates in table cells, as ISO 8601. Only unambiguous forms are read: ISO (`2024-03-04`,
 * `2024-03-04 09:15`, `2024-03-04 09:15:00+00` as PostgreSQL writes it) and German (`04.03.2024`, `04.03.2024 09:15`). `03/04/2024` could be March or
 * April, so it gives no date rather than a wrong one.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

const pad = (n: number): string => String(n).padStart(2, '0');

function compose(y: number, mo: number, d: number, h?: number, mi?: number, s?: number, zone?: string): string | null {
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || mi === undefined) return day;
  if (h > 23 || mi > 59 || (s ?? 0) > 59) return null;
  // `+00`: hours only, as PostgreSQL writes a timestamptz (ISO 8601 allows it).
  const offset = zone === undefined ? '' : zone === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `${day}T${pad(h)}:${pad(mi)}:${pad(s ?? 0)}${offset}`;
}

const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));

/** The ISO form of a date cell, or null when the text is not an unambiguous date. */
export function parseCellDate(text: string): string | null {
  const value = text.trim();
  const iso = ISO.exec(value);
  if (iso) return compose(Number(iso[1]), Number(iso[2]), Number(iso[3]), num(iso[4]), num(iso[5]), num(iso[6]), iso[7]);
  const de = GERMAN.exec(value);
  if (de) return compose(Number(de[3]), Number(de[2]), Number(de[1]), num(de[4]), num(de[5]), num(de[6]));
  return null;
}

/**
 * An Excel date as ISO. Excel stores wall-clock time without a zone; exceljs hands it over as a UTC
 * Date, so the UTC fields are the wall clock. Midnight gives a plain date.
 */
export function formatExcelDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  const s = date.getUTCSeconds();
  return h || m || s ? `${day}T${pad(h)}:${pad(m)}:${pad(s)}` : day;
}
