import { htmlToText } from '../common/mail/textPart.js';

/** Why a DOCX could not be read, phrased for the officer. */
export class DocxReadError extends Error {
  override readonly name = 'DocxReadError';
}

/** Office files encrypted with a password are OLE2 containers, not ZIPs (MS-OFFCRYPTO §2.3.4). */
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * The text of a DOCX. mammoth's HTML conversion is used rather than its raw text because raw text
 * holds only the body: footnotes, endnotes and reviewer comments are data about people too, and
 * the HTML carries them. Images are dropped, not inlined as data URLs (memory). Headers and footers
 * are not read by mammoth at all.
 */
export async function docxText(bytes: Buffer): Promise<string> {
  if (bytes.subarray(0, OLE2_MAGIC.length).equals(OLE2_MAGIC)) {
    throw new DocxReadError('the file is password-protected (or an old .doc saved as .docx); its content was not searched');
  }
  try {
    // Loaded on the first DOCX: mammoth costs ~150 ms at start-up, which every CLI call would pay.
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      { styleMap: ['comment-reference => sup'], convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    return htmlToText(result.value);
  } catch (err) {
    throw new DocxReadError(`not a readable DOCX (${err instanceof Error ? err.message : String(err)}); its content was not searched`);
  }
}
