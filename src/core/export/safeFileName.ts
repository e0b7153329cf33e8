import { isAbsolute, relative, resolve } from 'node:path';

/**
 * Longest file name written, in UTF-8 bytes. Most file systems allow 255 bytes per name; staying well
 * below leaves room for a "-2" suffix and keeps whole paths under Windows' classic 260-character
 * limit when the package is unpacked in a deep folder.
 */
export const MAX_FILE_NAME_BYTES = 120;

/** Names Windows reserves for devices, with or without an extension ("CON.txt" is reserved too). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;

/**
 * A file name from hostile input (a mail's subject, an attachment's name, a recording's path) that is
 * safe on Windows, macOS and Linux: no path separators or `..`, no control or reserved characters, no
 * device names, no leading dots or trailing dots and spaces, at most MAX_FILE_NAME_BYTES, and never
 * empty. The extension is kept where possible, so the file still opens with the right program.
 * @example safeFileName('../../etc/passwd') // 'etc_passwd'
 */
export function safeFileName(name: string, fallback = 'datei'): string {
  let base = name
    .normalize('NFC')
    // Only the last path segment: an attachment named "C:\\x\\..\\y.txt" or "a/b.txt" is a name, not a path.
    .split(/[/\\]/)
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .join('_')
    // Control characters, and the characters Windows forbids in names.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*]/g, '_')
    // Bidi overrides and zero-width characters let a name pretend another extension ("exe.txt").
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  base = truncateUtf8(base, MAX_FILE_NAME_BYTES);
  return base || fallback;
}

/** Cut a name to `maxBytes` of UTF-8, keeping a short extension and never splitting a character. */
export function truncateUtf8(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  let stem = name.slice(0, name.length - ext.length);
  const budget = maxBytes - Buffer.byteLength(ext);
  // Drop whole code points (for...of walks code points, not UTF-16 units) until the stem fits.
  const points = [...stem];
  while (points.length > 0 && Buffer.byteLength(points.join('')) > budget) points.pop();
  stem = points.join('').replace(/[.\s]+$/, '');
  return `${stem}${ext}`;
}

/**
 * Pick a name that is not taken yet in one folder. Comparison ignores case and Unicode form, as
 * Windows and macOS do, so "Bericht.pdf" and "bericht.pdf" do not overwrite each other there.
 */
export function uniqueName(name: string, taken: Set<string>): string {
  const key = (n: string) => n.normalize('NFC').toLowerCase();
  let candidate = name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let i = 2; taken.has(key(candidate)); i++) candidate = `${truncateUtf8(stem, MAX_FILE_NAME_BYTES - 8 - Buffer.byteLength(ext))}-${i}${ext}`;
  taken.add(key(candidate));
  return candidate;
}

/** Join a sanitized relative path to a folder, and refuse it if it would still end up outside. */
export function insideFolder(folder: string, ...parts: string[]): string {
  const target = resolve(folder, ...parts);
  const rel = relative(resolve(folder), target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new Error(`refusing to write outside ${folder}: ${parts.join('/')}`);
  return target;
}
