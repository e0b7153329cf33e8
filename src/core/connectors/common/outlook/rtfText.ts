import iconv from 'iconv-lite';

/** Destinations that hold no text a person wrote: font and colour tables, pictures, embedded objects. */
const SKIPPED_DESTINATIONS = new Set(['fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'themedata', 'colorschememapping', 'datastore', 'latentstyles', 'header', 'footer', 'fldinst']);

export interface RtfContent {
  /** `html` when the RTF encapsulates an HTML body (`\fromhtml1`, MS-OXRTFEX), else `text`. */
  readonly kind: 'text' | 'html';
  readonly content: string;
}

/**
 * The text of an RTF body, as Outlook stores it when a message has neither a plain nor an HTML body.
 * Not a renderer: it keeps the characters (`\'hh` in the document's code page, `\uN`), line breaks
 * and, for HTML wrapped in RTF, the original HTML, so that every identifier can be matched.
 */
export function rtfToText(rtf: string): RtfContent {
  const fromHtml = /\\fromhtml1/.test(rtf.slice(0, 4096));
  const cpMatch = /\\ansicpg(\d+)/.exec(rtf.slice(0, 4096));
  const codepage = cpMatch && iconv.encodingExists(`cp${cpMatch[1]}`) ? `cp${cpMatch[1]}` : 'cp1252';
  const out: string[] = [];
  const bytes: number[] = [];
  const flushBytes = () => {
    if (bytes.length) out.push(iconv.decode(Buffer.from(bytes), codepage));
    bytes.length = 0;
  };
  // Group state: skipping a destination, inside \htmlrtf (RTF-only text of encapsulated HTML), \ucN.
  interface State { skip: boolean; htmlrtf: boolean; uc: number; htmltag: boolean }
  const stack: State[] = [];
  let state: State = { skip: false, htmlrtf: false, uc: 1, htmltag: false };
  let skipChars = 0;
  let groupStart = false;
  let i = 0;
  const emit = (text: string) => {
    if (state.skip || (fromHtml && state.htmlrtf && !state.htmltag)) return;
    flushBytes();
    out.push(text);
  };
  while (i < rtf.length) {
    const c = rtf[i]!;
    if (c === '{') {
      stack.push(state);
      state = { ...state };
      groupStart = true;
      i++;
      continue;
    }
    if (c === '}') {
      state = stack.pop() ?? state;
      groupStart = false;
      i++;
      continue;
    }
    if (c === '\\') {
      const next = rtf[i + 1];
      if (next === "'") {
        const hex = rtf.slice(i + 2, i + 4);
        i += 4;
        if (skipChars > 0) { skipChars--; continue; }
        if (!state.skip && !(fromHtml && state.htmlrtf && !state.htmltag)) bytes.push(parseInt(hex, 16));
        continue;
      }
      if (next === '*') {
        // An ignorable destination: skipped unless it is the HTML of encapsulated HTML.
        const word = /^\\\*\\([a-z]+)(-?\d+)? ?/.exec(rtf.slice(i, i + 40));
        if (word?.[1] === 'htmltag' || word?.[1] === 'mhtmltag') {
          state.htmltag = true;
          state.htmlrtf = false;
          i += word[0].length;
          continue;
        }
        state.skip = true;
        i += 2;
        continue;
      }
      if (next !== undefined && !/[a-zA-Z]/.test(next)) {
        i += 2;
        if (next === '\\' || next === '{' || next === '}') emit(next);
        else if (next === '~') emit('\u00a0');
        else if (next === '\n' || next === '\r') emit('\n');
        continue;
      }
      const m = /^\\([a-zA-Z]+)(-?\d+)? ?/.exec(rtf.slice(i, i + 64));
      if (!m) { i++; continue; }
      i += m[0].length;
      const word = m[1]!;
      const arg = m[2] === undefined ? undefined : Number(m[2]);
      if (groupStart && SKIPPED_DESTINATIONS.has(word)) state.skip = true;
      groupStart = false;
      switch (word) {
        case 'par': case 'line': case 'sect': case 'page': case 'row': emit('\n'); break;
        case 'tab': case 'cell': emit('\t'); break;
        case 'uc': state.uc = arg ?? 1; break;
        case 'u': emit(String.fromCharCode(arg! < 0 ? arg! + 65536 : arg!)); skipChars = state.uc; break;
        case 'htmlrtf': state.htmlrtf = arg !== 0; break;
        case 'emdash': emit('—'); break;
        case 'endash': emit('–'); break;
        case 'lquote': emit('‘'); break;
        case 'rquote': emit('’'); break;
        case 'ldblquote': emit('“'); break;
        case 'rdblquote': emit('”'); break;
        case 'bullet': emit('•'); break;
        default: break;
      }
      continue;
    }
    groupStart = false;
    i++;
    if (c === '\r' || c === '\n') continue;
    if (skipChars > 0) { skipChars--; continue; }
    if (state.skip || (fromHtml && state.htmlrtf && !state.htmltag)) continue;
    bytes.push(c.charCodeAt(0) & 0xff);
    if (c.charCodeAt(0) > 0xff) { bytes.pop(); emit(c); }
  }
  flushBytes();
  return { kind: fromHtml ? 'html' : 'text', content: out.join('') };
}
