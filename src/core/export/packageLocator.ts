import type { Locator } from '../../shared/findings.js';
import type { SourceBase } from '../connectors/connector.js';

/**
 * A record's locator as the person reads it in the package (data.json, the letter): its path relative
 * to the root of its source, never a path of the officer's machine (`/home/…/archive.mbox`). The
 * source itself is named by its id beside the locator. The internal report keeps the full locator,
 * which is what the officer needs to find the record again.
 */
export function packageLocator(locator: Locator, source: SourceBase | undefined): Locator {
  if (locator.path === undefined) return locator;
  return { ...locator, path: pathBelowSource(locator.path, sourcePath(source)) };
}

/** `path` relative to the source's configured `path`; a file source's own file is its file name. */
export function pathBelowSource(path: string, root: string | undefined): string {
  const p = path.replace(/\\/g, '/');
  const base = root?.replace(/\\/g, '/').replace(/\/+$/, '');
  if (base) {
    if (p === base) return lastPart(p);
    if (p.startsWith(`${base}/`)) return p.slice(base.length + 1);
  }
  // Not below the source (a path a connector built otherwise): only the file's name can be shown
  // without saying where on the machine it lies.
  return lastPart(p);
}

function lastPart(path: string): string {
  return path.split('/').filter(Boolean).pop() ?? '';
}

function sourcePath(source: SourceBase | undefined): string | undefined {
  const path = (source as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? path : undefined;
}
