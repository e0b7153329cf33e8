import { lazy } from 'react';
import { LazyPart } from '../../ui/Loading.js';

// DOMPurify and the frame are a chunk of their own, loaded when an HTML mail is first shown.
const Frame = lazy(() => import('./MailHtmlFrame.js').then((m) => ({ default: m.MailHtmlFrame })));

/** `MailHtmlFrame`, loaded on first use. */
export function MailHtmlFrame(props: { html: string; title: string; highlights?: readonly string[] }) {
  return (
    <LazyPart>
      <Frame {...props} />
    </LazyPart>
  );
}
