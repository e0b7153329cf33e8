import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PstEvent } from './walkPst.js';

/**
 * The events of one PST/OST, read in a worker thread (pst-extractor is synchronous). The worker is
 * asked for one event at a time and one ahead, so that reading the next item overlaps with scanning
 * the current one while at most two items are in memory.
 *
 */
export async function* readPst(file: string, signal: AbortSignal, nids?: readonly number[]): AsyncGenerator<PstEvent | { readonly type: 'missing'; readonly nid: number }> {
  const worker = startWorker({ file, nids });
  const queue: (PstEvent | { readonly type: 'missing'; readonly nid: number })[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let exited = false;
  worker.on('message', (event: PstEvent | { readonly type: 'missing'; readonly nid: number }) => {
    queue.push(event);
    wake?.();
  });
  worker.on('error', (err) => {
    failure = err;
    wake?.();
  });
  worker.on('exit', () => {
    exited = true;
    wake?.();
  });
  const onAbort = () => void worker.terminate();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    worker.postMessage('next');
    let asked = 1;
    for (;;) {
      while (!queue.length && !failure && !exited) await new Promise<void>((resolve) => (wake = resolve));
      const event = queue.shift();
      if (!event) {
        signal.throwIfAborted();
        yield { type: 'fatal', message: `the reader stopped (${failure?.message ?? 'worker exited'})` };
        return;
      }
      asked--;
      if (event.type === 'done' || event.type === 'fatal') {
        yield event;
        return;
      }
      // One event ahead: the worker reads the next item while this one is scanned.
      while (asked < 2) {
        worker.postMessage('next');
        asked++;
      }
      yield event;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    await worker.terminate();
  }
}

/**
 * The worker thread. In the build it is the compiled sibling `pstWorker.js`; run from source (tests,
 * benches under tsx or vitest) it is the TypeScript file, loaded through tsx's loader registered in
 * the worker itself, because a worker does not inherit its parent's loaders.
 */
function startWorker(workerData: { file: string; nids?: readonly number[] }): Worker {
  const options = { workerData, stdout: true, stderr: true }; // pst-extractor's console lines are captured in the worker; nothing reaches the terminal
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./pstWorker.js', import.meta.url), options);
  // require.resolve finds tsx's CommonJS build; its ES module build sits beside it.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./pstWorker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`, { ...options, eval: true });
}
