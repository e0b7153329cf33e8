import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../../../shared/findings.js';
import { useApi } from '../../api/ApiContext.js';

type OcrPage = NonNullable<Extract<RecordData, { kind: 'document' }>['ocr']>[number];

/**
 * The scanned pages OCR read, each with the words that matched boxed, shown beside the recognised
 * text: the officer checks what OCR read against the page itself. The image is read from the source
 * on demand (never stored) as a data: URL, which the renderer's CSP allows; nothing remote loads.
 */
export function ScanPages({ caseId, findingId, pages }: { caseId: string; findingId: string; pages: readonly OcrPage[] }) {
  const { t } = useTranslation();
  return (
    <section className="scan-pages" aria-label={t('review.scanPages')}>
      {pages.map((page) => (
        <ScanPage key={page.page} caseId={caseId} findingId={findingId} page={page} />
      ))}
    </section>
  );
}

function ScanPage({ caseId, findingId, page }: { caseId: string; findingId: string; page: OcrPage }) {
  const { t } = useTranslation();
  const api = useApi();
  const [image, setImage] = useState<{ src: string | null; scale: number } | undefined>(undefined);
  useEffect(() => {
    let current = true;
    setImage(undefined);
    api.review.scanPage({ caseId, findingId, page: page.page }).then(
      (r) => current && setImage({ src: r.image, scale: r.scale }),
      () => current && setImage({ src: null, scale: 1 }),
    );
    return () => {
      current = false;
    };
  }, [api, caseId, findingId, page.page]);

  const caption = t('review.scanPage', { page: page.page, confidence: page.confidence });
  return (
    <figure className="scan-page" data-testid="scan-page">
      <figcaption>{caption}</figcaption>
      {image === undefined && <p className="muted">{t('review.scanLoading')}</p>}
      {image?.src === null && <p className="muted">{t('review.scanUnavailable')}</p>}
      {image?.src && (
        // Boxes are placed in percent of the page, so the page scales to the column and they stay on their words.
        <div className="scan-image">
          <img src={image.src} alt={caption} width={Math.round(page.width * image.scale)} height={Math.round(page.height * image.scale)} />
          {page.boxes.map((box, i) => (
            <span
              key={i}
              className="scan-box"
              data-testid="scan-box"
              title={box.value}
              style={{
                left: `${(box.x0 / page.width) * 100}%`,
                top: `${(box.y0 / page.height) * 100}%`,
                width: `${((box.x1 - box.x0) / page.width) * 100}%`,
                height: `${((box.y1 - box.y0) / page.height) * 100}%`,
              }}
            />
          ))}
        </div>
      )}
    </figure>
  );
}
