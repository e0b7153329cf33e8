/**
 * An unusable config, subject or register file. The CLI prints `toString()` as one line and exits 2
 * (docs/ARCHITECTURE.md "Exit codes"): the officer must see which file, line and field to fix, never a stack.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly file: string,
    readonly field: string,
    readonly detail: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${field ? `${field}: ` : ''}${detail}`);
  }
}

/** Render a path like ['sources', 1, 'path'] as `sources[1].path`, the way a user reads it in YAML. */
export function formatFieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
