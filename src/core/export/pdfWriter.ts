import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { checkPdfkitShape } from './pdfkitShape.js';
import { SyncFileSink } from './syncFileSink.js';

type StructElement = PDFKit.PDFStructureElement;

const require = createRequire(import.meta.url);
/** DejaVu covers Latin (incl. extended), Greek and Cyrillic: "Zoë Ødegård", "Дмитрий" render and extract. */
// Fonts are always selected by path, never by a registerFont() alias: pdfkit 0.20 does not cache an
// alias whose file is already loaded under its path, and re-reads and re-parses the TTF on every
// switch (measured: 80% of the export's time).
const FONTS = {
  body: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  mono: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf'),
} as const;
export type FontName = keyof typeof FONTS;

const MARGIN = { top: 56, left: 56, right: 56, bottom: 62 };
/** Where the footer's baseline area starts, measured from the page's bottom edge. */
const FOOTER_OFFSET = 36;
const BODY_SIZE = 9.5;
const HEADING_SIZES = { 1: 16, 2: 13, 3: 10.5 } as const;
/** The footer's grey (#444444) as PDF RGB components: footers are drawn with raw operators. */
const FOOTER_RGB = '0.267 0.267 0.267';
/** Output pdfkit may hold in its stream before rendering waits for it to flow to the file (see breathe()). */
const MAX_BUFFERED_OUTPUT_BYTES = 256 * 1024;
/** Longest stretch of synchronous rendering before breathe() lets the event loop run. */
const YIELD_EVERY_MS = 50;
/** Records after which pdfkit's cache of laid-out words is emptied: bounds memory, keeps most hits. */
const LAYOUT_CACHE_RESET_RECORDS = 1000;
const RULE = '#bbbbbb';
/**
 * Average advance of a character in em, rounded up for DejaVu Sans and Sans Mono (0.6 em); with the
 * 1.5 safety factor in table() it over-estimates even text with many wide capitals.
 */
const ROUGH_CHAR_WIDTH_EM = 0.62;

export interface PdfWriterOptions {
  readonly lang: string; // BCP 47, e.g. de-DE
  readonly title: string;
  readonly author: string;
  readonly subject?: string;
}

export interface TextOptions {
  readonly font?: FontName;
  readonly size?: number;
  readonly color?: string;
  readonly gapAfter?: number; // in lines
  readonly indent?: number;
}

export interface TableColumn {
  readonly header: string;
  /** Share of the text width, 0..1. */
  readonly width: number;
}

/**
 * A thin layer over pdfkit for a tagged, accessible letter: every text goes into the structure tree
 * (H1–H3, P, L/LI, Table/TR/TH/TD) under one Document element, footers are Artifacts, the document
 * carries `lang` and its title.
 *
 * Pages are written out as soon as they are full, so memory stays flat however long the copy is.
 * What is only known at the end (the total in "page X of Y", the page numbers in the table of
 * contents) is drawn as a small Form XObject whose content is filled in when the document is
 * finished: the page refers to it, the text is still real text (extractable, in the ToUnicode map).
 * This is the part of the writer that relies on pdfkit internals (0.20): `_font`, `page.xobjects`,
 * `addContent`, `font.encode`; pdfkitShape.ts checks every internal used here before the first PDF.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly root: StructElement;
  private current: StructElement;
  private readonly done: Promise<void>;
  private readonly sink: SyncFileSink;
  private records = 0;
  private lastTurn = Date.now();
  private readonly deferred: DeferredText[] = [];
  /** The parent tree's keys below this one are compacted or waiting in `pendingTreeKeys`. */
  private scannedTreeKeys = 0;
  private pendingTreeKeys: number[] = [];
  /** Pages of the page tree before this index are written and released (releaseWrittenPages). */
  private releasedPages = 0;
  /** The page at whose start compactParentTree() and releaseWrittenPages() last ran. */
  private tidiedAtPage = -1;
  private readonly footerFont: PdfkitFont;
  private footer?: (page: number, total: number) => string;

  constructor(file: string, options: PdfWriterOptions) {
    // Before the file is created: another pdfkit would write a broken letter without an error.
    checkPdfkitShape(FONTS.body);
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      autoFirstPage: false,
      tagged: true,
      lang: options.lang,
      displayTitle: true,
      pdfVersion: '1.7',
      font: FONTS.body,
      info: { Title: options.title, Author: options.author, Subject: options.subject ?? options.title, Creator: 'Auskunft', Producer: 'Auskunft (PDFKit)' },
    });
    const sink = new SyncFileSink(file);
    this.sink = sink;
    this.doc.on('data', (chunk: Buffer) => sink.write(chunk));
    this.done = new Promise<void>((resolve, reject) => {
      this.doc.once('error', (err) => {
        try {
          sink.close();
        } finally {
          reject(err);
        }
      });
      this.doc.once('end', () => {
        try {
          sink.close();
          resolve();
        } catch (err) {
          reject(err as Error);
        }
      });
    });
    // finish() reports a failure; a document abandoned after an error must not raise another one.
    this.done.catch(() => undefined);
    this.footerFont = internals(this.doc)._font;
    cacheRepeatedWordsOnly(this.footerFont);
    this.doc.on('pageAdded', () => this.drawFooter());
    this.doc.addPage();
    this.root = this.doc.struct('Document');
    releaseWrittenStructure(this.root);
    this.doc.addStructure(this.root);
    this.current = this.root;
    this.doc.font(FONTS.body).fontSize(BODY_SIZE);
  }

  /** The footer of every page, "… page X of Y"; set it before the content so the first page gets it too. */
  setFooter(footer: (page: number, total: number) => string): void {
    this.footer = footer;
    if (this.pageIndex === 0) this.drawFooter();
  }

  /** The index (0-based) of the page being written. */
  get pageIndex(): number {
    const { start, count } = this.doc.bufferedPageRange();
    return start + count - 1;
  }

  get contentWidth(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  /** Start a structure element (Sect, TOC, …) that takes the following content, and return it. */
  begin(type: string): StructElement {
    const element = this.doc.struct(type);
    this.current.add(element);
    this.current = element;
    return element;
  }

  /** Add a structure element at the current position whose content comes later (the table of contents). */
  attach(type: string): StructElement {
    const element = this.doc.struct(type);
    this.current.add(element);
    return element;
  }

  /** End the element started last, so pdfkit can write it out and free it. */
  end(element: StructElement, parent: StructElement = this.root): void {
    element.end();
    this.current = parent;
  }

  get structure(): StructElement {
    return this.current;
  }

  set structure(element: StructElement) {
    this.current = element;
  }

  newPage(): void {
    this.doc.addPage();
  }

  /** Start a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** A heading (H1–H3) with an optional named destination for links; returns the page it landed on. */
  heading(level: 1 | 2 | 3, text: string, destination?: string): number {
    const size = HEADING_SIZES[level];
    this.ensureSpace(size * 4);
    const page = this.pageIndex;
    if (level < 3 && this.doc.y > MARGIN.top + 1) this.doc.moveDown(0.6);
    if (destination) this.doc.addNamedDestination(destination, 'XYZ', null, this.doc.y, null);
    this.doc.font(FONTS.bold).fontSize(size).fillColor('black');
    this.tagged(`H${level}`, () => this.doc.text(clean(text), MARGIN.left, this.doc.y, { width: this.contentWidth }));
    this.doc.moveDown(level === 3 ? 0.2 : 0.35);
    this.doc.font(FONTS.body).fontSize(BODY_SIZE);
    return page;
  }

  paragraph(text: string, options: TextOptions = {}): void {
    this.doc
      .font(FONTS[options.font ?? 'body'])
      .fontSize(options.size ?? BODY_SIZE)
      .fillColor(options.color ?? 'black');
    const indent = options.indent ?? 0;
    // A paragraph that starts at the foot of a page starts on the next one, not with an empty piece here.
    this.ensureSpace(this.doc.currentLineHeight(true));
    this.tagged('P', () => this.doc.text(clean(text), MARGIN.left + indent, this.doc.y, { width: this.contentWidth - indent }));
    this.doc.moveDown(options.gapAfter ?? 0.4);
    this.doc.font(FONTS.body).fontSize(BODY_SIZE).fillColor('black');
  }

  /**
   * Draw content as one structure element (P, H1, …) under the current one. The element takes its
   * content once it is drawn, with every page it ran onto. (pdfkit's own `structParent` text option
   * files the element at the text's first line: the rest of a paragraph that ran onto the next page
   * was left out of the structure tree, its marked content mapped to null, so a screen reader skipped
   * it; and the page's parent-tree list with that gap could never be compacted.)
   */
  private tagged(type: string, draw: () => void): void {
    const element = this.doc.struct(type);
    this.current.add(element);
    element.add(draw);
    element.end();
  }

  /** A short bold label, then its text (one paragraph per value). */
  labelled(label: string, values: string | readonly string[], options: TextOptions = {}): void {
    const list = typeof values === 'string' ? [values] : values;
    this.ensureSpace(BODY_SIZE * 3);
    this.paragraph(label, { font: 'bold', gapAfter: 0.1 });
    if (list.length === 1) this.paragraph(list[0]!, { ...options, indent: 10 });
    else this.list(list, { ...options, indent: 10 });
  }

  /** A bulleted list, tagged L > LI > (Lbl, LBody). */
  list(items: readonly string[], options: TextOptions = {}): void {
    const doc = this.doc;
    const indent = options.indent ?? 0;
    const list = doc.struct('L');
    this.current.add(list);
    for (const item of items) {
      doc.font(FONTS.body).fontSize(options.size ?? BODY_SIZE).fillColor('black');
      // The bullet and the first line of its text on the same page.
      this.ensureSpace(doc.currentLineHeight(true));
      const li = doc.struct('LI');
      list.add(li);
      const y = doc.y;
      li.add(doc.struct('Lbl', {}, [() => doc.text('•', MARGIN.left + indent, y, { lineBreak: false })]));
      li.add(doc.struct('LBody', {}, [() => doc.text(clean(item), MARGIN.left + indent + 10, y, { width: this.contentWidth - indent - 10 })]));
      li.end();
      doc.moveDown(0.15);
    }
    list.end();
    doc.x = MARGIN.left;
    doc.moveDown(0.3);
  }

  /**
   * A table with a header row that repeats on every page. Rows never split: a row that does not fit
   * starts a new page, and a row taller than a whole page (a very long cell) is written as labelled
   * paragraphs instead, so no text is ever cut off, as pdfkit's own table would do with an ellipsis.
   */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], options: { readonly font?: FontName; readonly size?: number } = {}): void {
    const doc = this.doc;
    const size = options.size ?? 8.5;
    const font = options.font ?? 'body';
    const pad = 3;
    const widths = columns.map((c) => c.width * this.contentWidth);
    const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const pageRoom = this.bottom - MARGIN.top;
    let table: StructElement | undefined;

    const rule = (y: number, color = RULE) => {
      doc.markContent('Artifact');
      doc.moveTo(MARGIN.left, y).lineTo(MARGIN.left + this.contentWidth, y).lineWidth(0.5).strokeColor(color).stroke();
      doc.endMarkedContent();
    };
    const heightOf = (cells: readonly string[], f: FontName) => {
      doc.font(FONTS[f]).fontSize(size);
      return Math.max(...cells.map((c, i) => doc.heightOfString(clean(c) || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
    };
    // An upper bound from the character count, good enough to know that a row fits well before the
    // page ends; only rows near the end are measured exactly (measuring lays the text out twice).
    const lineHeight = size * 1.25;
    const roughHeight = (cells: readonly string[]) =>
      Math.max(
        ...cells.map((c, i) => {
          const perLine = Math.max(1, Math.floor((widths[i]! - 2 * pad) / (size * ROUGH_CHAR_WIDTH_EM)));
          return clean(c)
            .split('\n')
            .reduce((n, line) => n + Math.max(1, Math.ceil((line.length + 1) / perLine)), 0);
        }),
      ) * lineHeight * 1.5 + 2 * pad;
    /** Draw a row at doc.y; returns its height as drawn. */
    const drawRow = (cells: readonly string[], f: FontName, cellType: 'TH' | 'TD') => {
      const y = doc.y;
      let end = y;
      const tr = doc.struct('TR');
      table!.add(tr);
      doc.font(FONTS[f]).fontSize(size).fillColor('black');
      cells.forEach((cell, i) => {
        // pdfkit writes the Table attribute Scope for header cells; its types do not list the option.
        const td = doc.struct(cellType, (cellType === 'TH' ? { scope: 'Column' } : {}) as PDFKit.Mixins.StructureElementOptions);
        tr.add(td);
        const text = clean(cell);
        if (text) {
          td.add(() => doc.text(text, xs[i]! + pad, y + pad, { width: widths[i]! - 2 * pad }));
          end = Math.max(end, doc.y);
        }
        td.end();
      });
      tr.end();
      doc.y = Math.max(end + pad, y + lineHeight + 2 * pad);
      rule(doc.y, cellType === 'TH' ? '#777777' : RULE);
    };
    const headers = columns.map((c) => c.header);
    const headerHeight = heightOf(headers, 'bold');
    const openTable = () => {
      table = doc.struct('Table');
      this.current.add(table);
      drawRow(headers, 'bold', 'TH');
    };
    const closeTable = () => {
      table?.end();
      table = undefined;
    };

    this.ensureSpace(headerHeight * 2);
    openTable();
    for (const row of rows) {
      if (doc.y + roughHeight(row) <= this.bottom) {
        drawRow(row, font, 'TD');
        continue;
      }
      const h = heightOf(row, font);
      if (h > pageRoom - headerHeight) {
        closeTable();
        doc.x = MARGIN.left;
        this.paragraph(columns.map((c, i) => `${c.header}: ${row[i] ?? ''}`).join('\n'), { font, size });
        this.ensureSpace(headerHeight * 2);
        openTable();
        continue;
      }
      if (doc.y + h > this.bottom) {
        closeTable();
        this.newPage();
        openTable();
      }
      drawRow(row, font, 'TD');
    }
    closeTable();
    doc.x = MARGIN.left;
    doc.font(FONTS.body).fontSize(BODY_SIZE).fillColor('black');
    doc.moveDown(0.5);
  }

  /** Add a document outline (bookmark) entry pointing at a page. */
  bookmark(title: string, pageIndex: number, parent?: PDFKit.PDFOutline): PDFKit.PDFOutline {
    // pdfkit supports `pageNumber`; its types do not list it.
    return (parent ?? this.doc.outline).addItem(clean(title), { pageNumber: pageIndex } as { expanded?: boolean });
  }

  /**
   * Write a line of the table of contents with a link to its section. The page number is filled in
   * when the document is finished (`page` is asked then).
   */
  tocLine(toc: StructElement, text: string, page: () => number, destination: string, level: number): void {
    const doc = this.doc;
    const indent = (level - 1) * 14;
    const pageWidth = 40;
    doc.font(level === 1 ? FONTS.bold : FONTS.body).fontSize(BODY_SIZE).fillColor('black');
    const height = doc.heightOfString(clean(text), { width: this.contentWidth - indent - pageWidth });
    this.ensureSpace(height + 4);
    const y = doc.y;
    const item = doc.struct('TOCI');
    toc.add(item);
    item.add(
      doc.struct('Reference', {}, [
        () => {
          doc.text(clean(text), MARGIN.left + indent, y, { width: this.contentWidth - indent - pageWidth, goTo: destination });
          this.deferText(MARGIN.left + this.contentWidth - pageWidth, y, pageWidth, BODY_SIZE, 'right', () => String(page() + 1));
        },
      ]),
    );
    item.end();
    doc.x = MARGIN.left;
    doc.y = Math.max(doc.y, y + height) + 2;
  }

  /** End the document, fill in what was deferred, and wait until the file is written. Returns the number of pages. */
  async finish(): Promise<number> {
    const doc = this.doc;
    this.root.end();
    const total = this.pageIndex + 1;
    for (const d of this.deferred) fillDeferred(d, d.value(total));
    doc.end();
    await this.done;
    return total;
  }

  /** Give up on the document after an error: close its file (a folder with an open file cannot be removed on Windows). */
  abandon(): void {
    try {
      this.sink.close();
    } catch {
      // The error that made us give up is the one to report.
    }
  }

  /**
   * Draw text that is known only when the document is finished, in a box at (x, y) of the current
   * page: a Form XObject now, its content at finish().
   */
  private deferText(x: number, y: number, width: number, size: number, align: 'left' | 'center' | 'right', value: (total: number) => string, font: PdfkitFont = internals(this.doc)._font): void {
    const doc = internals(this.doc);
    const height = size * 1.5;
    const name = `Auskunft${this.deferred.length + 1}`;
    const form = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, width, height], Resources: { Font: { [font.id]: font.ref() } } });
    doc.page.xobjects[name] = form;
    // pdfkit draws in a y-down space (its page matrix flips y); flip back so the form's text stands upright.
    doc.addContent(`q 1 0 0 -1 ${num(x)} ${num(y + height)} cm /${name} Do Q`);
    this.deferred.push({ form, font, size, width, align, value });
  }

  /** The footer of the page just added, as an Artifact (not part of the reading order). */
  private drawFooter(): void {
    if (!this.footer) return;
    const footer = this.footer;
    const page = this.pageIndex + 1;
    const doc = internals(this.doc);
    doc.addContent(`/Artifact <</Type /Pagination>> BDC q ${FOOTER_RGB} rg`);
    this.deferText(MARGIN.left, this.doc.page.height - FOOTER_OFFSET, this.contentWidth, 7.5, 'center', (total) => footer(page, total), this.footerFont);
    doc.addContent('Q EMC');
  }

  /**
   * Let the written PDF reach the file. pdfkit renders synchronously and pushes every finished
   * object into its readable stream, which hands it to the file sink at once once it flows; until
   * then (the stream starts flowing on the next tick) and whenever it is paused, the output would pile
   * up in memory (measured: 300,000 buffers for a 1,250-page copy). Call it between records; it
   * throws a write error of the sink. It also empties pdfkit's per-font cache of laid-out words now and then, which otherwise
   * grows with every distinct word (ids, hashes, log lines) of the copy. `records`: how many
   * records were written since the last call.
   */
  async breathe(records = 1): Promise<void> {
    // Counted per record, not per call: a call-list chunk of 200 rows fills the cache like 200
    // records (measured: 6 MB of cached log-line words at 5,000 records against 1.9 MB at 1,000).
    this.records += records;
    if (this.records >= LAYOUT_CACHE_RESET_RECORDS) {
      this.records = 0;
      const families = (this.doc as unknown as { _fontFamilies: Record<string, PdfkitLayoutFont> })._fontFamilies;
      for (const font of Object.values(families)) {
        if (font.layoutCache) font.layoutCache = Object.create(null) as Record<string, unknown>;
        font.seenWords = Object.create(null) as Record<string, number>;
      }
    }
    // Once per page: what a page leaves behind can only be let go of after it is written.
    if (this.pageIndex !== this.tidiedAtPage) {
      this.tidiedAtPage = this.pageIndex;
      this.compactParentTree();
      this.releaseWrittenPages();
    }
    this.sink.check();
    const stream = this.doc as unknown as { readableLength: number };
    while (stream.readableLength > MAX_BUFFERED_OUTPUT_BYTES) await nextTurn();
    // The output no longer needs the event loop, but a cancel, a progress report or a signal do.
    if (Date.now() - this.lastTurn > YIELD_EVERY_MS) {
      await nextTurn();
      this.lastTurn = Date.now();
    }
  }

  /**
   * Let each written page's dictionary go. pdfkit lists every page in the page tree (`Kids`) with
   * its dictionary, resources and content reference to the end of the document, only to print
   * "n 0 R" there and for outline entries: about 1 KB per page. A written page keeps a bare
   * reference with the same number and its MediaBox, which outline entries read; the PDF is byte
   * for byte the same.
   */
  private releaseWrittenPages(): void {
    const kids = (this.doc as unknown as { _root: { data: { Pages: { data: { Kids: (PdfkitRef & { offset?: number })[] } } } } })._root.data.Pages.data.Kids;
    while (this.releasedPages < kids.length) {
      const page = kids[this.releasedPages]!;
      // finalize() sets the offset once the page is written; the last pages are still being drawn.
      if (page.offset === undefined) break;
      // An outline entry (bookmark) reads the page's size.
      const bare = bareRef(page) as { data?: unknown };
      bare.data = { MediaBox: (page.data as { MediaBox?: unknown }).MediaBox };
      kids[this.releasedPages++] = bare as PdfkitRef;
    }
  }

  /**
   * Replace the parent tree's list of each finished page by its text. pdfkit keeps, per page, one
   * reference per marked content (about 45 per page of the copy) to the end of the document, only
   * to print "[n 0 R m 0 R …]" there: 90,000 objects at 5,000 records, the part of the heap that
   * still grew with the copy. Once every element with content on a page is written
   * (releaseWrittenStructure), the list can only be printed; it is printed now, the same way
   * pdfkit would (PDFObject.convert of an array of references), and kept as one string.
   */
  private compactParentTree(): void {
    const root = (this.doc as unknown as { _root: { data: { StructTreeRoot?: { data: { ParentTree: { _items: Record<number, unknown> }; ParentTreeNextKey: number } } } } })._root.data
      .StructTreeRoot;
    if (!root) return;
    const items = root.data.ParentTree._items;
    const current = (this.doc.page as unknown as { dictionary: PdfkitRef }).dictionary.data.StructParents;
    // Keys are handed out in order; the current page's list may still grow, and keys after it belong to it.
    while (this.scannedTreeKeys < root.data.ParentTreeNextKey && this.scannedTreeKeys !== current) this.pendingTreeKeys.push(this.scannedTreeKeys++);
    if (this.pendingTreeKeys.length === 0) return;
    this.pendingTreeKeys = this.pendingTreeKeys.filter((key) => {
      const slots = items[key];
      if (!Array.isArray(slots)) return false;
      const text: string[] = [];
      for (let i = 0; i < slots.length; i++) {
        const slot = (slots as unknown[])[i];
        if (!isWrittenRef(slot)) return true;
        text.push(`${slot.id} ${slot.gen} R`);
      }
      items[key] = printedRef(`[${text.join(' ')}]`, this.root);
      return false;
    });
  }
}

/**
 * A bare reference releaseWrittenStructure() left: id and generation, without the dictionary
 * (`data`) every reference pdfkit makes has until it is released. (A WeakSet of them would cost
 * as much memory as the lists it is meant to shrink.)
 */
function isWrittenRef(value: unknown): value is { id: number; gen: number } {
  return typeof value === 'object' && value !== null && !Object.hasOwn(value, 'data') && typeof (value as { id?: unknown }).id === 'number';
}

let printedRefPrototype: object | undefined;

/** A value pdfkit prints as `text`: it prints a reference (PDFAbstractReference) by its toString(). */
function printedRef(text: string, root: StructElement): object {
  if (!printedRefPrototype) {
    const referencePrototype = Object.getPrototypeOf(Object.getPrototypeOf((root as unknown as PdfkitStructureElement).dictionary) as object) as object;
    printedRefPrototype = Object.create(referencePrototype, {
      toString: {
        value(this: { text: string }) {
          return this.text;
        },
      },
    }) as object;
  }
  const value = Object.create(printedRefPrototype) as { text: string };
  value.text = text;
  return value;
}

/** pdfkit's embedded font as far as cacheRepeatedWordsOnly() touches it (pdfkit 0.20). */
interface PdfkitLayoutFont {
  layoutCache?: Record<string, unknown> | null;
  /** Added here, not by pdfkit: how often each word not yet cached was laid out since the last reset. */
  seenWords?: Record<string, number>;
  layoutRun(text: string): unknown;
  layoutCached(text: string): unknown;
}

/**
 * pdfkit lays out every word it draws twice (to measure the line, then to draw it); a word is
 * cached when it is laid out a third time, that is when it occurs again.
 */
const CACHE_AT_SIGHTING = 3;

const wordCachePrototypes = new WeakSet<object>();

/**
 * Keep a word's layout in pdfkit's cache only when the word occurs again. pdfkit caches the glyph
 * run of every word it lays out, and in a copy most distinct words occur once (ids, numbers, dates,
 * log lines): their cached runs lived long enough to reach V8's old generation and became garbage
 * at the next cache reset. In the sampled heap profile of a 5,000-record export (allocations that
 * survived into the old generation) they were 79 of 250 MB, and the old generation grew with them
 * until the next full collection, which is what made peak memory grow with the copy. A word seen
 * once costs a counter, and its glyph run dies young.
 */
function cacheRepeatedWordsOnly(font: unknown): void {
  const proto = Object.getPrototypeOf(font) as PdfkitLayoutFont;
  if (wordCachePrototypes.has(proto)) return;
  wordCachePrototypes.add(proto);
  proto.layoutCached = function (this: PdfkitLayoutFont, text: string) {
    const cache = this.layoutCache;
    if (!cache) return this.layoutRun(text);
    const cached = cache[text];
    if (cached) return cached;
    // Property keys (unlike Set entries) are internalized copies: they never pin the paragraph a word was sliced from.
    const seen = (this.seenWords ??= Object.create(null) as Record<string, number>);
    const run = this.layoutRun(text);
    const times = (seen[text] ?? 0) + 1;
    if (times >= CACHE_AT_SIGHTING) cache[text] = run;
    else seen[text] = times;
    return run;
  };
}

/** A pdfkit object reference (pdfkit 0.20): written as "id gen R". */
interface PdfkitRef {
  readonly id: number;
  readonly gen: number;
  readonly data: { readonly StructParents?: number };
}

/** pdfkit's structure element as far as releaseWrittenStructure() touches it (pdfkit 0.20). */
interface PdfkitStructureElement {
  _attached: boolean;
  _ended: boolean;
  _flushed: boolean;
  _children: unknown[];
  dictionary: PdfkitRef;
  readonly document: { getStructParentTree(): { get(key: number): unknown[] | undefined } };
  add(child: unknown): unknown;
  _isFlushable(): boolean;
  _flush(): void;
}

const releasedPrototypes = new WeakSet<object>();

/**
 * Let a structure element's dictionary go once pdfkit has written it. pdfkit keeps every element's
 * reference object, with its dictionary, to the end of the document: the parent's list of children
 * and the page's parent tree (which maps each marked content to its element) refer to it, only to
 * print its number "n 0 R" at the end. A tagged copy of 5,000 records has ~60,000 elements, and they
 * were the part of the heap that grew with the copy (heap snapshots at 1,000 and 5,000 records:
 * 2.4 MB and 11.7 MB in the parent tree alone). Once written, an element keeps only a bare reference
 * with the same number, in its own place and in the parent tree; the PDF is byte for byte the same.
 * A written element also counts as flushable for its parent without its dictionary (pdfkit would
 * look for the parent link `P` in it).
 */
function releaseWrittenStructure(element: StructElement): void {
  const proto = Object.getPrototypeOf(element) as PdfkitStructureElement;
  if (releasedPrototypes.has(proto)) return;
  releasedPrototypes.add(proto);
  const { _isFlushable: isFlushable, _flush: flush, add } = proto;
  proto.add = function (this: PdfkitStructureElement, child: unknown) {
    compactWrittenChildren(this._children, proto);
    return add.call(this, child);
  };
  proto._isFlushable = function (this: PdfkitStructureElement) {
    return this._flushed || isFlushable.call(this);
  };
  proto._flush = function (this: PdfkitStructureElement) {
    if (this._flushed) return;
    const children = this._children;
    flush.call(this);
    if (!this._flushed) return;
    const written = this.dictionary;
    const bare = bareRef(written);
    this.dictionary = bare as PdfkitRef;
    const parentTree = this.document.getStructParentTree();
    for (const child of children) {
      // Marked content (PDFStructureContent): the parent tree slots that point at this element.
      const refs = (child as { refs?: unknown }).refs;
      if (!Array.isArray(refs)) continue;
      for (const { pageRef, mcid } of refs as { pageRef: PdfkitRef; mcid: number }[]) {
        const slots = pageRef.data.StructParents === undefined ? undefined : parentTree.get(pageRef.data.StructParents);
        if (slots?.[mcid] === written) slots[mcid] = bare;
      }
    }
  };
}

/**
 * The written children of one element as one run of object numbers. A long-lived element (the
 * document, an activity's section with thousands of records) keeps every child it was given to the
 * end of the document, only to print their numbers in its `K` list: even released, each child stayed
 * an element object with its bare reference and an empty child list, about 190 bytes, which made the
 * live heap grow by some 60 MB over a 50,000-record copy. A run stands in for consecutive written
 * children as an already written element whose reference prints as all their numbers at once, so the
 * list prints exactly as before: "[12 0 R 13 0 R …]".
 */
interface WrittenRun extends PdfkitStructureElement {
  dictionary: PdfkitRef & { readonly ids: number[] };
}

let writtenRunRefPrototype: object | undefined;

function isWrittenRun(value: unknown): value is WrittenRun {
  if (writtenRunRefPrototype === undefined || !(value instanceof Object)) return false;
  const dictionary = (value as { dictionary?: unknown }).dictionary;
  return dictionary instanceof Object && Object.getPrototypeOf(dictionary) === writtenRunRefPrototype;
}

/**
 * Fold the last child into the run before it once it is written: called before each new child is
 * added, so a run grows by one number per child and the list never holds more than one element per
 * stretch of written children. A child written later than its next sibling was added keeps its place.
 */
function compactWrittenChildren(children: unknown[], elementPrototype: PdfkitStructureElement): void {
  const last = children.at(-1);
  if (!(last instanceof Object) || Object.getPrototypeOf(last) !== elementPrototype) return;
  const element = last as PdfkitStructureElement;
  // Only children releaseWrittenStructure() left bare, numbered "n 0 R" as pdfkit numbers them all
  // (a run's reference has no single number, so a run is never folded again).
  if (!element._flushed || !isWrittenRef(element.dictionary) || element.dictionary.gen !== 0) return;
  const before = children.at(-2);
  if (isWrittenRun(before)) {
    before.dictionary.ids.push(element.dictionary.id);
    children.pop();
    return;
  }
  writtenRunRefPrototype ??= Object.create(Object.getPrototypeOf(element.dictionary) as object, {
    toString: {
      value(this: { ids: number[] }) {
        return this.ids.map((id) => `${id} 0 R`).join(' ');
      },
    },
  }) as object;
  const dictionary = Object.create(writtenRunRefPrototype) as { ids: number[] };
  dictionary.ids = [element.dictionary.id];
  // Written, ended and attached: pdfkit's end(), setAttached() and _flush() leave it as it is.
  const run = Object.create(elementPrototype) as PdfkitStructureElement;
  Object.assign(run, { _attached: true, _ended: true, _flushed: true, _children: [], dictionary });
  children[children.length - 1] = run;
}

/** A reference with the number of `written` and nothing else: printed the same, "n 0 R". */
function bareRef(written: { readonly id: number; readonly gen: number }): { id: number; gen: number } {
  const bare = Object.create(Object.getPrototypeOf(written) as object) as { id: number; gen: number };
  bare.id = written.id;
  bare.gen = written.gen;
  return bare;
}

/** What this writer uses of a pdfkit font and document beyond the typed API (pdfkit 0.20). */
interface PdfkitFont {
  readonly id: string;
  ref(): unknown;
  encode(text: string): [string[], unknown];
  widthOfString(text: string, size: number): number;
  readonly descender: number;
}

interface PdfkitInternals {
  readonly _font: PdfkitFont;
  readonly page: { readonly xobjects: Record<string, unknown> };
  ref(data: object): { end(chunk?: string): void };
  addContent(data: string): void;
}

function internals(doc: PDFKit.PDFDocument): PdfkitInternals {
  return doc as unknown as PdfkitInternals;
}

interface DeferredText {
  readonly form: { end(chunk?: string): void };
  readonly font: PdfkitFont;
  readonly size: number;
  readonly width: number;
  readonly align: 'left' | 'center' | 'right';
  readonly value: (total: number) => string;
}

/** Write a deferred form's content: the text in its font, aligned in the form's box. */
function fillDeferred(d: DeferredText, text: string): void {
  const [glyphs] = d.font.encode(text);
  const width = d.font.widthOfString(text, d.size);
  const x = d.align === 'right' ? d.width - width : d.align === 'center' ? (d.width - width) / 2 : 0;
  const baseline = (-d.font.descender / 1000) * d.size + d.size * 0.15;
  d.form.end(`BT /${d.font.id} ${num(d.size)} Tf ${num(x)} ${num(baseline)} Td <${glyphs.join('')}> Tj ET`);
}

function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

function num(n: number): string {
  return (Math.round(n * 100) / 100).toString();
}

/**
 * Text as pdfkit can lay it out: line breaks normalized, tabs expanded, other control characters
 * removed (a stray NUL or form feed from a mail would otherwise print as a box or break the layout).
 */
export function clean(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, '    ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '')
      // Lone surrogates (broken UTF-16 in a decoded mail) cannot be encoded into the font.
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
  );
}
