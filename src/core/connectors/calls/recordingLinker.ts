import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep, win32 } from 'node:path';
import { SourceError, type FoundWarning, type SearchContext } from '../connector.js';
import type { RecordingsConfig } from './callsConfig.js';
import type { ParsedCall } from './parsedCall.js';

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** Placeholders every format offers besides its columns; the date parts come from the call's start. */
const DERIVED = ['from', 'to', 'direction', 'date', 'time', 'year', 'month', 'day'] as const;

export type RecordingLink = { readonly recording: string } | { readonly problem: string } | null;

/**
 * Names each call's audio file from the call's cells and checks that it exists. The audio is never
 * opened: it is evidence for the copy, not text to search.
 */
export class RecordingLinker {
  private constructor(
    private readonly folder: string,
    private readonly absoluteFolder: string,
    private readonly pattern: string,
    private readonly workspaceDir: string,
    private readonly available: boolean,
  ) {}

  /**
   * A linker for this file's columns. A placeholder that names no column fails the source (no call
   * could ever be linked); a missing folder is one warning instead of one per call.
   */
  static async open(config: RecordingsConfig, columnNames: ReadonlyArray<string>, ctx: SearchContext): Promise<{ linker: RecordingLinker; warning?: FoundWarning }> {
    const pattern = config.pattern ?? `{${config.column ?? ''}}`;
    const known = new Set<string>([...columnNames, ...DERIVED]);
    for (const [, name] of pattern.matchAll(PLACEHOLDER)) {
      if (name !== undefined && !known.has(name)) {
        const what = config.pattern !== undefined ? `recordings.pattern names {${name}}` : `recordings.column "${name}"`;
        throw new SourceError(`${what}, which is not a column of this call list (columns: ${columnNames.join(', ')}; also ${DERIVED.join(', ')})`);
      }
    }
    const absoluteFolder = ctx.resolvePath(config.folder);
    const info = await stat(absoluteFolder).catch(() => undefined);
    const available = info?.isDirectory() ?? false;
    const linker = new RecordingLinker(config.folder, absoluteFolder, pattern, ctx.resolvePath('.'), available);
    if (available) return { linker };
    return {
      linker,
      warning: { kind: 'warning', locator: { path: config.folder }, message: `recordings folder ${config.folder} does not exist or is not a folder; no call recording was linked` },
    };
  }

  /** The recording of a call (path relative to the workspace), a problem to report, or null when the call has none. */
  async link(call: ParsedCall): Promise<RecordingLink> {
    if (!this.available) return null;
    const values = placeholderValues(call);
    let empty: string | undefined;
    const name = this.pattern.replace(PLACEHOLDER, (_, key: string) => {
      const value = values.get(key) ?? '';
      if (!value) empty ??= key;
      return value;
    });
    // Calls that were never answered have no audio; an empty file-name column means "not recorded".
    const expected = call.direction !== 'missed' && call.direction !== 'rejected' && call.durationSeconds !== 0;
    if (empty !== undefined) return expected && this.pattern !== `{${empty}}` ? { problem: `cannot name this call's recording: {${empty}} is empty` } : null;

    // A PBX may write the absolute path of its own spool folder; the copy lives in `folder`.
    const fileName = isAbsolute(name) || win32.isAbsolute(name) ? (name.split(/[\\/]/).pop() ?? '') : name;
    const absolute = resolve(this.absoluteFolder, fileName);
    if (!absolute.startsWith(this.absoluteFolder + sep)) {
      // A hostile cell ("../../etc/passwd") must not make the package include files outside the folder.
      return { problem: `recording name "${name}" points outside the recordings folder ${this.folder}; not linked` };
    }
    const shown = relative(this.workspaceDir, absolute).split(sep).join('/');
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) return { recording: shown };
    return expected ? { problem: `recording ${shown} linked to this call does not exist` } : null;
  }
}

function placeholderValues(call: ParsedCall): Map<string, string> {
  const values = new Map<string, string>();
  const start = call.start ?? '';
  const date = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(start);
  const derived: Record<(typeof DERIVED)[number], string> = {
    from: call.from,
    to: call.to,
    direction: call.direction,
    date: date ? `${date[1]}${date[2]}${date[3]}` : '',
    time: date?.[4] ? `${date[4]}${date[5]}${date[6]}` : '',
    year: date?.[1] ?? '',
    month: date?.[2] ?? '',
    day: date?.[3] ?? '',
  };
  for (const [key, value] of Object.entries(derived)) values.set(key, value);
  // A non-empty column wins over a derived name: a generic list's own "date" column is what its files are named by.
  for (const column of call.columns) if (!values.has(column.name) || column.value.trim()) values.set(column.name, column.value.trim());
  return values;
}
