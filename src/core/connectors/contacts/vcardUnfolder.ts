import { stripLineBreak } from '../common/table/physicalLines.js';
import { MAX_PROPERTY_CHARS } from './contactsLimits.js';
import { headerEnd, isBinaryProperty, parseProperty } from './vcardProperty.js';

/** One logical vCard line: a property after unfolding and joining quoted-printable soft line breaks. */
export interface ContentLine {
  /** Physical line (1-based) where the property starts. */
  readonly line: number;
  /** The whole property; for a binary one only its name and parameters, the data is not kept. */
  readonly text: string;
  /** Characters of binary data skipped (PHOTO, LOGO, SOUND, KEY); undefined for text properties. */
  readonly binaryChars?: number;
  /** The property was longer than MAX_PROPERTY_CHARS; only its start was kept. */
  readonly truncated?: boolean;
}

interface Pending {
  line: number;
  parts: string[];
  chars: number;
  /** Decided once the colon after name and parameters has been read. */
  header?: { quotedPrintable: boolean; binary: boolean };
  softBreak: boolean;
  truncated: boolean;
}

// vCard 2.1 writers put base64 continuation lines without indentation and end the value with a
// blank line (vCard 2.1 §2.1.3); a base64 line has no colon, so it cannot be the next property.
const BASE64_LINE = /^[A-Za-z0-9+/=]+$/;

/**
 * Turns physical lines into logical content lines, one line at a time (a file of many cards is never
 * held whole). Folding differs by version: vCard 3.0/4.0 remove the line break and the one space or
 * tab after it (RFC 6350 §3.2); vCard 2.1 folds only at whitespace and keeps it (vCard 2.1 §2.1.3).
 * A quoted-printable value ending in "=" continues on the next line whatever that line starts with.
 * Binary values are counted and dropped as they stream by.
 */
export class VCardUnfolder {
  private pending: Pending | undefined;
  private version21 = false;

  /** Feed one physical line (with or without its terminator) and its number; returns completed lines. */
  push(physical: string, lineNumber: number): ContentLine[] {
    const text = stripLineBreak(physical);
    const out: ContentLine[] = [];
    const pending = this.pending;
    if (pending) {
      if (pending.header?.binary) {
        const continues = /^[ \t]/.test(text) || (BASE64_LINE.test(text) && !/^(END|BEGIN)$/i.test(text));
        if (continues) {
          pending.chars += text.replace(/^[ \t]/, '').length;
          return out;
        }
        this.flush(out);
      } else if (pending.softBreak && !/^END:VCARD\s*$/i.test(text)) {
        this.append(pending, text);
        return out;
      } else if (/^[ \t]/.test(text)) {
        this.append(pending, this.version21 ? text : text.slice(1));
        return out;
      } else {
        this.flush(out);
      }
    }
    if (text.trim() === '') return out;
    const started: Pending = { line: lineNumber, parts: [], chars: 0, softBreak: false, truncated: false };
    this.pending = started;
    this.append(started, text);
    return out;
  }

  /** The last line, at the end of the input. */
  end(): ContentLine[] {
    const out: ContentLine[] = [];
    this.flush(out);
    return out;
  }

  private append(pending: Pending, segment: string): void {
    if (pending.header?.binary) {
      pending.chars += segment.length;
      return;
    }
    let piece = segment;
    if (pending.chars + piece.length > MAX_PROPERTY_CHARS) {
      piece = piece.slice(0, Math.max(0, MAX_PROPERTY_CHARS - pending.chars));
      pending.truncated = true;
    }
    if (piece) {
      pending.parts.push(piece);
      pending.chars += piece.length;
    }
    if (!pending.header) this.decideHeader(pending);
    if (pending.header?.quotedPrintable) {
      // A trailing "=" is a soft line break (RFC 2045 §6.7 rule 5): drop it and join the next line.
      const last = pending.parts[pending.parts.length - 1] ?? '';
      pending.softBreak = last.endsWith('=') && !pending.truncated;
      if (pending.softBreak) pending.parts[pending.parts.length - 1] = last.slice(0, -1);
    }
  }

  private decideHeader(pending: Pending): void {
    const text = pending.parts.join('');
    const end = headerEnd(text);
    if (end < 0) return;
    const property = parseProperty(text);
    const encoding = property?.encoding ?? '';
    const binary = property ? isBinaryProperty(property) : false;
    pending.header = { quotedPrintable: encoding === 'QUOTED-PRINTABLE' || encoding === 'QP', binary };
    if (binary) {
      // Keep the name and parameters for the record; count the data and let it go.
      pending.chars = text.length - end - 1;
      pending.parts = [text.slice(0, end + 1)];
    }
  }

  private flush(out: ContentLine[]): void {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    const text = pending.parts.join('');
    if (/^VERSION:/i.test(text)) this.version21 = text.slice(8).trim() === '2.1';
    else if (/^BEGIN:VCARD\s*$/i.test(text)) this.version21 = false;
    out.push({
      line: pending.line,
      text,
      ...(pending.header?.binary && { binaryChars: pending.chars }),
      ...(pending.truncated && { truncated: true }),
    });
  }
}
