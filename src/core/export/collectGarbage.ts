import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/**
 * A full garbage collection, asked for between the export's steps (files, PDF, JSON, manifest, ZIP,
 * report).
 *
 * Why: the export's live memory is flat (24–40 MB at 20,000 records, measured after a collection at
 * each step), but V8 lets its heap grow to several times that before it collects, and the memory it
 * frees is not always returned to the system. Peak RSS then followed the length of the export: 216 MB
 * at 5,000 records, 389 MB at 20,000 (bench/export); each step started on the garbage of the ones
 * before. A collection between steps costs 15–30 ms and brought the peak to about 175 and 240 MB.
 * Collecting every 500–2,000 records within the PDF step as well cut the peak at 20,000 by another
 * 20–30 MB, but cost 1–2 s of CPU at 5,000 records and more at 20,000: not done.
 *
 * `gc` is reached the way Jest's leak detector reaches it, without `--expose-gc` on the command line (which `npx
 * auskunft` and Electron's utility process cannot pass): the flag is set for a moment, a new context
 * picks up its `gc`, and the flag is cleared again. Where that is not possible it does nothing.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  gc?.();
}
