import { useMemo } from 'react';
import { mailFrameDocument, sanitizeMailHtml } from './sanitizeMailHtml.js';

/**
 * An HTML mail in a sandboxed iframe: `sandbox=""` gives it an opaque origin with no scripts, no
 * forms, no popups and no navigation of the app; its own CSP loads nothing remote.
 */
export function MailHtmlFrame({ html, title }: { html: string; title: string }) {
  const doc = useMemo(() => mailFrameDocument(sanitizeMailHtml(html)), [html]);
  return <iframe className="mail-frame" title={title} sandbox="" srcDoc={doc} referrerPolicy="no-referrer" data-testid="mail-frame" />;
}
