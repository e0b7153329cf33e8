import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { assertPdfkitShape, checkPdfkitShape, PdfkitShapeError } from '../../../src/core/export/pdfkitShape.js';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/** A probe as checkPdfkitShape() builds it, to doctor. */
function probe(): { doc: PDFKit.PDFDocument; element: PDFKit.PDFStructureElement } {
  const doc = new PDFDocument({ autoFirstPage: false, tagged: true, font: FONT });
  doc.addPage();
  const element = doc.struct('Document');
  doc.addStructure(element);
  return { doc, element };
}

describe('pdfkit shape check', () => {
  it('passes on the pinned pdfkit (the version package.json names)', () => {
    const pinned = (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies.pdfkit;
    expect(pinned).toBe('0.20.2');
    expect((JSON.parse(readFileSync('node_modules/pdfkit/package.json', 'utf8')) as { version: string }).version).toBe(pinned);
    expect(() => checkPdfkitShape(FONT)).not.toThrow();
    const { doc, element } = probe();
    expect(() => assertPdfkitShape(doc, element)).not.toThrow();
  });

  it('names a document member that is gone', () => {
    const { doc, element } = probe();
    delete (doc as unknown as Record<string, unknown>)._fontFamilies;
    expect(() => assertPdfkitShape(doc, element)).toThrow(PdfkitShapeError);
    expect(() => assertPdfkitShape(doc, element)).toThrow(/"PDFDocument\._fontFamilies"/);
  });

  it('names a renamed font method and a structure element member of another kind', () => {
    const font = probe();
    const fontObject = (font.doc as unknown as { _font: object })._font;
    // A subclass instance without the method, as a refactored pdfkit would have it.
    Object.setPrototypeOf(fontObject, Object.create(Object.getPrototypeOf(fontObject) as object, { layoutCached: { value: undefined } }));
    expect(() => assertPdfkitShape(font.doc, font.element)).toThrow(/"PDFDocument\._font\.layoutCached"/);

    const structure = probe();
    (structure.element as unknown as { _children: unknown })._children = new Set();
    try {
      assertPdfkitShape(structure.doc, structure.element);
      expect.fail('no error');
    } catch (err) {
      expect(err).toBeInstanceOf(PdfkitShapeError);
      expect((err as PdfkitShapeError).member).toBe('PDFStructureElement._children');
    }
  });
});
