/** A link longer than this is shown as its host: tracking links run to hundreds of characters. */
export const LONG_URL_CHARS = 50;

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'\]]+/gi;

/** The long http(s) links in a text, with their host ("[Link: example.com]" in the review). */
export function longUrls(text: string): { start: number; end: number; url: string; host: string }[] {
  const out: { start: number; end: number; url: string; host: string }[] = [];
  for (const m of text.matchAll(URL_PATTERN)) {
    const url = m[0].replace(/[.,;:!?)]+$/, '');
    if (url.length <= LONG_URL_CHARS) continue;
    let host: string;
    try {
      host = new URL(url).hostname.replace(/^www\./, '');
    } catch {
      continue;
    }
    out.push({ start: m.index, end: m.index + url.length, url, host });
  }
  return out;
}
