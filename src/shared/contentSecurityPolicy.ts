/**
 * The app's Content Security Policy, the same in Electron and behind the HTTP bridge. Nothing remote:
 * scripts, styles, fonts and data come from the app itself. Inline styles are allowed because React
 * and the virtualized list position rows with `style`; inline scripts are not.
 * `frame-src 'self'` admits only the sandboxed `srcdoc` iframe that shows HTML mail.
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The policy inside the iframe that shows an HTML mail (LIBRARIES.md "HTML mail"): no scripts, no
 * network, images only from `data:` (inline `cid:` parts are converted to data URLs) and inline styles.
 */
export const MAIL_FRAME_CSP = "default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'";
