/** A selected stretch of one record text, in the coordinates redactions use. */
export interface TextSelection {
  readonly field: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The current text selection inside `container`, as field + character range. A selection that spans
 * two fields is refused: a redaction belongs to one text. Leading and trailing spaces (a double-click
 * selects the word and its space) are trimmed off.
 */
export function selectionInRecord(container: HTMLElement, selection: Selection | null = window.getSelection()): TextSelection | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const fieldOf = (node: Node | null) => (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>('[data-field]') ?? null;
  const field = fieldOf(range.startContainer);
  if (!field || field !== fieldOf(range.endContainer) || !container.contains(field)) return null;
  const before = document.createRange();
  before.selectNodeContents(field);
  before.setEnd(range.startContainer, range.startOffset);
  let start = before.toString().length;
  let text = range.toString();
  const leading = text.length - text.trimStart().length;
  start += leading;
  text = text.trim();
  if (!text) return null;
  return { field: field.dataset['field']!, start, end: start + text.length, text };
}
