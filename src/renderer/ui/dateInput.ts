/**
 * Dates typed by the officer: TT.MM.JJJJ in German (31.01.2026, also 1.2.2026), YYYY-MM-DD in either
 * language. A text field and not `<input type="date">`, whose format follows the browser's locale
 * (12/07/2026 in an English Chromium) instead of the app's language.
 */
export function parseDateInput(text: string): string | null {
  const s = text.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const [y, m, d] = german ? [german[3], german[2], german[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return null;
  const value = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${value}T00:00:00Z`);
  // 31.02.2026 parses to 3 March: refuse it rather than silently move the deadline.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}

/** An ISO date as the field shows it: 31.01.2026 in German, 2026-01-31 otherwise (as ui/format.ts formatDate). */
export function formatDateInput(iso: string, lang: string): string {
  const [y, m, d] = iso.split('-');
  return lang === 'de' && y && m && d ? `${d}.${m}.${y}` : iso;
}
