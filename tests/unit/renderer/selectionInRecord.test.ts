// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { selectionInRecord } from '../../../src/renderer/screens/review/selectionInRecord.js';

function record(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.replaceChildren(root);
  return root;
}

function select(node: Node, start: number, endNode: Node, end: number): Selection {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(endNode, end);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

describe('selectionInRecord', () => {
  it('gives the field and the offsets within the whole field text, across marked parts', () => {
    const root = record('<div data-field="text"><span>Hallo </span><mark class="redacted">Erika</mark><span> Muster, bitte</span></div>');
    const last = root.querySelectorAll('span')[1]!.firstChild!;
    const selection = select(last, 1, last, 7);
    expect(selectionInRecord(root, selection)).toEqual({ field: 'text', start: 12, end: 18, text: 'Muster' });
  });

  it('trims the space a double-click selects with the word', () => {
    const root = record('<div data-field="subject"><span>Rückruf Erika Muster</span></div>');
    const text = root.querySelector('span')!.firstChild!;
    expect(selectionInRecord(root, select(text, 7, text, 14))).toEqual({ field: 'subject', start: 8, end: 13, text: 'Erika' });
  });

  it('refuses a selection over two fields or outside the record', () => {
    const root = record('<span data-field="from">a@b.de</span><span data-field="to">c@d.de</span>');
    const [from, to] = [...root.querySelectorAll('span')].map((s) => s.firstChild!);
    expect(selectionInRecord(root, select(from!, 0, to!, 3))).toBeNull();
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    expect(selectionInRecord(root, select(outside.firstChild!, 0, outside.firstChild!, 4))).toBeNull();
  });
});
