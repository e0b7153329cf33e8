import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { PackageItem, ResponsePackage } from './responsePackage.js';

export const DATA_JSON_FILE = 'data.json';

/**
 * Write `data.json` (schemas/data.schema.json) item by item, so a copy of 50,000 records is never one
 * string, nor one array of records, in memory: the items come in batches, read from the case store
 * as they are written. The result is the same as `JSON.stringify({ ...head, items }, null, 2)`.
 */
export async function writeDataJson(file: string, head: Omit<ResponsePackage, 'items'>, batches: Iterable<readonly PackageItem[]>): Promise<void> {
  const out = createWriteStream(file, { mode: 0o600 });
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve)));
  const headJson = JSON.stringify({ ...head, items: [] }, null, 2);
  // Everything before the empty items array, then the items, then the rest.
  const marker = '"items": []';
  const at = headJson.lastIndexOf(marker);
  await write(`${headJson.slice(0, at)}"items": [`);
  let written = 0;
  for (const batch of batches) {
    for (const item of batch) {
      const itemJson = JSON.stringify(item, null, 2).replace(/\n/g, '\n    ');
      await write(`${written === 0 ? '' : ','}\n    ${itemJson}`);
      written++;
    }
  }
  await write(`${written ? '\n  ' : ''}]${headJson.slice(at + marker.length)}\n`);
  out.end();
  await finished(out);
}
