/**
 * A locator as one line for the review's "Fundstelle" and the CLI's warnings:
 * `path: 2024/a.eml, offset: 0`, or `table: public.orders, key: (id=42)` for a database row, whose
 * key is an object (composite keys: `(region=3, nr=7)`). No zod here: the renderer imports it.
 */
export function locatorLine(locator: Readonly<Record<string, unknown>>): string {
  return Object.entries(locator)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${valueText(v)}`)
    .join(', ');
}

function valueText(value: unknown): string {
  return value !== null && typeof value === 'object' ? `(${keyText(value as Readonly<Record<string, unknown>>)})` : String(value);
}

/** A database row's key as the review, the letter and file names show it: `id=42`, `region=3, nr=7`. */
export function keyText(key: Readonly<Record<string, unknown>>): string {
  return Object.entries(key)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}
