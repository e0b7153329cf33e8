import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { ResponsePackage } from './responsePackage.js';

export const DATA_JSON_FILE = 'data.json';

/**
 * Write `data.json` (schemas/data.schema.json) item by item, so a copy of 50,000 records is never one
 * string in memory. The result is the same as `JSON.stringify(pkg, null, 2)`.
 */
export async function writeDataJson(file: string, pkg: ResponsePackage): Promise<void> {
  const out = createWriteStream(file, { mode: 0o600 });
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve)));
  const { items, ...head } = pkg;
  const headJson = JSON.stringify({ ...head, items: [] }, null, 2);
  // Everything before the empty items array, then the items, then the rest.
  const marker = '"items": []';
  const at = headJson.lastIndexOf(marker);
  await write(`${headJson.slice(0, at)}"items": [`);
  for (let i = 0; i < items.length; i++) {
    const itemJson = JSON.stringify(items[i], null, 2).replace(/\n/g, '\n    ');
    await write(`${i === 0 ? '' : ','}\n    ${itemJson}`);
  }
  await write(`${items.length ? '\n  ' : ''}]${headJson.slice(at + marker.length)}\n`);
  out.end();
  await finished(out);
}
