import { extensionReasonText } from '../cases/extensionReasons.js';
import type { Lang } from '../register/localizedText.js';
import type { Controller } from '../workspace/workspace.js';
import { writeFileAtomically } from './atomicWrite.js';
import { formatDate } from './packageTexts.js';
import { PdfWriter } from './pdfWriter.js';

export interface ExtensionNoticeInput {
  readonly caseId: string;
  readonly controller: Controller;
  readonly subjectName: string | null;
  readonly subjectEmail: string | null;
  readonly receivedOn: string;
  readonly due: string;
  readonly until: string;
  readonly reasonCodes: readonly string[];
  readonly reason: string | null;
  /** The notice's date (the day it is sent), within the first month. */
  readonly date: string;
  readonly lang: Lang;
}

const TEXTS = {
  de: {
    title: (ref: string) => `Zwischenbescheid zu Ihrem Auskunftsersuchen – ${ref}`,
    heading: 'Zwischenbescheid: Verlängerung der Frist (Art. 12 Abs. 3 DSGVO)',
    to: 'An',
    date: 'Datum',
    ref: 'Unser Zeichen',
    greeting: (n: string | null) => (n ? `Guten Tag ${n},` : 'Guten Tag,'),
    body: (received: string, due: string, until: string) =>
      `Ihr Auskunftsersuchen nach Art. 15 DSGVO ist am ${received} bei uns eingegangen. Die Frist für unsere Antwort endet regulär am ${due}. ` +
      `Wir können Ihr Ersuchen in dieser Frist nicht vollständig beantworten und verlängern sie daher nach Art. 12 Abs. 3 Satz 2 DSGVO um zwei Monate. ` +
      `Sie erhalten unsere Auskunft spätestens am ${until}.`,
    reasons: 'Gründe für die Verlängerung:',
    rights:
      'Sind Sie mit der Verlängerung nicht einverstanden, können Sie sich bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO) und gerichtlich gegen uns vorgehen (Art. 79 DSGVO).',
    authority: 'Für uns zuständig ist',
    closing: 'Mit freundlichen Grüßen',
    footer: (ref: string, p: number, t: number) => `${ref} · Seite ${p} von ${t}`,
  },
  en: {
    title: (ref: string) => `Interim notice on your access request – ${ref}`,
    heading: 'Interim notice: extension of the deadline (Art. 12(3) GDPR)',
    to: 'To',
    date: 'Date',
    ref: 'Our reference',
    greeting: (n: string | null) => (n ? `Dear ${n},` : 'Dear Sir or Madam,'),
    body: (received: string, due: string, until: string) =>
      `We received your request for access under Art. 15 GDPR on ${received}. The deadline for our answer would end on ${due}. ` +
      `We cannot answer your request completely within it and therefore extend it by two months under Art. 12(3) GDPR. ` +
      `You will receive our answer by ${until} at the latest.`,
    reasons: 'Reasons for the extension:',
    rights: 'If you do not agree with the extension, you can lodge a complaint with a supervisory authority (Art. 77 GDPR) and take legal action against us (Art. 79 GDPR).',
    authority: 'The authority competent for us is',
    closing: 'Yours sincerely',
    footer: (ref: string, p: number, t: number) => `${ref} · Page ${p} of ${t}`,
  },
} as const;

/**
 * The interim notice (Zwischenbescheid) that the deadline is extended: Art. 12(3) sentence 3 wants the
 * person told within one month of receipt, with the reasons for the delay. Written atomically.
 */
export async function writeExtensionNoticePdf(file: string, n: ExtensionNoticeInput): Promise<number> {
  const t = TEXTS[n.lang];
  const d = (iso: string) => formatDate(iso, n.lang);
  return writeFileAtomically(file, async (temp) => {
    const pdf = new PdfWriter(temp, { lang: n.lang === 'de' ? 'de-DE' : 'en-GB', title: t.title(n.caseId), author: n.controller.name });
    try {
      pdf.setFooter((page, total) => t.footer(n.caseId, page, total));
      const c = n.controller;
      pdf.begin('Sect');
      pdf.paragraph(c.name, { font: 'bold', size: 12, gapAfter: 0.1 });
      pdf.paragraph([c.address, c.email, c.phone].filter(Boolean).join('\n'), { size: 8.5, color: '#333333', gapAfter: 1.2 });
      const recipient = [n.subjectName, n.subjectEmail].filter(Boolean).join(', ');
      pdf.paragraph([recipient ? `${t.to}: ${recipient}` : null, `${t.date}: ${d(n.date)}`, `${t.ref}: ${n.caseId}`].filter(Boolean).join('\n'), { gapAfter: 1 });
      pdf.heading(1, t.heading, 'notice');
      pdf.paragraph(t.greeting(n.subjectName));
      pdf.paragraph(t.body(d(n.receivedOn), d(n.due), d(n.until)));
      pdf.paragraph(t.reasons, { gapAfter: 0.2 });
      pdf.list(extensionReasonText(n.reasonCodes, n.reason, n.lang).split('; '));
      pdf.paragraph(t.rights);
      pdf.paragraph(`${t.authority}: ${c.supervisoryAuthority}`, { gapAfter: 1 });
      pdf.paragraph(t.closing, { gapAfter: 0.2 });
      pdf.paragraph(c.name);
      pdf.end(pdf.structure);
      return await pdf.finish();
    } catch (err) {
      pdf.abandon();
      throw err;
    }
  });
}
