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
  const purify = DOMPurify(window);
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent) node.textContent = node.textContent.replace(IMPORT, '').replace(REMOTE_URL, 'none');
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    for (const name of FETCHING_ATTRIBUTES) {
      const value = element.getAttribute?.(name);
      if (value !== null && value !== undefined && !/^\s*data:/i.test(value)) element.removeAttribute(name);
    }
    const href = element.getAttribute?.('href');
    if (href !== null && href !== undefined) {
      // Keep where a link pointed as a tooltip; the officer can still read it.
      element.setAttribute('title', href);
      element.removeAttribute('href');
    }
    const style = element.getAttribute?.('style');
    if (style) element.setAttribute('style', style.replace(REMOTE_URL, 'none'));
  });
  const clean = purify.sanitize(html, {
    WHOLE_DOCUMENT: false,
    FORBID_TAGS: ['link', 'meta', 'base', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'video', 'audio', 'source', 'track', 'picture', 'svg', 'math'],
    FORBID_ATTR: ['ping', 'target'],
    ALLOW_DATA_ATTR: false,
  });
  return clean;
}

/** The iframe document: the sanitized body under a CSP of its own that loads nothing remote. */
export function mailFrameDocument(cleanHtml: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${MAIL_FRAME_CSP}"><meta name="referrer" content="no-referrer"><style>body{font:14px/1.45 system-ui,sans-serif;color:#1d2430;margin:12px;word-wrap:break-word}img{max-width:100%;height:auto}</style></head><body>${cleanHtml}</body></html>`;
}
