/**
 * A minimal MIME tree and its serialization into pieces that stream to disk. Every piece ends at a
 * line end, so the generator can apply mboxrd quoting and count raw matches piece by piece.
 */

/** Text is written as UTF-8, or byte-for-byte when `latin1` is set (8-bit legacy-charset bodies). */
export type Piece = { readonly text: string; readonly latin1?: boolean } | { readonly binary: Buffer };

export interface MimeLeaf {
  readonly headers: readonly string[];
  readonly body: readonly Piece[];
}

export interface MimeMultipart {
  readonly headers: readonly string[];
  readonly boundary: string;
  readonly parts: readonly MimeNode[];
  readonly preamble?: string;
}

export type MimeNode = MimeLeaf | MimeMultipart;

export function isMultipart(node: MimeNode): node is MimeMultipart {
  return 'parts' in node;
}

/** The node as pieces: headers, blank line, body; multiparts with RFC 2046 §5.1.1 delimiters. */
export function serializeMime(node: MimeNode, out: Piece[] = []): Piece[] {
  out.push({ text: `${node.headers.join('\n')}\n\n` });
  if (isMultipart(node)) {
    if (node.preamble) out.push({ text: `${node.preamble}\n` });
    for (const part of node.parts) {
      out.push({ text: `--${node.boundary}\n` });
      serializeMime(part, out);
    }
    out.push({ text: `--${node.boundary}--\n` });
  } else {
    for (const piece of node.body) {
      if (!endsWithNewline(piece)) throw new Error('a MIME body piece must end with a line break');
      out.push(piece);
    }
  }
  return out;
}

function endsWithNewline(piece: Piece): boolean {
  if ('binary' in piece) return piece.binary.length > 0 && piece.binary[piece.binary.length - 1] === 0x0a;
  return piece.text.endsWith('\n');
}
