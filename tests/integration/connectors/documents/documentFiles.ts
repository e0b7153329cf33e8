import JSZip from 'jszip';

/**
 * Real documents for the documents connector, built byte by byte: pdfkit is not installed, and a
 * hand-made PDF shows exactly what the reader gets (a Type 1 standard font, one text object per line).
 */

/** A PDF file from its numbered objects (1 = catalog), with a correct xref table (ISO 32000-1 §7.5.4). */
function pdfFile(objects: ReadonlyArray<string | Buffer>, trailerExtra = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(part);
    length += part.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

function stream(content: Buffer | string, dict = ''): Buffer {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'latin1');
  return Buffer.concat([Buffer.from(`<< /Length ${bytes.length} ${dict}>>\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')]);
}

/** A PDF string literal in WinAnsiEncoding: umlauts as octal escapes, delimiters escaped. */
function pdfString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code > 0x7e) out += `\\${code.toString(8).padStart(3, '0')}`; // Latin-1 = WinAnsi for these
    else out += ch;
  }
  return `(${out})`;
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
const GRAY_PIXELS = 8;

export interface PdfOptions {
  /** Trailer entries, e.g. an /Encrypt dictionary. */
  readonly trailerExtra?: string;
  /** Info dictionary entries, e.g. `/CreationDate (D:20240304091500+01'00')`. */
  readonly info?: string;
}

/**
 * A PDF whose pages hold these lines as text in Helvetica; a page given as `null` is a scan: an
 * image and no text at all.
 */
export function textPdf(pages: ReadonlyArray<ReadonlyArray<string> | null>, options: PdfOptions = {}): Buffer {
  const pageCount = pages.length;
  // Objects: 1 catalog, 2 pages, 3 font, 4 image, 5 info, then per page: page, content.
  const firstPage = 6;
  const objects: Array<string | Buffer> = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${firstPage + 2 * i} 0 R`).join(' ')}] /Count ${pageCount} >>`,
    FONT,
    stream(Buffer.alloc(GRAY_PIXELS * GRAY_PIXELS, 0x80), `/Type /XObject /Subtype /Image /Width ${GRAY_PIXELS} /Height ${GRAY_PIXELS} /ColorSpace /DeviceGray /BitsPerComponent 8 `),
    `<< /Producer (Auskunft test) ${options.info ?? ''}>>`,
  ];
  pages.forEach((lines, i) => {
    const content =
      lines === null
        ? 'q 500 0 0 700 48 70 cm /Im1 Do Q'
        : `BT /F1 11 Tf 72 770 Td 14 TL ${lines.map((line) => `${pdfString(line)} '`).join(' ')} ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents ${firstPage + 2 * i + 1} 0 R >>`,
      stream(content),
    );
  });
  return pdfFile(objects, `/Info 5 0 R ${options.trailerExtra ?? ''}`);
}

/**
 * A PDF that claims RC4 encryption with a user password: its /U entry fits no empty password, so a
 * reader must ask for one, exactly as for a letter protected by the sender.
 */
export function encryptedPdf(): Buffer {
  const hex32 = (byte: string) => `<${byte.repeat(32)}>`;
  return textPdf([['Vertraulich']], {
    trailerExtra: `/Encrypt << /Filter /Standard /V 1 /R 2 /O ${hex32('4f')} /U ${hex32('55')} /P -44 >> /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] `,
  });
}

export interface DocxContent {
  readonly paragraphs: ReadonlyArray<string>;
  /** Text of one footnote, referenced from the first paragraph. */
  readonly footnote?: string;
  /** Text of one reviewer comment on the first paragraph. */
  readonly comment?: string;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text: string) => `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

/** A minimal valid DOCX (ECMA-376 Part 1): document, and optionally footnotes and comments parts. */
export async function docxFile(content: DocxContent): Promise<Buffer> {
  const zip = new JSZip();
  const overrides = [`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>`];
  const rels: string[] = [];
  let first = '';
  if (content.footnote !== undefined) {
    overrides.push(`<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>`);
    rels.push(`<Relationship Id="rIdFn" Type="${R}/footnotes" Target="footnotes.xml"/>`);
    zip.file('word/footnotes.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="${W}"><w:footnote w:id="1"><w:p>${run(content.footnote)}</w:p></w:footnote></w:footnotes>`);
    first += '<w:r><w:footnoteReference w:id="1"/></w:r>';
  }
  if (content.comment !== undefined) {
    overrides.push(`<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>`);
    rels.push(`<Relationship Id="rIdCm" Type="${R}/comments" Target="comments.xml"/>`);
    zip.file('word/comments.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}"><w:comment w:id="0" w:author="Reviewer"><w:p>${run(content.comment)}</w:p></w:comment></w:comments>`);
    first += '<w:r><w:commentReference w:id="0"/></w:r>';
  }
  const body = content.paragraphs.map((p, i) => `<w:p>${run(p)}${i === 0 ? first : ''}</w:p>`).join('');
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The first bytes of a password-protected Office file: an OLE2 compound file, not a ZIP. */
export function encryptedOfficeFile(): Buffer {
  return Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
}
