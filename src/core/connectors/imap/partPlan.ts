import type { MessageStructureObject } from 'imapflow';
import libmime from 'libmime';
import { isOutlookItem, isTextLike } from '../common/mail/textPart.js';

/**
 * Which bytes of a message to fetch, decided from its BODYSTRUCTURE (RFC 3501 §7.4.2) alone.
 *
 * Recall must equal the mbox connector's, and the server's SEARCH cannot give that (it does not
 * know that "0711 / 123 456-78" is +4971112345678). So every message is scanned here with the same
 * `scanMessage` as an mbox, on a raw message rebuilt from what can carry text:
 * - the top-level header (`BODY.PEEK[HEADER]`): From/To/Cc/Bcc/Reply-To, RFC 2047 subjects;
 * - every text/* part (plain, HTML with its `mailto:` links, text attachments), still
 *   transfer-encoded (`BODY.PEEK[n]`), so base64 / quoted-printable / legacy charsets are decoded
 *   by the same mailparser code as in an mbox;
 * - every MIME part header (`BODY.PEEK[n.MIME]`): filenames, and the boundary the rebuild needs;
 * - attached message/rfc822 parts: their header (`n.HEADER`) and, recursively, their text parts;
 * - text-like application types (JSON, XML, CSV, vCard, calendar: `isTextLike`, the very list
 *   scanMessage reads).
 * Binary parts (images, PDFs, archives) keep their MIME header but get an empty body: scanMessage
 * never decodes them, so dropping their bytes changes no match, and they are most of the volume.
 * A message without any binary part is fetched whole (`BODY.PEEK[]`): byte for byte what an mbox
 * export holds, preamble included. So is every message of at most WHOLE_MESSAGE_MAX_BYTES, which
 * scanMailbox.ts fetches without asking for its BODYSTRUCTURE at all (the question would cost more
 * than the few binary bytes such a message can hold).
 */

/** Deeper MIME trees are fetched as one section from here down: hostile nesting must not recurse without bound. */
export const MAX_PLAN_DEPTH = 16;

/** A binary part left out of the rebuilt message; its size goes back into the record. */
export interface PrunedPart {
  readonly contentType: string;
  /** Bytes on the wire (transfer-encoded), from BODYSTRUCTURE. */
  readonly encodedSize: number;
  readonly encoding: string | undefined;
}

type Body =
  | { readonly kind: 'raw'; readonly section: string }
  | { readonly kind: 'pruned' }
  | { readonly kind: 'message'; readonly message: Entity }
  | { readonly kind: 'multipart'; readonly boundary: string; readonly parts: ReadonlyArray<Entity> };

/** A header section plus the body that follows it. */
interface Entity {
  readonly header: string;
  readonly body: Body;
}

export type FetchPlan =
  | { readonly kind: 'whole'; readonly bytes: number }
  | {
      readonly kind: 'pruned';
      readonly root: Entity;
      /** Every section to fetch, `HEADER` included; identical lists can share one FETCH. */
      readonly sections: ReadonlyArray<string>;
      /** Estimated bytes to transfer. */
      readonly bytes: number;
      readonly pruned: ReadonlyArray<PrunedPart>;
    };

/** Plan the fetch of one message from its BODYSTRUCTURE and RFC822.SIZE. */
export function planFetch(structure: MessageStructureObject | undefined, size: number): FetchPlan {
  // A top-level non-multipart message is either text (fetch it) or a lone binary body with only
  // its header to search; a top-level message/rfc822 is rare enough to take whole.
  if (!structure || !structure.childNodes || !structure.type.startsWith('multipart/')) {
    if (structure && !structure.childNodes && !scannedType(structure) && !structure.type.startsWith('message/')) {
      const pruned = [prunedPart(structure)];
      return { kind: 'pruned', root: { header: 'HEADER', body: { kind: 'pruned' } }, sections: ['HEADER'], bytes: HEADER_ESTIMATE, pruned };
    }
    return { kind: 'whole', bytes: size };
  }
  const builder = new PlanBuilder();
  const body = builder.multipart(structure, 0);
  if (!body || builder.pruned.length === 0) return { kind: 'whole', bytes: size };
  const root: Entity = { header: 'HEADER', body };
  return { kind: 'pruned', root, sections: ['HEADER', ...builder.sections], bytes: HEADER_ESTIMATE + builder.bytes, pruned: builder.pruned };
}

/** A rough size for one header section, for batching only. */
const HEADER_ESTIMATE = 2048;

class PlanBuilder {
  readonly sections: string[] = [];
  readonly pruned: PrunedPart[] = [];
  bytes = 0;

  /**
   * The body of a multipart node, or null when it cannot be rebuilt (no boundary, unnumbered
   * parts): the caller then takes the node as one section. Nothing is recorded on null.
   */
  multipart(node: MessageStructureObject, depth: number): Body | null {
    const boundary = node.parameters?.boundary;
    if (!boundary || !node.childNodes?.length) return null;
    const mark = { sections: this.sections.length, pruned: this.pruned.length, bytes: this.bytes };
    const parts: Entity[] = [];
    for (const child of node.childNodes) {
      const body = child.part ? this.#childBody(child, child.part, depth + 1) : null;
      if (!body || !child.part) {
        this.sections.length = mark.sections;
        this.pruned.length = mark.pruned;
        this.bytes = mark.bytes;
        return null;
      }
      parts.push({ header: this.#header(`${child.part}.MIME`), body });
    }
    return { kind: 'multipart', boundary, parts };
  }

  /** The body of part `part` of a multipart (RFC 3501 §6.4.5 section numbers). */
  #childBody(node: MessageStructureObject, part: string, depth: number): Body | null {
    if (depth > MAX_PLAN_DEPTH) return this.#raw(part, node.size);
    if (node.type.startsWith('multipart/')) return this.multipart(node, depth) ?? this.#raw(part, node.size);
    if (node.type === 'message/rfc822' && node.childNodes?.[0]) {
      // An attached message: its own header is `n.HEADER`, its body is addressed through the
      // inner structure (RFC 3501 §6.4.5: `n.TEXT` for a single part, `n.k` in a multipart).
      const inner = node.childNodes[0];
      const header = this.#header(`${part}.HEADER`);
      let body: Body;
      if (inner.type.startsWith('multipart/')) body = this.multipart(inner, depth + 1) ?? this.#raw(`${part}.TEXT`, inner.size);
      else if (!inner.childNodes && !scannedType(inner) && (inner.size ?? 0) > 0) body = this.#prune(inner);
      else body = this.#raw(`${part}.TEXT`, inner.size ?? node.size);
      return { kind: 'message', message: { header, body } };
    }
    // Other message/* (message/global, RFC 6532) and anything scanMessage reads: take the part as is.
    if (node.type.startsWith('message/') || scannedType(node)) return this.#raw(part, node.size);
    return this.#prune(node);
  }

  #header(section: string): string {
    this.sections.push(section);
    this.bytes += HEADER_ESTIMATE;
    return section;
  }

  #raw(section: string, size: number | undefined): Body {
    this.sections.push(section);
    this.bytes += size ?? 0;
    return { kind: 'raw', section };
  }

  #prune(node: MessageStructureObject): Body {
    this.pruned.push(prunedPart(node));
    return { kind: 'pruned' };
  }
}

/**
 * Whether scanMessage reads this part. It sees the part through mailparser, which replaces
 * `application/octet-stream` by the type the filename suggests (libmime's table, the one both
 * mailparser and imapflow pin): `notes.txt` or `export.csv` sent as octet-stream is text. Both
 * candidate names are tried, so a decoding difference fetches rather than prunes.
 */
function scannedType(node: MessageStructureObject): boolean {
  return candidateTypes(node).some((type) => isTextLike(type) || isOutlookItem(type));
}

/** The content type mailparser reports for this part: the declared one, or the guess from its filename. */
function effectiveType(node: MessageStructureObject): string {
  return candidateTypes(node)[0] ?? node.type;
}

function candidateTypes(node: MessageStructureObject): string[] {
  if (node.type !== 'application/octet-stream') return [node.type];
  const names = [node.dispositionParameters?.filename, node.parameters?.name].filter((n): n is string => typeof n === 'string' && n.length > 0);
  if (!names.length) return [node.type];
  return names.map((name) => libmime.detectMimeType(name).toLowerCase());
}

function prunedPart(node: MessageStructureObject): PrunedPart {
  return { contentType: effectiveType(node), encodedSize: node.size ?? 0, encoding: node.encoding };
}

/** A section the server did not return: the rebuild is impossible and the message is fetched whole. */
export class MissingSectionError extends Error {
  override readonly name = 'MissingSectionError';
}

/**
 * Rebuild a raw MIME message (RFC 2045/2046) from the fetched sections: headers and text parts
 * byte for byte, pruned parts with an empty body. `sections` maps upper-case section names
 * (`1.MIME`, `2.HEADER`) to their bytes; `HEADER` is the top-level header.
 */
export function assemblePrunedMessage(plan: Extract<FetchPlan, { kind: 'pruned' }>, sections: ReadonlyMap<string, Buffer>): Buffer {
  const out: Buffer[] = [];
  const get = (section: string): Buffer => {
    const bytes = sections.get(section);
    if (!bytes) throw new MissingSectionError(`the server returned no ${section} section`);
    return bytes;
  };
  const entity = (e: Entity): void => {
    const header = withBlankLine(get(e.header));
    out.push(header);
    body(e.body, header);
  };
  const body = (b: Body, header: Buffer): void => {
    switch (b.kind) {
      case 'raw':
        out.push(get(b.section));
        return;
      case 'pruned':
        return;
      case 'message':
        entity(b.message);
        return;
      case 'multipart': {
        // The boundary as the header spells it (case matters, RFC 2046 §5.1.1); BODYSTRUCTURE's
        // copy went through parameter decoding and is only the fallback.
        const boundary = boundaryOf(header) ?? b.boundary;
        for (const part of b.parts) {
          out.push(Buffer.from(`--${boundary}\r\n`, 'latin1'));
          entity(part);
          out.push(CRLF);
        }
        out.push(Buffer.from(`--${boundary}--\r\n`, 'latin1'));
        return;
      }
    }
  };
  entity(plan.root);
  return Buffer.concat(out);
}

const CRLF = Buffer.from('\r\n');

/** A header section must end in an empty line, or the body would be read as more header fields. */
function withBlankLine(header: Buffer): Buffer {
  const text = header.toString('latin1', Math.max(0, header.length - 4));
  if (header.length === 0) return CRLF;
  if (text.endsWith('\n\n') || text.endsWith('\r\n\r\n')) return header;
  return Buffer.concat([header, text.endsWith('\n') ? CRLF : Buffer.from('\r\n\r\n')]);
}

/** The `boundary` parameter of the Content-Type field in a raw header, as written. */
export function boundaryOf(header: Buffer): string | undefined {
  const unfolded = header.toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
  const field = /^content-type[ \t]*:(.*)$/im.exec(unfolded)?.[1];
  if (!field) return undefined;
  const match = /;\s*boundary\s*=\s*(?:"((?:[^"\\\r\n]|\\.)*)"|([^;\s]+))/i.exec(field);
  const value = match?.[1]?.replace(/\\(.)/g, '$1') ?? match?.[2];
  return value || undefined;
}

/**
 * Put the real sizes of pruned parts back into the record's attachment list: mailparser saw them
 * empty. Sizes are decoded estimates from the encoded size (base64: 57 bytes per 78-byte line).
 */
export function restorePrunedSizes<A extends { readonly contentType: string; readonly size: number }>(attachments: ReadonlyArray<A>, pruned: ReadonlyArray<PrunedPart>): A[] {
  const queue = [...pruned];
  return attachments.map((a) => {
    const next = queue[0];
    if (!next || a.size !== 0 || a.contentType.toLowerCase() !== next.contentType) return a;
    queue.shift();
    return { ...a, size: decodedSize(next) };
  });
}

function decodedSize(part: PrunedPart): number {
  return part.encoding === 'base64' ? Math.floor((part.encodedSize * 57) / 78) : part.encodedSize;
}
