import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface StructNode {
  readonly role?: string;
  readonly type?: string;
  readonly id?: string;
  readonly children?: readonly StructNode[];
}

/**
 * The document's text in the order of its structure tree (what a screen reader reads), and the text
 * of marked content the tree does not reach, page by page, as pdf.js reads them.
 */
export async function readTagged(file: string): Promise<{ tagged: string[]; untagged: string[] }> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false }).promise;
  const tagged: string[] = [];
  const untagged: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const textById = new Map<string, string>();
    let current: string | null = null;
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
      if ('type' in item && item.type === 'beginMarkedContentProps') current = item.id ?? null;
      else if ('type' in item && item.type === 'endMarkedContent') current = null;
      else if ('str' in item && current) textById.set(current, `${textById.get(current) ?? ''}${item.str}${item.hasEOL ? ' ' : ''}`);
    }
    const reached = new Set<string>();
    const walk = (node: StructNode, role: string) => {
      if (node.type === 'content' && node.id) {
        reached.add(node.id);
        tagged.push(`${role}:${(textById.get(node.id) ?? '').trim()}`);
      }
      for (const child of node.children ?? []) walk(child, child.role ?? role);
    };
    walk((await page.getStructTree()) as StructNode, 'Root');
    for (const [id, text] of textById) if (!reached.has(id)) untagged.push(`page ${p}: ${text}`);
  }
  await pdf.destroy();
  return { tagged, untagged };
}
