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
