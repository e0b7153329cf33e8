import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PdfWriter } from '../../../src/core/export/pdfWriter.js';
import { readTagged } from '../../integration/helpers/taggedPdf.js';

const dir = mkdtempSync(join(tmpdir(), 'auskunft-pdfwriter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PdfWriter: the structure tree', () => {
  it('tags the rest of a paragraph that runs onto the next page, and leaves no gap in the parent tree', async () => {
    const file = join(dir, 'long-paragraph.pdf');
    const pdf = new PdfWriter(file, { lang: 'de-DE', title: 'Test', author: 'Auskunft' });
    pdf.setFooter((page, total) => `Seite ${page} von ${total}`);
    const words = Array.from({ length: 900 }, (_, i) => `Wort${i}`);
    pdf.heading(1, 'Kopie');
    pdf.paragraph(words.join(' '));
    expect(await pdf.finish()).toBeGreaterThan(1);

    const { tagged, untagged } = await readTagged(file);
    expect(untagged).toEqual([]);
    // The paragraph is one P, whose content continues on each following page.
    const paragraph = tagged.filter((t) => t.startsWith('P:')).map((t) => t.slice(2));
    expect(paragraph.join(' ').split(/\s+/).filter(Boolean)).toEqual(words);
    const parentTree = /\/ParentTree <<[\s\S]*?\/Nums \[\n([\s\S]*?)\n\]\n>>/.exec(readFileSync(file, 'latin1'))?.[1];
    expect(parentTree).toBeDefined();
    expect(parentTree).not.toContain('null');
  });

  it('lists every written child of a long section, in order', async () => {
    const file = join(dir, 'many-children.pdf');
    const pdf = new PdfWriter(file, { lang: 'de-DE', title: 'Test', author: 'Auskunft' });
    const section = pdf.begin('Sect');
    const expected: string[] = [];
    for (let i = 0; i < 400; i++) {
      if (i % 50 === 0) {
        pdf.heading(2, `Teil ${i / 50}`);
        expected.push(`H2:Teil ${i / 50}`);
      }
      if (i % 7 === 0) {
        pdf.list([`Punkt ${i}`]);
        expected.push('LBody:' + `Punkt ${i}`);
        continue;
      }
      pdf.paragraph(`Absatz ${i}`);
      expected.push(`P:Absatz ${i}`);
      await pdf.breathe();
    }
    pdf.end(section);
    await pdf.finish();

    const { tagged, untagged } = await readTagged(file);
    expect(untagged).toEqual([]);
    expect(tagged.filter((t) => !t.startsWith('Lbl:'))).toEqual(expected);
  });

  it('keeps what it has written of a long section as numbers, not as one object per child', async () => {
    const pdf = new PdfWriter(join(dir, 'long-section.pdf'), { lang: 'de-DE', title: 'Test', author: 'Auskunft' });
    const section = pdf.begin('Sect');
    for (let i = 0; i < 2000; i++) {
      pdf.paragraph(`Absatz ${i}`);
      if (i % 100 === 0) await pdf.breathe();
    }
    // pdfkit's own list of the section's children (pdfkit 0.20): what stays in memory until the section ends.
    const children = (section as unknown as { _children: unknown[] })._children;
    expect(children.length).toBeLessThanOrEqual(2);
    pdf.end(section);
    await pdf.finish();
  });
});
