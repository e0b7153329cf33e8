import DOMPurify from 'dompurify';
import { MAIL_FRAME_CSP } from '../../../shared/contentSecurityPolicy.js';

/** Attributes that can make a browser fetch something. */
const FETCHING_ATTRIBUTES = ['src', 'srcset', 'background', 'poster', 'action', 'formaction', 'xlink:href', 'lowsrc', 'dynsrc', 'longdesc'];
const REMOTE_URL = /url\s*\(\s*['"]?\s*(?!data:|cid:)[^)]*\)/gi;
const IMPORT = /@import[^;]*;?/gi;

/**
 * Make an HTML mail safe to look at (docs/ARCHITECTURE.md "HTML mail is sanitized and never loads remote
 * content"). Three layers, each sufficient against tracking pixels on its own:
 * 1. DOMPurify removes scripts, event handlers, forms, frames, objects and the like;
 * 2. this hook drops every attribute that could fetch a non-`data:` URL, every link target (clicking
 *    a link would navigate the frame) and remote `url()`/`@import` in styles;
 * 3. the result is shown in a sandboxed iframe whose own CSP allows no network at all.
 */
export function sanitizeMailHtml(html: string): string {
  return sanitizeMailHtmlReport(html).html;
}

/** `sanitizeMailHtml`, counting the remote images it blocked ("1 externes Bild blockiert"). */
export function sanitizeMailHtmlReport(html: string): { html: string; blockedImages: number } {
  let blockedImages = 0;
  const purify = DOMPurify(window);
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent) node.textContent = node.textContent.replace(IMPORT, '').replace(REMOTE_URL, 'none');
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    let blocked = false; // an image: an <img> source, or a background picture
    for (const name of FETCHING_ATTRIBUTES) {
      const value = element.getAttribute?.(name);
      if (value !== null && value !== undefined && !/^\s*data:/i.test(value)) {
        element.removeAttribute(name);
        if (((name === 'src' || name === 'srcset') && element.tagName === 'IMG') || name === 'background') blocked = true;
      }
    }
    if (blocked) blockedImages++;
    const href = element.getAttribute?.('href');
    if (href !== null && href !== undefined) {
      // Keep where a link pointed as a tooltip; the officer can still read it.
      element.setAttribute('title', href);
      element.removeAttribute('href');
    }
    const style = element.getAttribute?.('style');
    if (style) {
      const images = style.match(REMOTE_URL)?.length ?? 0;
      blockedImages += images;
      if (images) element.setAttribute('style', style.replace(REMOTE_URL, 'none'));
    }
  });
  const clean = purify.sanitize(html, {
    WHOLE_DOCUMENT: false,
    FORBID_TAGS: ['link', 'meta', 'base', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'video', 'audio', 'source', 'track', 'picture', 'svg', 'math'],
    FORBID_ATTR: ['ping', 'target'],
    ALLOW_DATA_ATTR: false,
  });
  return { html: clean, blockedImages };
}

/**
 * Mark every occurrence of `terms` (the identifiers the mail was found by) in the text of sanitized
 * HTML. Parsed in an inert document (DOMParser loads nothing), so the result stays as safe as its input.
 */
export function highlightTerms(cleanHtml: string, terms: readonly string[]): string {
  const wanted = [...new Set(terms.map((t) => t.trim().toLowerCase()).filter((t) => t.length >= 2))];
  if (!wanted.length) return cleanHtml;
  const doc = new DOMParser().parseFromString(`<body>${cleanHtml}</body>`, 'text/html');
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.parentElement?.tagName !== 'STYLE') nodes.push(n as Text);
  for (const node of nodes) {
    const text = node.data;
    const lower = text.toLowerCase();
    if (lower.length !== text.length) continue;
    const hits: { start: number; end: number }[] = [];
    for (const term of wanted) for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) hits.push({ start: at, end: at + term.length });
    if (!hits.length) continue;
    hits.sort((a, b) => a.start - b.start);
    const fragment = doc.createDocumentFragment();
    let at = 0;
    for (const h of hits) {
      if (h.start < at) continue;
      fragment.append(text.slice(at, h.start));
      const mark = doc.createElement('mark');
      mark.className = 'match';
      mark.textContent = text.slice(h.start, h.end);
      fragment.append(mark);
      at = h.end;
    }
    fragment.append(text.slice(at));
    node.replaceWith(fragment);
  }
  return doc.body.innerHTML;
}

/** The iframe document: the sanitized body under a CSP of its own that loads nothing remote. */
export function mailFrameDocument(cleanHtml: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${MAIL_FRAME_CSP}"><meta name="referrer" content="no-referrer"><style>body{font:14px/1.45 system-ui,sans-serif;color:#1d2430;margin:12px;word-wrap:break-word}img{max-width:100%;height:auto}mark.match{background:#dbeafe;color:inherit;outline:1px solid #2563eb}</style></head><body>${cleanHtml}</body></html>`;
}

/** Bounds of the frame's height: a one-line mail stays readable, a long one scrolls inside the frame. */
const FRAME_MIN_PX = 96;
const FRAME_MAX_PX = 640;

/**
 * About how tall sanitized HTML renders in the frame (14px/1.45, 12px margins), so that a short mail
 * leaves no empty frame below it. The sandboxed frame has an opaque origin and runs no script, so it
 * cannot be measured or report its size; this estimate from the inert parse is the price of that
 * isolation. Too small, the frame scrolls; it can also be resized by hand.
 */
export function estimateFrameHeight(cleanHtml: string, widthPx = 760): number {
  const doc = new DOMParser().parseFromString(`<body>${cleanHtml}</body>`, 'text/html');
  const charsPerLine = Math.max(20, Math.floor((widthPx - 24) / 7.5));
  let lines = 0;
  let images = 0;
  const blocks = doc.body.querySelectorAll('p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote, pre, br, hr');
  for (const el of blocks) {
    // Only the innermost blocks carry their own lines; an outer div's text is its children's.
    if (el.tagName !== 'BR' && el.querySelector('p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote, pre')) continue;
    const text = (el.textContent ?? '').trim().length;
    lines += el.tagName === 'BR' ? 1 : Math.max(1, Math.ceil(text / charsPerLine)) + (el.tagName === 'P' ? 1 : 0);
  }
  if (!blocks.length) lines = Math.max(1, Math.ceil((doc.body.textContent ?? '').trim().length / charsPerLine));
  for (const img of doc.body.querySelectorAll('img[src]')) images += Math.min(400, Number(img.getAttribute('height')) || 120);
  // Body margins (24), the first and last paragraph's outer margins (28) and a line to spare (20).
  return Math.round(Math.min(FRAME_MAX_PX, Math.max(FRAME_MIN_PX, 72 + lines * 20.3 + images)));
}
