import type { Lang } from '../register/localizedText.js';

/**
 * Every sentence of the response letter, in German and English. Art. 12(1) GDPR asks for "concise,
 * transparent, intelligible and easily accessible form, using clear and plain language"; the EDPB
 * Guidelines 01/2022 (version 2.1) describe what an answer to Art. 15 must contain, and the section
 * comments below cite them. Functions take the values they need, so each sentence reads as a whole.
 */
export interface PackageTexts {
  readonly placeholder: string; // replaces redacted text
  readonly pdfName: string;
  readonly zipName: string;
  readonly locale: string; // for dates
  readonly documentTitle: (reference: string) => string;

  // Letter
  readonly letterHeading: string;
  readonly to: string;
  readonly date: string;
  readonly ourReference: string;
  readonly subjectLine: (receivedOn: string) => string;
  readonly greeting: (name: string | null) => string;
  readonly receivedAndConfirmed: (receivedOn: string) => string;
  readonly noDataConfirmation: (receivedOn: string) => string;
  readonly whatYouGet: string;
  readonly whatYouGetItems: readonly string[];
  readonly noDataItems: readonly string[];
  readonly searchedSystems: (kinds: string) => string;
  readonly deadlineSentence: (due: string) => string;
  readonly extensionSentence: (until: string, reasons: string) => string;
  readonly redactionSentence: (records: number, reasons: string) => string;
  readonly withheldSentence: (files: number) => string;
  readonly questions: (email: string, dpo: string | null) => string;
  readonly closing: string;
  readonly registerOnlyNoData: string;

  // Limits of the answer (Art. 12(4), 15(4); EDPB Guidelines 01/2022): what was searched, what is not in it, and why
  readonly limitsHeading: string;
  readonly limitsSearched: string;
  readonly searchedSource: (id: string, kind: string, partial: boolean) => string;
  readonly limitsRedacted: (records: number) => string;
  readonly limitsWithheld: (files: number) => string;
  readonly reasonThirdParties: string;
  readonly limitsNothingWithheld: string;
  readonly limitsNotSearched: (names: string) => string;
  readonly limitsConfirmedNoData: (names: string) => string;
  readonly limitsHeldByOthers: string;
  readonly accessViaUs: (processors: string, count: number) => string;
  readonly accessFromController: (controllers: string, count: number) => string;
  readonly remediesIntro: string;
  readonly complaintRemedy: (authority: string) => string;
  readonly courtRemedy: string;

  // Table of contents
  readonly tocHeading: string;
  readonly page: string;

  // Overview
  readonly overviewHeading: string;
  readonly overviewIntro: string;
  readonly overviewColumns: readonly [string, string, string];
  readonly registerOnlyHeading: string;
  readonly registerOnlyIntro: string;

  // Activities
  readonly activitiesHeading: string;
  readonly activitiesIntro: string;
  readonly purposes: string;
  readonly legalBasis: string;
  readonly categories: string;
  readonly recipients: string;
  readonly noRecipients: string;
  readonly recipientRole: Readonly<Record<'processor' | 'controller' | 'authority', string>>;
  readonly transfers: string;
  readonly noTransfers: string;
  readonly transferLine: (country: string, recipient: string, safeguard: string) => string;
  readonly retention: string;
  readonly source: string;
  readonly sourceFromYou: string;
  readonly sourceNotRecorded: string;
  readonly accessLabel: string;
  readonly automatedDecisions: string;
  readonly noAutomatedDecisions: string;
  readonly copyOfActivity: string;
  readonly recordsInCopy: (count: number, numbers: string) => string;
  readonly noLocalCopy: string;

  // Rights
  readonly rightsHeading: string;
  readonly rights: readonly { readonly title: string; readonly text: string }[];
  readonly consentWithdrawal: { readonly title: string; readonly text: string };
  readonly complaintTitle: string;
  readonly complaintText: string;
  readonly authorityLabel: string;

  // Copy
  readonly copyHeading: string;
  readonly copyIntro: string;
  readonly kindHeadings: Readonly<Record<string, string>>;
  readonly itemHeading: (no: number, title: string) => string;
  readonly foundIn: string;
  readonly activity: string;
  readonly mailHeaders: Readonly<Record<'from' | 'to' | 'cc' | 'subject' | 'date', string>>;
  readonly attachments: string;
  readonly noText: string;
  readonly field: string;
  readonly value: string;
  readonly line: string;
  readonly content: string;
  readonly number: string;
  readonly files: string;
  readonly withheldFile: string;
  readonly originalUnavailable: string;
  readonly recordingMissing: string;
  readonly redactedNote: (reasons: string) => string;
  /** The name of an attachment's redacted copy: "liste.csv" → "liste (geschwärzt).csv". */
  readonly redactedFileName: (stem: string, ext: string) => string;
  /** Heading and note of the text rendering that replaces a PDF or DOCX with third-party data. */
  readonly redactedRenderingTitle: (name: string) => string;
  readonly redactedRenderingNote: (name: string) => string;
  readonly unreadableFile: string;
  readonly ticketArticle: (n: number, from: string, date: string) => string;
  readonly documentPages: (pages: number) => string;
  /** Says that a document's text was read from a scan by OCR and may differ from the page. */
  readonly machineRead: string;
  readonly recording: string;

  // Footer
  readonly footer: (reference: string, page: number, total: number) => string;

  // Internal report
  readonly internalHeading: string;
}

const de: PackageTexts = {
  placeholder: '[geschwärzt]',
  pdfName: 'Auskunft.pdf',
  zipName: 'Auskunft.zip',
  locale: 'de-DE',
  documentTitle: (ref) => `Auskunft nach Art. 15 DSGVO – ${ref}`,

  letterHeading: 'Auskunft nach Art. 15 DSGVO',
  to: 'An',
  date: 'Datum',
  ourReference: 'Unser Zeichen',
  subjectLine: (received) => `Ihr Auskunftsersuchen vom ${received}`,
  greeting: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
  receivedAndConfirmed: (received) =>
    `wir haben Ihr Ersuchen um Auskunft am ${received} erhalten. Wir bestätigen Ihnen hiermit nach Art. 15 Abs. 1 DSGVO, dass wir personenbezogene Daten über Sie verarbeiten.`,
  noDataConfirmation: (received) =>
    `wir haben Ihr Ersuchen um Auskunft am ${received} erhalten und die unten genannten Datenbestände nach Ihren Angaben durchsucht. Wir haben dabei keine personenbezogenen Daten über Sie gefunden. Wir bestätigen Ihnen daher nach Art. 15 Abs. 1 DSGVO: Über Ihr Ersuchen selbst und seine Bearbeitung hinaus (Ihre Angaben im Ersuchen, unsere Korrespondenz mit Ihnen und unser Nachweis über die Beantwortung, Art. 5 Abs. 2 und Art. 6 Abs. 1 lit. c DSGVO) verarbeiten wir keine personenbezogenen Daten über Sie.`,
  whatYouGet: 'Mit diesem Schreiben erhalten Sie:',
  whatYouGetItems: [
    'eine Übersicht, welche Daten wir zu welchem Zweck verarbeiten;',
    'zu jeder Verarbeitung die Angaben nach Art. 15 Abs. 1 und 2 DSGVO: Zwecke, Rechtsgrundlage, Datenkategorien, Empfänger, Übermittlungen in Drittländer, Speicherdauer, Herkunft der Daten und automatisierte Entscheidungen;',
    'Ihre Rechte und die zuständige Aufsichtsbehörde;',
    'eine Kopie Ihrer Daten nach Art. 15 Abs. 3 DSGVO (Abschnitt „Kopie Ihrer Daten“);',
    'dieselben Daten in maschinenlesbarer Form (Datei data.json) und die Originale, etwa E-Mails als .eml-Dateien (Ordner files).',
  ],
  noDataItems: ['Ihre Rechte und die zuständige Aufsichtsbehörde finden Sie im Abschnitt „Ihre Rechte“.'],
  searchedSystems: (kinds) => `Durchsucht haben wir: ${kinds}.`,
  deadlineSentence: (due) => `Die Frist für unsere Antwort nach Art. 12 Abs. 3 DSGVO endet am ${due}.`,
  extensionSentence: (until, reasons) =>
    `Wir haben diese Frist nach Art. 12 Abs. 3 Satz 2 DSGVO um zwei Monate bis zum ${until} verlängert. Gründe: ${reasons}`,
  redactionSentence: (records, reasons) =>
    `Zum Schutz der Rechte und Freiheiten anderer Personen (Art. 15 Abs. 4 DSGVO) haben wir in ${records} ${records === 1 ? 'Datensatz' : 'Datensätzen'} Angaben über Dritte entfernt. Sie sind mit „[geschwärzt]“ gekennzeichnet. Gründe: ${reasons}.`,
  withheldSentence: (files) =>
    `${files} ${files === 1 ? 'Originaldatei enthält' : 'Originaldateien enthalten'} Angaben über Dritte und ${files === 1 ? 'liegt' : 'liegen'} deshalb nicht bei; ihr Inhalt steht, soweit er Sie betrifft, in der Kopie.`,
  questions: (email, dpo) =>
    `Bei Fragen erreichen Sie uns unter ${email}${dpo ? `; unsere Datenschutzbeauftragte bzw. unseren Datenschutzbeauftragten unter ${dpo}` : ''}.`,
  closing: 'Mit freundlichen Grüßen',
  limitsHeading: 'Umfang und Grenzen dieser Auskunft',
  limitsSearched: 'Durchsucht haben wir diese Datenbestände:',
  searchedSource: (id, kind, partial) => `${kind} („${id}“)${partial ? ' – nur teilweise lesbar; was nicht gelesen werden konnte, prüfen wir nach' : ''}`,
  limitsRedacted: (n) => `In ${n} ${n === 1 ? 'Datensatz haben' : 'Datensätzen haben'} wir Angaben geschwärzt.`,
  limitsWithheld: (n) => `${n} ${n === 1 ? 'Originaldatei haben' : 'Originaldateien haben'} wir nicht beigefügt; was darin Sie betrifft, steht in der Kopie.`,
  reasonThirdParties: 'Grund: Schutz der Rechte und Freiheiten anderer Personen (Art. 15 Abs. 4 DSGVO), etwa Namen, Anschriften oder Kundendaten Dritter.',
  limitsNothingWithheld: 'Wir haben nichts geschwärzt und nichts zurückgehalten.',
  limitsNotSearched: (names) => `Folgende Verarbeitungen haben wir für diese Auskunft nicht durchsucht: ${names}. Enthalten sie Daten über Sie, erhalten Sie die Auskunft dazu gesondert.`,
  limitsConfirmedNoData: (names) => `Folgende Verarbeitungen haben wir von Hand geprüft; sie enthalten keine Daten über Sie: ${names}.`,
  limitsHeldByOthers: 'Daten, die nicht wir selbst, sondern Dienstleister oder andere Stellen vorhalten, und wie Sie sie erhalten:',
  accessViaUs: (processors, count) =>
    `${processors} ${count > 1 ? 'verarbeiten' : 'verarbeitet'} diese Daten in unserem Auftrag (Auftragsverarbeitung); eine Kopie liegt uns nicht vor. Auf Ihren Wunsch fordern wir sie dort an und reichen sie nach.`,
  accessFromController: (controllers, count) => `${controllers} ${count > 1 ? 'verarbeiten' : 'verarbeitet'} diese Daten in eigener Verantwortung; Auskunft darüber erhalten Sie unmittelbar dort.`,
  remediesIntro: 'Sind Sie mit den Schwärzungen oder Auslassungen nicht einverstanden, können Sie:',
  complaintRemedy: (authority) => `sich bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO); für uns zuständig ist ${authority};`,
  courtRemedy:
    'unabhängig davon gerichtlich gegen uns vorgehen (Art. 79 DSGVO); die Klage können Sie auch bei den Gerichten des Mitgliedstaats erheben, in dem Sie Ihren gewöhnlichen Aufenthalt haben (Art. 79 Abs. 2 DSGVO).',
  registerOnlyNoData:
    'Unabhängig davon setzen wir auf unserer Website Dienste ein, bei denen Daten von Besucherinnen und Besuchern beim jeweiligen Anbieter verarbeitet werden, ohne dass wir eine Kopie davon vorhalten. Welche das sind, steht im Abschnitt „Verarbeitungen ohne eigene Kopie“.',

  tocHeading: 'Inhalt',
  page: 'Seite',

  overviewHeading: 'Übersicht',
  overviewIntro: 'Diese Tabelle zeigt, zu welchen Verarbeitungen wir Daten über Sie gefunden haben und welcher Art diese Daten sind.',
  overviewColumns: ['Verarbeitung', 'Daten über Sie', 'Datensätze'],
  registerOnlyHeading: 'Verarbeitungen ohne eigene Kopie',
  registerOnlyIntro:
    'Bei den folgenden Verarbeitungen verarbeitet der jeweilige Dienst Daten in unserem Auftrag oder in eigener Verantwortung; wir selbst halten dazu keine Kopie Ihrer Daten vor. Die Angaben nach Art. 15 DSGVO stehen im nächsten Abschnitt.',

  activitiesHeading: 'Angaben zu jeder Verarbeitung',
  activitiesIntro: 'Für jede Verarbeitung, in der Daten über Sie vorkommen oder vorkommen können, finden Sie hier die Angaben nach Art. 15 Abs. 1 und 2 DSGVO.',
  purposes: 'Zwecke (Art. 15 Abs. 1 lit. a DSGVO)',
  legalBasis: 'Rechtsgrundlage',
  categories: 'Kategorien personenbezogener Daten (Art. 15 Abs. 1 lit. b DSGVO)',
  recipients: 'Empfänger (Art. 15 Abs. 1 lit. c DSGVO)',
  noRecipients: 'Wir geben diese Daten an niemanden weiter.',
  recipientRole: { processor: 'Auftragsverarbeiter', controller: 'eigenverantwortlich', authority: 'Behörde' },
  transfers: 'Übermittlung in Drittländer und Garantien (Art. 15 Abs. 2 DSGVO)',
  noTransfers: 'Keine Übermittlung in Länder außerhalb der EU und des EWR.',
  transferLine: (country, recipient, safeguard) => `${recipient} (${country}): ${safeguard}`,
  retention: 'Speicherdauer (Art. 15 Abs. 1 lit. d DSGVO)',
  source: 'Herkunft der Daten (Art. 15 Abs. 1 lit. g DSGVO)',
  sourceFromYou: 'Wir haben die Daten bei Ihnen selbst erhoben.',
  sourceNotRecorded: 'Woher diese Daten stammen, ist in unserem Verzeichnis der Verarbeitungstätigkeiten nicht angegeben. Wir klären das und teilen es Ihnen mit.',
  accessLabel: 'Wie Sie diese Daten erhalten',
  automatedDecisions: 'Automatisierte Entscheidungsfindung (Art. 15 Abs. 1 lit. h DSGVO)',
  noAutomatedDecisions: 'Es findet keine automatisierte Entscheidungsfindung einschließlich Profiling statt.',
  copyOfActivity: 'Kopie',
  recordsInCopy: (count, numbers) => `${count} ${count === 1 ? 'Datensatz' : 'Datensätze'} in der Kopie: Nr. ${numbers}.`,
  noLocalCopy:
    'Zu dieser Verarbeitung halten wir keine Kopie Ihrer Daten in unseren eigenen Systemen vor. Die Daten liegen beim oben genannten Empfänger; die Angaben oben beschreiben, was dort verarbeitet wird.',

  rightsHeading: 'Ihre Rechte',
  rights: [
    { title: 'Berichtigung (Art. 16 DSGVO)', text: 'Sind Daten über Sie unrichtig oder unvollständig, können Sie verlangen, dass wir sie berichtigen oder vervollständigen.' },
    { title: 'Löschung (Art. 17 DSGVO)', text: 'Sie können verlangen, dass wir Ihre Daten löschen, etwa wenn wir sie für die Zwecke nicht mehr brauchen oder unrechtmäßig verarbeiten, soweit uns keine gesetzliche Pflicht zur Aufbewahrung trifft.' },
    { title: 'Einschränkung der Verarbeitung (Art. 18 DSGVO)', text: 'Sie können verlangen, dass wir Ihre Daten nur noch speichern und nicht weiter verarbeiten, etwa solange die Richtigkeit geprüft wird.' },
    {
      title: 'Widerspruch (Art. 21 DSGVO)',
      text: 'Verarbeiten wir Daten auf Grund berechtigter Interessen (Art. 6 Abs. 1 lit. f DSGVO), können Sie aus Gründen, die sich aus Ihrer besonderen Situation ergeben, jederzeit widersprechen. Der Verarbeitung für Direktwerbung können Sie jederzeit ohne Angabe von Gründen widersprechen.',
    },
    { title: 'Datenübertragbarkeit (Art. 20 DSGVO)', text: 'Daten, die Sie uns bereitgestellt haben und die wir auf Grund einer Einwilligung oder eines Vertrags automatisiert verarbeiten, erhalten Sie auf Wunsch in einem gängigen, maschinenlesbaren Format.' },
  ],
  consentWithdrawal: { title: 'Widerruf einer Einwilligung (Art. 7 Abs. 3 DSGVO)', text: 'Eine Einwilligung können Sie jederzeit mit Wirkung für die Zukunft widerrufen.' },
  complaintTitle: 'Beschwerde bei einer Aufsichtsbehörde (Art. 77 DSGVO)',
  complaintText:
    'Sie haben das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren, insbesondere in dem Mitgliedstaat Ihres Aufenthaltsorts, Ihres Arbeitsplatzes oder des Orts des mutmaßlichen Verstoßes.',
  authorityLabel: 'Für uns zuständig ist',

  copyHeading: 'Kopie Ihrer Daten',
  copyIntro:
    'Dies ist die Kopie der Daten über Sie nach Art. 15 Abs. 3 DSGVO, so wie sie in unseren Systemen gespeichert sind. Jeder Datensatz hat eine Nummer; unter derselben Nummer steht er in der Datei data.json und liegen seine Originale im Ordner files.',
  kindHeadings: {
    mail: 'E-Mails',
    row: 'Einträge in Tabellen und Verzeichnissen',
    call: 'Anrufe',
    ticket: 'Support-Vorgänge (Tickets)',
    logline: 'Einträge in Protokollen',
    document: 'Dokumente',
    record: 'Weitere Datensätze',
  },
  itemHeading: (no, title) => `Nr. ${no}: ${title}`,
  foundIn: 'Fundstelle',
  activity: 'Verarbeitung',
  mailHeaders: { from: 'Von', to: 'An', cc: 'Kopie', subject: 'Betreff', date: 'Datum' },
  attachments: 'Anhänge',
  noText: '(kein Text)',
  field: 'Feld',
  value: 'Inhalt',
  line: 'Zeile',
  content: 'Eintrag',
  number: 'Nr.',
  files: 'Dateien',
  withheldFile: 'nicht beigefügt, enthält Angaben über Dritte',
  originalUnavailable: 'Original nicht mehr vorhanden',
  recordingMissing: 'Aufzeichnung nicht mehr vorhanden',
  redactedNote: (reasons) => `Angaben über Dritte entfernt (${reasons}).`,
  redactedFileName: (stem, ext) => `${stem} (geschwärzt)${ext}`,
  redactedRenderingTitle: (name) => `${name} – geschwärzte Textfassung`,
  redactedRenderingNote: (name) =>
    `Diese Datei gibt den Text des Anhangs „${name}“ wieder. Er enthält Angaben über andere Personen; diese haben wir entfernt (Art. 15 Abs. 4 DSGVO) und mit „[geschwärzt]“ gekennzeichnet. Das Original liegt deshalb nicht bei.`,
  unreadableFile: 'nicht beigefügt, konnte nicht auf Angaben über Dritte geprüft werden',
  ticketArticle: (n, from, date) => `Beitrag ${n}${from ? ` von ${from}` : ''}${date ? `, ${date}` : ''}`,
  documentPages: (pages) => `${pages} ${pages === 1 ? 'Seite' : 'Seiten'}`,
  machineRead: 'Text maschinell erkannt (OCR) aus dem gescannten Dokument; maßgeblich ist der Scan, der als Datei beiliegt.',
  recording: 'Gesprächsaufzeichnung',

  footer: (ref, page, total) => `${ref} · Seite ${page} von ${total}`,

  internalHeading: 'Interner Bericht zur Auskunft (nicht versenden)',
};

const en: PackageTexts = {
  placeholder: '[redacted]',
  pdfName: 'Access.pdf',
  zipName: 'Access.zip',
  locale: 'en-GB',
  documentTitle: (ref) => `Subject access response under Art. 15 GDPR – ${ref}`,

  letterHeading: 'Your access request under Art. 15 GDPR',
  to: 'To',
  date: 'Date',
  ourReference: 'Our reference',
  subjectLine: (received) => `Your request for access of ${received}`,
  greeting: (name) => (name ? `Dear ${name},` : 'Dear Sir or Madam,'),
  receivedAndConfirmed: (received) =>
    `we received your request for access on ${received}. We hereby confirm under Art. 15(1) GDPR that we process personal data about you.`,
  noDataConfirmation: (received) =>
    `we received your request for access on ${received} and searched the records listed below using the details you gave us. We found no personal data about you. We therefore confirm under Art. 15(1) GDPR: beyond your request itself and its handling (the details in your request, our correspondence with you and our record of the answer, Art. 5(2) and 6(1)(c) GDPR) we do not process any personal data about you.`,
  whatYouGet: 'With this letter you receive:',
  whatYouGetItems: [
    'an overview of which data we process and for what purpose;',
    'for each processing activity the information under Art. 15(1) and (2) GDPR: purposes, legal basis, categories of data, recipients, transfers to third countries, retention period, where the data came from, and automated decision-making;',
    'your rights and the competent supervisory authority;',
    'a copy of your data under Art. 15(3) GDPR (section "Copy of your data");',
    'the same data in machine-readable form (file data.json) and the originals, such as emails as .eml files (folder files).',
  ],
  noDataItems: ['Your rights and the competent supervisory authority are listed in the section "Your rights".'],
  searchedSystems: (kinds) => `We searched: ${kinds}.`,
  deadlineSentence: (due) => `The deadline for our answer under Art. 12(3) GDPR ends on ${due}.`,
  extensionSentence: (until, reasons) => `We have extended this deadline by two months under Art. 12(3) GDPR, to ${until}. Reasons: ${reasons}`,
  redactionSentence: (records, reasons) =>
    `To protect the rights and freedoms of other people (Art. 15(4) GDPR) we removed information about third parties from ${records} ${records === 1 ? 'record' : 'records'}. The places are marked "[redacted]". Reasons: ${reasons}.`,
  withheldSentence: (files) =>
    `${files} original ${files === 1 ? 'file contains' : 'files contain'} information about third parties and ${files === 1 ? 'is' : 'are'} therefore not enclosed; the content concerning you is in the copy.`,
  questions: (email, dpo) => `If you have questions, you can reach us at ${email}${dpo ? `, and our data protection officer at ${dpo}` : ''}.`,
  closing: 'Yours sincerely',
  limitsHeading: 'Scope and limits of this answer',
  limitsSearched: 'We searched these records:',
  searchedSource: (id, kind, partial) => `${kind} ("${id}")${partial ? ' – only partly readable; we are checking what could not be read' : ''}`,
  limitsRedacted: (n) => `We redacted information in ${n} ${n === 1 ? 'record' : 'records'}.`,
  limitsWithheld: (n) => `We did not enclose ${n} original ${n === 1 ? 'file' : 'files'}; what in them concerns you is in the copy.`,
  reasonThirdParties: 'Reason: protecting the rights and freedoms of other people (Art. 15(4) GDPR), such as names, addresses or customer data of third parties.',
  limitsNothingWithheld: 'We redacted nothing and withheld nothing.',
  limitsNotSearched: (names) => `We did not search the following processing activities for this answer: ${names}. If they hold data about you, you will receive the information on them separately.`,
  limitsConfirmedNoData: (names) => `We checked the following processing activities by hand; they hold no data about you: ${names}.`,
  limitsHeldByOthers: 'Data held not by us but by service providers or other bodies, and how you can obtain it:',
  accessViaUs: (processors, count) =>
    `${processors} ${count > 1 ? 'process' : 'processes'} this data on our behalf (as processor); we hold no copy. At your request we obtain it from there and send it to you.`,
  accessFromController: (controllers, count) => `${controllers} ${count > 1 ? 'process' : 'processes'} this data under their own responsibility; you can ask them directly for access.`,
  remediesIntro: 'If you do not agree with the redactions or omissions, you can:',
  complaintRemedy: (authority) => `lodge a complaint with a data protection supervisory authority (Art. 77 GDPR); the authority competent for us is ${authority};`,
  courtRemedy:
    'independently of this, take legal action against us (Art. 79 GDPR); you can also bring proceedings before the courts of the Member State where you have your habitual residence (Art. 79(2) GDPR).',
  registerOnlyNoData:
    'Independently of this, our website uses services that process visitor data at the provider without us keeping a copy. They are listed in the section "Processing without a copy held by us".',

  tocHeading: 'Contents',
  page: 'Page',

  overviewHeading: 'Overview',
  overviewIntro: 'This table shows for which processing activities we found data about you, and what kind of data it is.',
  overviewColumns: ['Processing activity', 'Data about you', 'Records'],
  registerOnlyHeading: 'Processing without a copy held by us',
  registerOnlyIntro:
    'In the following processing activities the respective service processes data on our behalf or under its own responsibility; we do not hold a copy of your data ourselves. The Art. 15 GDPR information is in the next section.',

  activitiesHeading: 'Information on each processing activity',
  activitiesIntro: 'For each processing activity in which data about you occurs or may occur, here is the information under Art. 15(1) and (2) GDPR.',
  purposes: 'Purposes (Art. 15(1)(a) GDPR)',
  legalBasis: 'Legal basis',
  categories: 'Categories of personal data (Art. 15(1)(b) GDPR)',
  recipients: 'Recipients (Art. 15(1)(c) GDPR)',
  noRecipients: 'We do not disclose this data to anyone.',
  recipientRole: { processor: 'processor', controller: 'independent controller', authority: 'public authority' },
  transfers: 'Transfers to third countries and safeguards (Art. 15(2) GDPR)',
  noTransfers: 'No transfer to countries outside the EU and the EEA.',
  transferLine: (country, recipient, safeguard) => `${recipient} (${country}): ${safeguard}`,
  retention: 'Retention period (Art. 15(1)(d) GDPR)',
  source: 'Source of the data (Art. 15(1)(g) GDPR)',
  sourceFromYou: 'We collected the data from you.',
  sourceNotRecorded: 'Our record of processing activities does not state where this data came from. We are clarifying this and will let you know.',
  accessLabel: 'How you can obtain this data',
  automatedDecisions: 'Automated decision-making (Art. 15(1)(h) GDPR)',
  noAutomatedDecisions: 'There is no automated decision-making, including profiling.',
  copyOfActivity: 'Copy',
  recordsInCopy: (count, numbers) => `${count} ${count === 1 ? 'record' : 'records'} in the copy: no. ${numbers}.`,
  noLocalCopy:
    'For this processing activity we hold no copy of your data in our own systems. The data is held by the recipient named above; the information above describes what is processed there.',

  rightsHeading: 'Your rights',
  rights: [
    { title: 'Rectification (Art. 16 GDPR)', text: 'If data about you is inaccurate or incomplete, you can ask us to correct or complete it.' },
    { title: 'Erasure (Art. 17 GDPR)', text: 'You can ask us to erase your data, for example when we no longer need it for its purposes or process it unlawfully, unless the law requires us to keep it.' },
    { title: 'Restriction of processing (Art. 18 GDPR)', text: 'You can ask us only to store your data and not otherwise process it, for example while its accuracy is being checked.' },
    {
      title: 'Objection (Art. 21 GDPR)',
      text: 'Where we process data on the basis of legitimate interests (Art. 6(1)(f) GDPR), you can object at any time on grounds relating to your particular situation. You can object to processing for direct marketing at any time without giving reasons.',
    },
    { title: 'Data portability (Art. 20 GDPR)', text: 'Data you provided to us that we process by automated means based on consent or a contract can be given to you in a common, machine-readable format.' },
  ],
  consentWithdrawal: { title: 'Withdrawing consent (Art. 7(3) GDPR)', text: 'You can withdraw consent at any time with effect for the future.' },
  complaintTitle: 'Complaint to a supervisory authority (Art. 77 GDPR)',
  complaintText:
    'You have the right to lodge a complaint with a data protection supervisory authority, in particular in the Member State of your habitual residence, place of work or place of the alleged infringement.',
  authorityLabel: 'The authority competent for us is',

  copyHeading: 'Copy of your data',
  copyIntro:
    'This is the copy of the data about you under Art. 15(3) GDPR, as it is stored in our systems. Each record has a number; under the same number it appears in the file data.json, and its originals are in the folder files.',
  kindHeadings: {
    mail: 'Emails',
    row: 'Entries in tables and directories',
    call: 'Calls',
    ticket: 'Support cases (tickets)',
    logline: 'Log entries',
    document: 'Documents',
    record: 'Other records',
  },
  itemHeading: (no, title) => `No. ${no}: ${title}`,
  foundIn: 'Found in',
  activity: 'Processing activity',
  mailHeaders: { from: 'From', to: 'To', cc: 'Cc', subject: 'Subject', date: 'Date' },
  attachments: 'Attachments',
  noText: '(no text)',
  field: 'Field',
  value: 'Value',
  line: 'Line',
  content: 'Entry',
  number: 'No.',
  files: 'Files',
  withheldFile: 'not enclosed, contains information about third parties',
  originalUnavailable: 'original no longer available',
  recordingMissing: 'recording no longer available',
  redactedNote: (reasons) => `Information about third parties removed (${reasons}).`,
  redactedFileName: (stem, ext) => `${stem} (redacted)${ext}`,
  redactedRenderingTitle: (name) => `${name} – redacted text version`,
  redactedRenderingNote: (name) =>
    `This file reproduces the text of the attachment "${name}". It contains information about other people, which we removed (Art. 15(4) GDPR) and marked "[redacted]". The original is therefore not enclosed.`,
  unreadableFile: 'not enclosed, could not be checked for information about third parties',
  ticketArticle: (n, from, date) => `Message ${n}${from ? ` from ${from}` : ''}${date ? `, ${date}` : ''}`,
  documentPages: (pages) => `${pages} ${pages === 1 ? 'page' : 'pages'}`,
  machineRead: 'Text machine-read (OCR) from the scanned document; the scan, enclosed as a file, is authoritative.',
  recording: 'Call recording',

  footer: (ref, page, total) => `${ref} · Page ${page} of ${total}`,

  internalHeading: 'Internal report on the access response (do not send)',
};

const texts: Readonly<Record<Lang, PackageTexts>> = { de, en };

/** The letter's texts in `lang`. */
export function packageTexts(lang: Lang): PackageTexts {
  return texts[lang];
}

/** Plain-language names of the kinds of systems searched, by source type, for the letter. */
export const SOURCE_KIND_NAMES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  de: {
    mbox: 'E-Mail-Archive', eml: 'E-Mail-Archive', maildir: 'E-Mail-Archive', imap: 'E-Mail-Postfächer', table: 'Kunden- und Kontaktverzeichnisse',
    contacts: 'Kunden- und Kontaktverzeichnisse', calls: 'Anruflisten', tickets: 'Support-Tickets', weblog: 'Protokolle unseres Webservers', documents: 'Dokumente und Briefe',
  },
  en: {
    mbox: 'email archives', eml: 'email archives', maildir: 'email archives', imap: 'mailboxes', table: 'customer and contact directories',
    contacts: 'customer and contact directories', calls: 'call lists', tickets: 'support tickets', weblog: 'our web server logs', documents: 'documents and letters',
  },
};

/** A date (YYYY-MM-DD or ISO timestamp) as the letter writes it: 31.01.2026 or 31 January 2026. */
export function formatDate(value: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return lang === 'de'
    ? `${m[3]}.${m[2]}.${m[1]}`
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A timestamp as a person reads it, in the officer's time zone: "13.01.2025, 09:12". */
export function formatDateTime(value: string, lang: Lang): string {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat(lang).format(date);
}

// Built once per language, on first use: toLocaleString() builds a formatter per call, which showed
// up in the export's profile.
const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();
function dateTimeFormat(lang: Lang): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(lang, format);
  }
  return format;
}
