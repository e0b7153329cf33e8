/**
 * Word material for realistic German/English business mail. Deliberately absent: the subject's
 * names ("Jürgen", "Weiß"/"Weiss") and the word "weiß", so that weak (name-only) findings come only
 * from the messages the generator lists as such.
 */

export interface Person {
  readonly first: string;
  readonly last: string;
  readonly email: string;
  readonly company: Company;
  readonly role: string;
  readonly phone: string; // someone else's number: signatures must not match the subject
  readonly mobile?: string;
  readonly lang: 'de' | 'en';
}

export interface Company {
  readonly name: string;
  readonly domain: string;
  readonly street: string;
  readonly city: string;
  readonly lang: 'de' | 'en';
}

export const GERMAN_FIRST = [
  'Anna', 'Max', 'Lukas', 'Sophie', 'Thomas', 'Sabine', 'Michael', 'Katrin', 'Stefan', 'Julia', 'Andreas', 'Petra',
  'Matthias', 'Claudia', 'Jörg', 'Björn', 'Günter', 'Dörte', 'Uwe', 'Ute', 'Ralf', 'Birgit', 'Frank', 'Monika',
  'Tobias', 'Lena', 'Felix', 'Hannah', 'Jan', 'Miriam', 'Sören', 'Bärbel', 'Klaus', 'Gabriele', 'Dirk', 'Heike',
];
export const GERMAN_LAST = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch',
  'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann',
  'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann', 'Köhler', 'Herrmann', 'König', 'Walter',
  'Huber', 'Kaiser', 'Fuchs', 'Peters', 'Scholz', 'Möller', 'Groß', 'Vogel', 'Jäger', 'Böhm', 'Sommer', 'Lößl',
];
export const ENGLISH_FIRST = ['John', 'Emily', 'Michael', 'Sarah', 'David', 'Laura', 'James', 'Olivia', 'Daniel', 'Emma', 'Robert', 'Grace', 'Liam', 'Chloe'];
export const ENGLISH_LAST = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', "O'Connor", 'Davies', 'Evans', 'Walker', 'Roberts', 'Clarke', 'Hughes', 'Patel', 'Murphy'];

export const COMPANIES: readonly Company[] = [
  { name: 'Beispiel Firma GmbH', domain: 'beispiel-firma.de', street: 'Zementwerk 1', city: '72622 Nürtingen', lang: 'de' },
  { name: 'Beispiel GmbH', domain: 'beispiel-gmbh.de', street: 'Königstraße 10', city: '70173 Stuttgart', lang: 'de' },
  { name: 'Müller & Söhne KG', domain: 'mueller-soehne.de', street: 'Hauptstraße 42', city: '73728 Esslingen am Neckar', lang: 'de' },
  { name: 'Kunde AG', domain: 'kunde-ag.de', street: 'Friedrichstraße 123', city: '10117 Berlin', lang: 'de' },
  { name: 'Muster Logistik GmbH & Co. KG', domain: 'muster-logistik.de', street: 'Am Hafen 7', city: '20457 Hamburg', lang: 'de' },
  { name: 'Stadtwerke Nürtingen', domain: 'stadtwerke-nuertingen.de', street: 'Porschestraße 5', city: '72622 Nürtingen', lang: 'de' },
  { name: 'Schwäbische Präzisionsteile GmbH', domain: 'spt-gmbh.de', street: 'Industriestraße 18', city: '71063 Sindelfingen', lang: 'de' },
  { name: 'Bäckerei Krämer', domain: 'baeckerei-kraemer.de', street: 'Marktplatz 3', city: '72764 Reutlingen', lang: 'de' },
  { name: 'TechPartner Ltd', domain: 'techpartner.example.com', street: '221 Baker Street', city: 'London NW1 6XE', lang: 'en' },
  { name: 'Northwind Traders', domain: 'northwind.example', street: '1 Harbour Road', city: 'Dublin D02', lang: 'en' },
  { name: 'Globex Corporation', domain: 'globex.example.org', street: '500 Market Street', city: 'San Francisco, CA 94105', lang: 'en' },
];

export const ROLES_DE = ['Vertrieb', 'Einkauf', 'Buchhaltung', 'Projektleitung', 'IT-Administration', 'Kundenservice', 'Geschäftsführung', 'Personalabteilung', 'Technischer Support', 'Assistenz der Geschäftsleitung'];
export const ROLES_EN = ['Account Manager', 'Procurement', 'Finance', 'Project Manager', 'IT Operations', 'Customer Success', 'Managing Director', 'Support Engineer'];

/** German dialling codes (without the trunk 0) for other people's numbers; 711 is shared with the subject on purpose. */
export const AREA_CODES = ['30', '40', '89', '221', '69', '711', '7022', '7021', '7121', '7031', '911', '341'];
export const MOBILE_PREFIXES = ['151', '152', '160', '162', '170', '171', '172', '175', '176', '177', '178', '179'];

export const SUBJECTS_DE = [
  'Angebot Nr. {n}', 'Rechnung {inv}', 'Termin am {date}', 'Lieferverzögerung Auftrag {n}', 'Projekt {proj} – Statusupdate',
  'Vertragsverlängerung {year}', 'Rückfrage zu Ihrer Bestellung {n}', 'Wartungsfenster am {date}', 'Urlaubsvertretung',
  'Schulungstermin {proj}', 'Support-Ticket #{n}', 'Protokoll Jour fixe {date}', 'Änderung der Bankverbindung',
  'Mahnung {inv}', 'Einladung: Kick-off {proj}', 'Übergabe der Unterlagen', 'Preisanpassung {year}', 'Bestätigung Ihres Auftrags {n}',
  'Störung Netzwerk Standort Nürtingen', 'Reisekostenabrechnung {month}', 'Datenschutz-Schulung {year}', 'Kündigung Wartungsvertrag',
];
export const SUBJECTS_EN = [
  'Quote #{n}', 'Invoice {inv}', 'Meeting on {date}', 'Project {proj} – weekly status', 'Contract renewal {year}', 'Shipping delay for order {n}',
  'Support ticket #{n}', 'Minutes of our call', 'Onboarding {proj}', 'Q{q} report', 'Updated price list', 'Access request for {proj}',
];
export const PROJECTS = ['Phönix', 'Nordlicht', 'Atlas', 'Merkur', 'Helios', 'Kranich', 'Odin', 'Seestern', 'Zugspitze', 'Bodensee'];
export const MONTHS_DE = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

export const GREETINGS_DE = ['Sehr geehrte Damen und Herren,', 'Sehr geehrte{r} {title} {last},', 'Hallo {first},', 'Liebe{r} {first},', 'Guten Tag {title} {last},', 'Moin {first},'];
export const GREETINGS_EN = ['Dear {first},', 'Hi {first},', 'Hello {first},', 'Dear {title} {last},', 'Good morning {first},'];
export const CLOSINGS_DE = ['Mit freundlichen Grüßen', 'Viele Grüße', 'Beste Grüße', 'Freundliche Grüße', 'Schöne Grüße aus Nürtingen', 'MfG'];
export const CLOSINGS_EN = ['Best regards,', 'Kind regards,', 'Cheers,', 'Many thanks,', 'Best,'];

export const SENTENCES_DE = [
  'anbei erhalten Sie das gewünschte Angebot für die Erweiterung Ihrer Serverlandschaft.',
  'wie telefonisch besprochen, sende ich Ihnen die Unterlagen zur Prüfung.',
  'leider verzögert sich die Lieferung der bestellten Komponenten um etwa zwei Wochen.',
  'bitte prüfen Sie die beigefügte Rechnung und geben Sie uns bis Ende der Woche Bescheid.',
  'das Wartungsfenster ist für Samstag zwischen 22:00 und 02:00 Uhr geplant.',
  'können wir den Termin auf nächste Woche Dienstag verschieben?',
  'die Zugangsdaten für das Kundenportal erhalten Sie in einer separaten E-Mail.',
  'vielen Dank für Ihre schnelle Rückmeldung und die gute Zusammenarbeit.',
  'Der Zahlungseingang ist bei uns noch nicht verbucht, bitte überprüfen Sie die Überweisung.',
  'Für Rückfragen stehe ich Ihnen selbstverständlich gerne zur Verfügung.',
  'Die Änderungen am Vertrag habe ich im Dokument farblich markiert.',
  'Im Anhang finden Sie das Protokoll unseres letzten Jour fixe.',
  'Bitte beachten Sie, dass unser Büro zwischen den Feiertagen geschlossen bleibt.',
  'Die Migration der Postfächer ist abgeschlossen; bitte melden Sie eventuelle Störungen.',
  'Wir haben die Preise zum 1. Januar angepasst, die neue Preisliste liegt bei.',
  'Die Lizenzen für das kommende Jahr müssen bis zum 15. verlängert werden.',
  'Könnten Sie mir bitte die aktuelle Bankverbindung für die Überweisung schicken?',
  'Laut unserem System ist die Bestellung bereits am Montag versandt worden.',
  'Die Schulung findet in Raum 2.14 statt, Kaffee und Brezeln stehen bereit.',
  'Die Sendungsverfolgungsnummer lautet {track}.',
  'Bitte unterschreiben Sie die Auftragsbestätigung und senden Sie sie gescannt zurück.',
  'Unser Techniker ist morgen ab 8:30 Uhr vor Ort.',
  'Ich bin ab dem 3. im Urlaub, meine Vertretung übernimmt {colleague}.',
  'Bitte geben Sie bei Zahlungen immer die Rechnungsnummer {inv} an.',
  'Die Außenstelle in Göppingen ist seit heute früh wieder erreichbar.',
  'Gemäß Paragraph 4 des Rahmenvertrags beträgt die Kündigungsfrist drei Monate.',
  'Für die Abnahme benötigen wir noch die Prüfprotokolle der Firewall.',
  'Über die Grünen Zahlen im dritten Quartal freuen wir uns sehr.',
];
export const SENTENCES_EN = [
  'please find attached the quote we discussed on the phone.',
  'the shipment has been delayed by about two weeks, sorry for the inconvenience.',
  'could we move our meeting to Tuesday next week?',
  'thanks a lot for the quick reply and the great collaboration.',
  'The invoice is attached; payment terms are 30 days net.',
  'Let me know if you need anything else from our side.',
  'The maintenance window is scheduled for Saturday night, 10 pm to 2 am CET.',
  'I have highlighted the changes to the contract in yellow.',
  'Our engineer will be on site tomorrow from 8:30 am.',
  'The tracking number is {track}.',
  'Please quote invoice number {inv} with your payment.',
  'I will be out of office from the 3rd; {colleague} is covering for me.',
  'The new price list becomes effective on January 1st.',
  'We still need the firewall test reports for the acceptance.',
];
/** Lines that start with "From ": they exercise mboxrd quoting (">From ") in bodies. */
export const FROM_LINES = [
  'From our side, the rollout can start on Monday.',
  'From the attached report you can see that the numbers improved.',
  'From next week on, please send invoices to the new address.',
  'From what I understand, the license covers all sites.',
  'From 1 March the hotline is staffed until 8 pm.',
];
