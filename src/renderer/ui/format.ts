/** Dates as the officer reads them: 31.01.2026 in German, 2026-01-31 otherwise. */
export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  const day = iso.slice(0, 10);
  const [y, m, d] = day.split('-');
  if (!y || !m || !d) return iso;
  return lang === 'de' ? `${d}.${m}.${y}` : day;
}

export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * Whole numbers with thousands separators: 50.000 in German, 50,000 otherwise. Done by hand because
 * the first `toLocaleString` of a page loads ICU's number data, 40–80 ms on the review screen's first
 * paint; other numbers still go through Intl.
 */
export function formatNumber(n: number, lang: string): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB');
  const digits = String(Math.abs(n));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'de' ? '.' : ',');
  return n < 0 ? `-${grouped}` : grouped;
}

export function formatDuration(seconds: number | null, lang: string): string {
  if (seconds === null) return '';
  if (seconds < 60) return lang === 'de' ? `${seconds} s` : `${seconds}s`;
  const minutes = Math.round(seconds / 60);
  return lang === 'de' ? `${minutes} min` : `${minutes} min`;
}

/** A file size as the officer reads it: "131 KB", "2,4 MB" (1 KB = 1024 bytes, as file managers count). */
export function formatBytes(bytes: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const text = value.toFixed(digits);
  return `${lang === 'de' ? text.replace('.', ',') : text} ${units[unit]}`;
}
