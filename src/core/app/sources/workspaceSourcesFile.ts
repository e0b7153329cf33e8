import { readFileSync } from 'node:fs';
import { Document, isMap, isSeq, parseDocument, type Node } from 'yaml';
import { ConfigError } from '../../config/configError.js';
import { writeFileAtomic } from '../../export/atomicWrite.js';

export interface SourcesList {
  indexOf(id: string): number;
  replace(index: number, config: Record<string, unknown>): void;
  append(config: Record<string, unknown>): void;
  remove(index: number): void;
}

/**
 * Edit the `sources:` list of an auskunft.yaml. The change is spliced into the file's text at the
 * entry's own position, so every other line — comments, quoting, spacing — stays byte for byte as the
 * officer wrote it; a new entry copies the style of the one before it (one-line `{ … }` or a block).
 */
export async function editWorkspaceSources(file: string, edit: (sources: SourcesList) => void): Promise<{ before: string; after: string }> {
  const before = readFileSync(file, 'utf8');
  const doc = parseDocument(before);
  if (doc.errors.length) throw new ConfigError(file, '', `invalid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const seq = doc.get('sources', true);
  if (!isSeq(seq) || !seq.range) throw new ConfigError(file, 'sources', 'expected a list of sources');
  const items = seq.items as Node[];
  let after = before;
  const padded = /\{ \S/.test(before);

  const entryText = (config: Record<string, unknown>, like: Node | undefined, column: number): string => {
    const entry = new Document(config);
    if (!like || (isMap(like) && like.flow)) {
      if (isMap(entry.contents)) entry.contents.flow = true;
      return entry.toString({ lineWidth: 0, flowCollectionPadding: padded }).trimEnd();
    }
    const lines = entry.toString({ lineWidth: 0 }).trimEnd().split('\n');
    return lines.map((line, i) => (i === 0 ? line : `${' '.repeat(column)}${line}`)).join('\n');
  };
  const span = (node: Node): [number, number] => {
    const start = node.range![0];
    let end = node.range![1];
    while (end > start && /\s/.test(before[end - 1]!)) end--;
    return [start, end];
  };
  const lineStart = (pos: number) => before.lastIndexOf('\n', pos - 1) + 1;
  const lineEnd = (pos: number) => {
    const i = before.indexOf('\n', pos);
    return i < 0 ? before.length : i;
  };

  edit({
    indexOf: (id) => items.findIndex((item) => isMap(item) && item.get('id') === id),
    replace(index, config) {
      const item = items[index]!;
      const [start, end] = span(item);
      after = before.slice(0, start) + entryText(config, item, start - lineStart(start)) + before.slice(end);
    },
    append(config) {
      const last = items.at(-1);
      if (!last) {
        seq.items.push(doc.createNode(config));
        after = doc.toString({ lineWidth: 0 });
        return;
      }
      const [start, end] = span(last);
      const prefix = before.slice(lineStart(start), start); // e.g. "  - "
      const at = lineEnd(end - 1);
      after = `${before.slice(0, at)}\n${prefix}${entryText(config, last, prefix.length)}${before.slice(at)}`;
    },
    remove(index) {
      const [start, end] = span(items[index]!);
      const from = lineStart(start);
      const to = Math.min(before.length, lineEnd(end - 1) + 1);
      after = before.slice(0, from) + before.slice(to);
    },
  });
  await writeFileAtomic(file, after);
  return { before, after };
}
