import type { Lang } from '../../shared/api.js';

export interface ExtensionNoticeFacts {
  readonly caseId: string;
  readonly subjectName: string | null;
  readonly receivedOn: string;
  readonly until: string;
  readonly reason: string;
  readonly controllerName: string;
}

/**
 * The letter telling the person that the deadline is extended. Art. 12(3) sentence 3 requires it
 * within one month of receipt, with the reasons for the delay; the officer reviews and sends it.
 */
export function draftExtensionNotice(facts: ExtensionNoticeFacts, lang: Lang): string {
  const date = (iso: string) => formatDate(iso, lang);
  if (lang === 'en') {
    return [
      `Your access request of ${date(facts.receivedOn)} (reference ${facts.caseId})`,
      '',
      `Dear ${facts.subjectName ?? 'Sir or Madam'},`,
      '',
      `we received your request for access under Art. 15 GDPR on ${date(facts.receivedOn)}. ` +
        `Taking into account the complexity and number of requests, we extend the period for our answer by two further months ` +
        `under Art. 12(3) sentence 2 GDPR. You will receive our answer by ${date(facts.until)} at the latest.`,
      '',
      `Reason for the extension: ${facts.reason}`,
      '',
      'You have the right to lodge a complaint with a supervisory authority.',
      '',
      'Kind regards',
      facts.controllerName,
    ].join('\n');
  }
  return [
    `Ihr Auskunftsersuchen vom ${date(facts.receivedOn)} (Az. ${facts.caseId})`,
    '',
    facts.subjectName ? `Sehr geehrte/r ${facts.subjectName},` : 'Sehr geehrte Damen und Herren,',
    '',
    `Ihr Auskunftsersuchen nach Art. 15 DSGVO ist am ${date(facts.receivedOn)} bei uns eingegangen. ` +
      `Unter Berücksichtigung der Komplexität und der Anzahl von Anträgen verlängern wir die Frist für unsere Antwort ` +
      `gemäß Art. 12 Abs. 3 Satz 2 DSGVO um zwei weitere Monate. Sie erhalten unsere Antwort spätestens am ${date(facts.until)}.`,
    '',
    `Grund der Verlängerung: ${facts.reason}`,
    '',
    'Sie haben das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren.',
    '',
    'Mit freundlichen Grüßen',
    facts.controllerName,
  ].join('\n');
}

function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-');
  return lang === 'de' ? `${d}.${m}.${y}` : `${y}-${m}-${d}`;
}
