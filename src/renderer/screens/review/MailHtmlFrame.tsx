import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { highlightTerms, mailFrameDocument, sanitizeMailHtmlReport } from './sanitizeMailHtml.js';

/**
 * An HTML mail in a sandboxed iframe: `sandbox=""` gives it an opaque origin with no scripts, no
 * forms, no popups and no navigation of the app; its own CSP loads nothing remote. The identifiers
 * it was found by are marked, and what was blocked is said above it.
 */
export function MailHtmlFrame({ html, title, highlights = [] }: { html: string; title: string; highlights?: readonly string[] }) {
  const { t } = useTranslation();
  const { doc, blockedImages } = useMemo(() => {
    const report = sanitizeMailHtmlReport(html);
    return { doc: mailFrameDocument(highlightTerms(report.html, highlights)), blockedImages: report.blockedImages };
  }, [html, highlights]);
  return (
    <>
      {blockedImages > 0 && (
        <p className="hint" data-testid="blocked-images">
          {t('review.blockedImages', { count: blockedImages })}
        </p>
      )}
      <iframe className="mail-frame" title={title} sandbox="" srcDoc={doc} referrerPolicy="no-referrer" data-testid="mail-frame" />
    </>
  );
}
