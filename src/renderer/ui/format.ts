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

export function formatNumber(n: number, lang: string): string {
  return n.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB');
}

export function formatDuration(seconds: number | null, lang: string): string {
  if (seconds === null) return '';
  if (seconds < 60) return lang === 'de' ? `${seconds} s` : `${seconds}s`;
  const minutes = Math.round(seconds / 60);
  return lang === 'de' ? `${minutes} min` : `${minutes} min`;
}
