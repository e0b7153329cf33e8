import { parentPort, workerData } from 'node:worker_threads';
import { readPstItems, walkPst, type PstEvent } from './walkPst.js';

/**
 * The worker thread that reads one PST/OST. pst-extractor reads synchronously, so it runs here: the
 * app's UI and other sources go on while a large store is read. One event per 'next' request, so a
 * store is streamed item by item and never held in memory (the main thread asks for the next item
 * while it scans the current one).
 */
const port = parentPort;
if (!port) throw new Error('pstWorker must run as a worker thread');

// pst-extractor reports to the console (unknown message classes, skipped rows). Those lines are
// collected and handed on with the item or folder they belong to; nothing is printed.
const logged: string[] = [];
const capture = (...args: unknown[]) => {
  logged.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
};
console.log = capture;
console.error = capture;
console.warn = capture;
console.info = capture;
console.debug = capture;

const data = workerData as { file: string; nids?: number[] };
const events: Generator<PstEvent | { type: 'missing'; nid: number }, void, undefined> = data.nids ? readPstItems(data.file, data.nids) : walkPst(data.file, logged);
port.on('message', (request: 'next' | 'stop') => {
  if (request === 'stop') {
    events.return(undefined);
    port.close();
    return;
  }
  let event: PstEvent | { type: 'missing'; nid: number };
  try {
    const next = events.next();
    event = next.done ? { type: 'done' } : next.value;
  } catch (err) {
    event = { type: 'fatal', message: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
  }
  port.postMessage(event);
});
