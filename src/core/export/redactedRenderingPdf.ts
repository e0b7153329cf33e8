import { PdfWriter } from './pdfWriter.js';
import type { PackageTexts } from './packageTexts.js';

/**
 * A PDF or DOCX attachment that held other people's data, as a PDF of its redacted text: the layout
 * cannot be kept without keeping what lies under it, so the copy says plainly that it is a text
 * rendering ("geschwärzt") and why the original is missing.
 */
export async function writeRedactedRenderingPdf(file: string, name: string, text: string, texts: PackageTexts, lang: 'de' | 'en'): Promise<number> {
  const pdf = new PdfWriter(file, { lang: lang === 'de' ? 'de-DE' : 'en-GB', title: texts.redactedRenderingTitle(name), author: 'Auskunft' });
  try {
    pdf.begin('Sect');
    pdf.heading(1, texts.redactedRenderingTitle(name));
    pdf.paragraph(texts.redactedRenderingNote(name), { size: 9 });
    // Page breaks of the original (a form feed between pdf.js pages) start a new paragraph each.
    for (const part of text.split('\f')) if (part.trim()) pdf.paragraph(part.trim());
    pdf.end(pdf.structure);
    return await pdf.finish();
  } catch (err) {
    pdf.abandon();
    throw err;
  }
}
