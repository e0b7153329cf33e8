import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { estimateFrameHeight, highlightTerms, mailFrameDocument, sanitizeMailHtmlReport } from './sanitizeMailHtml.js';

/**
 * An HTML mail in a sandboxed iframe: `sandbox=""` gives it an opaque origin with no scripts, no
 * forms, no popups and no navigation of the app; its own CSP loads nothing remote. The identifiers
 * it was found by are marked, and what was blocked is said above it.
 */
export function MailHtmlFrame({ html, title, highlights = [] }: { html: string; title: string; highlights?: readonly string[] }) {
  const { t } = useTranslation();
  const { doc, blockedImages, height } = useMemo(() => {
    const report = sanitizeMailHtmlReport(html);
    const marked = highlightTerms(report.html, highlights);
    return { doc: mailFrameDocument(marked), blockedImages: report.blockedImages, height: estimateFrameHeight(marked) };
  }, [html, highlights]);
  return (
    <>
      {blockedImages > 0 && (
        <p className="hint" data-testid="blocked-images">
          {t('review.blockedImages', { count: blockedImages })}
        </p>
      )}
      <iframe className="mail-frame" style={{ height }} title={title} sandbox="" srcDoc={doc} referrerPolicy="no-referrer" data-testid="mail-frame" />
    </>
  );
}
