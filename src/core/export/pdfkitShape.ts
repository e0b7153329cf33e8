import PDFDocument from 'pdfkit';

/**
 * pdfkit's private members the PdfWriter reads or patches (pdfkit 0.20.2, pinned exactly in
 * package.json) are not what the installed pdfkit has: writing on would produce a broken letter
 * (no page totals, a wrong structure tree) without any error. Named after the first missing member.
 */
export class PdfkitShapeError extends Error {
  constructor(readonly member: string) {
    super(`the installed pdfkit does not have "${member}", which the PDF writer relies on (written for pdfkit 0.20.2); the PDF is not written`);
    this.name = 'PdfkitShapeError';
  }
}

type Kind = 'function' | 'object' | 'number' | 'string' | 'boolean' | 'array';

/** One member as a path from its owner, and what it must be. */
type Expectation = readonly [owner: string, path: string, kind: Kind];

/** Each internal PdfWriter touches (pdfWriter.ts: internals(), breathe(), release*(), compactParentTree(), cacheRepeatedWordsOnly(), releaseWrittenStructure()). */
const EXPECTED: readonly Expectation[] = [
  ['doc', '_font', 'object'],
  ['doc', '_font.id', 'string'],
  ['doc', '_font.ref', 'function'],
  ['doc', '_font.encode', 'function'],
  ['doc', '_font.widthOfString', 'function'],
  ['doc', '_font.descender', 'number'],
  ['doc', '_font.layoutRun', 'function'],
  ['doc', '_font.layoutCached', 'function'],
  ['doc', '_font.layoutCache', 'object'],
  ['doc', '_fontFamilies', 'object'],
  ['doc', 'ref', 'function'],
  ['doc', 'addContent', 'function'],
  ['doc', 'readableLength', 'number'],
  ['doc', 'page.xobjects', 'object'],
  ['doc', 'page.dictionary.data', 'object'],
  ['doc', '_root.data.Pages.data.Kids', 'array'],
  ['doc', '_root.data.StructTreeRoot.data.ParentTree._items', 'object'],
  ['doc', '_root.data.StructTreeRoot.data.ParentTreeNextKey', 'number'],
  ['doc', 'getStructParentTree', 'function'],
  ['element', 'add', 'function'],
  ['element', '_isFlushable', 'function'],
  ['element', '_flush', 'function'],
  ['element', '_children', 'array'],
  ['element', '_flushed', 'boolean'],
  ['element', '_attached', 'boolean'],
  ['element', '_ended', 'boolean'],
  ['element', 'dictionary.id', 'number'],
  ['element', 'dictionary.gen', 'number'],
  ['element', 'document.getStructParentTree', 'function'],
];

/**
 * Check a document (with a page, a font and a structure element added) against EXPECTED; throws
 * PdfkitShapeError naming the first member that is missing or of another kind.
 */
export function assertPdfkitShape(doc: unknown, element: unknown): void {
  const owners: Record<string, unknown> = { doc, element };
  for (const [owner, path, kind] of EXPECTED) {
    let value: unknown = owners[owner];
    for (const key of path.split('.')) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
    const ok = kind === 'array' ? Array.isArray(value) : kind === 'object' ? typeof value === 'object' && value !== null : typeof value === kind;
    if (!ok) throw new PdfkitShapeError(`${owner === 'doc' ? 'PDFDocument' : 'PDFStructureElement'}.${path}`);
  }
}

let checked = false;

/**
 * Once per process, before the first PDF: a throwaway tagged document in memory, checked like the
 * letter's. A few milliseconds; nothing is written.
 */
export function checkPdfkitShape(font: string): void {
  if (checked) return;
  const doc = new PDFDocument({ autoFirstPage: false, tagged: true, font });
  doc.addPage();
  const element = doc.struct('Document');
  doc.addStructure(element);
  doc.font(font);
  assertPdfkitShape(doc, element);
  checked = true;
}
