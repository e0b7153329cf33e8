import { describe, expect, it } from 'vitest';
import { JsonItemSplitter, type JsonItem, type JsonItemOptions } from '../../../../src/core/connectors/tickets/jsonItems.js';

/** Splits `text` fed in pieces of `size` characters, so that every state must survive a chunk boundary. */
function split(text: string, options: Partial<JsonItemOptions> = {}, size = 3): JsonItem[] {
  const splitter = new JsonItemSplitter({ maxItemChars: 1_000_000, ...options });
  const items: JsonItem[] = [];
  for (let i = 0; i < text.length; i += size) items.push(...splitter.push(text.slice(i, i + size)));
  items.push(...splitter.end());
  return items;
}

const values = (items: JsonItem[]) => items.map((i) => i.value);

describe('JsonItemSplitter', () => {
  it('yields the elements of a top-level array with their start lines', () => {
    const items = split('[\n  {"a": "x]y}"},\n  {"b": [1, {"c": "\\"}"}]},\n  3, "s", true\n]\n');
    expect(values(items)).toEqual([{ a: 'x]y}' }, { b: [1, { c: '"}' }] }, 3, 's', true]);
    expect(items.map((i) => i.line)).toEqual([2, 3, 4, 4, 4]);
    expect(new Set(items.map((i) => i.container)).size).toBe(5);
  });

  it('yields each value of NDJSON and of a single pretty-printed object', () => {
    expect(values(split('{"n":1}\n{"n":2}\r\n\n{"n":3}'))).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const pretty = split('{\n "ticket": {\n  "id": 1\n },\n "articles": []\n}\n', {}, 1);
    expect(values(pretty)).toEqual([{ ticket: { id: 1 }, articles: [] }]);
  });

  it('streams the named arrays of an unwrapped top-level object, tagged with their key', () => {
    const text = '{"tickets": [{"id": 1}, {"id": 2}], "count": 2, "users": [{"id": 7}], "next_page": null}\n{"tickets": [{"id": 3}]}';
    const items = split(text, { unwrap: new Set(['tickets', 'users']) });
    expect(items.map((i) => [i.key, i.value, i.container])).toEqual([
      ['tickets', { id: 1 }, 0],
      ['tickets', { id: 2 }, 0],
      ['count', 2, 0],
      ['users', { id: 7 }, 0],
      ['next_page', null, 0],
      ['tickets', { id: 3 }, 1],
    ]);
  });

  it('does not buffer or parse items a pass does not want', () => {
    const items = split('{"tickets": [{"id": 1}], "users": [{"id": 7}]}', { unwrap: new Set(['tickets', 'users']), want: (key) => key === 'users' });
    expect(items.map((i) => i.value)).toEqual([{ id: 7 }]);
  });

  it('reports a truncated NDJSON line and goes on with the next one', () => {
    const items = split('{"n":1}\n{"n":2, "t": "abc\n{"n":3}\n{"n":4\n{"n":5}\n');
    expect(values(items.filter((i) => !i.error))).toEqual([{ n: 1 }, { n: 3 }, { n: 5 }]);
    const errors = items.filter((i) => i.error);
    expect(errors.map((e) => e.line)).toEqual([2, 4]);
    expect(errors[0]!.error).toMatch(/line break inside a string/);
    expect(errors[1]!.error).toMatch(/not closed before line 5/);
  });

  it('reports invalid JSON inside balanced brackets as one item', () => {
    const items = split('[{"a": 1}, {"a": tru}, {"a": 3}]');
    expect(values(items.filter((i) => !i.error))).toEqual([{ a: 1 }, { a: 3 }]);
    expect(items.filter((i) => i.error)).toHaveLength(1);
  });

  it('skips text that is not JSON up to the next line that starts a record', () => {
    const items = split('garbage here\nmore\n{"n":1}\n');
    expect(items[0]!.error).toMatch(/not JSON.*lines 1–2/);
    expect(items[1]!.value).toEqual({ n: 1 });
  });

  it('skips a mismatched bracket to the next record at the same indentation', () => {
    const items = split('[\n  {"a": [1, 2}\n  ,\n  {"a": 2}\n]');
    expect(items[0]).toMatchObject({ line: 2, error: expect.stringMatching(/"}" where "]" was expected/) });
    expect(items[1]!.value).toEqual({ a: 2 });
    expect(items).toHaveLength(2);
  });

  it('refuses an item over the size limit without holding it', () => {
    const items = split(`[{"a": "${'x'.repeat(100)}"}, {"b": 1}]`, { maxItemChars: 50 });
    expect(items[0]!.error).toMatch(/larger than 50 characters/);
    expect(items[1]!.value).toEqual({ b: 1 });
  });

  it('reports a file that ends inside a record or an open array', () => {
    const cut = split('[{"a": 1}, {"b": ');
    expect(cut[0]!.value).toEqual({ a: 1 });
    expect(cut[1]!.error).toMatch(/ends inside this record/);
    expect(cut[2]!.error).toMatch(/before its top-level array is closed/);
  });

  it('refuses hostile nesting', () => {
    const items = split(`[${'['.repeat(300)}${']'.repeat(300)}, {"ok": 1}]`, {}, 64);
    expect(items[0]!.error).toMatch(/nested deeper/);
  });
});
