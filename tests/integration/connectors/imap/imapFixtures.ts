import { randomBytes } from 'node:crypto';
import type { Subject } from '../../../../src/shared/subject.js';

/**
 * Messages for the IMAP tests, one per decoding trap of docs/ARCHITECTURE.md "A match counts wherever the
 * identifier appears once decoded", plus look-alikes that must not match and a large binary
 * attachment that must never cross the wire. CRLF line ends, as IMAP APPEND wants them.
 */

export const SUBJECT: Subject = {
  name: 'Jürgen Weiß',
  emails: ['j.weiss@beispiel-gmbh.de'],
  phones: ['0711 12345678'],
  customerIds: ['K-10442'],
  ips: [],
  otherIds: [],
};

/** Another person, for the "state must not decide what is found" test. */
export const OTHER_SUBJECT: Subject = { emails: ['anna.berg@kunde.example'], phones: [], customerIds: [], ips: [], otherIds: [] };

/** Size of the binary attachment that must not be downloaded. */
export const BIG_BINARY_BYTES = 3 * 1024 * 1024;

const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');
const b64 = (data: string | Buffer): string =>
  (typeof data === 'string' ? Buffer.from(data, 'utf8') : data).toString('base64').replace(/.{76}/g, '$&\n').trim();

function message(id: string, headers: string, body: string): string {
  return crlf(`Message-ID: <${id}>\nDate: Mon, 13 Jan 2025 09:00:00 +0100\nMIME-Version: 1.0\n${headers}\n\n${body}\n`);
}

const plain = 'Content-Type: text/plain; charset=utf-8';
const people = 'From: Büro <buero@firma.example>\nTo: Team <team@firma.example>';

/** A fixture: its raw bytes and whether it concerns SUBJECT. */
export interface Fixture {
  readonly id: string;
  readonly raw: Buffer;
  readonly concernsSubject: boolean;
}

function fixture(id: string, raw: string | Buffer, concernsSubject: boolean): Fixture {
  return { id, raw: typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw, concernsSubject };
}

const bigPdf = randomBytes(BIG_BINARY_BYTES);
const smallPng = randomBytes(40 * 1024);

export const INBOX: Fixture[] = [
  fixture('from-header@t', message('from-header@t', `From: =?UTF-8?B?${Buffer.from('Jürgen Weiß').toString('base64')}?= <J.Weiss@Beispiel-GmbH.de>\nTo: buero@firma.example\nSubject: Anfrage\n${plain}`, 'Guten Tag.'), true),
  fixture('base64-body@t', message('base64-body@t', `${people}\nSubject: Notiz\n${plain}\nContent-Transfer-Encoding: base64`, b64('Bitte j.weiss@beispiel-gmbh.de zurückschreiben.')), true),
  fixture('qp-soft-break@t', message('qp-soft-break@t', `${people}\nSubject: QP\n${plain}\nContent-Transfer-Encoding: quoted-printable`, 'Antwort an j.weiss@beispiel-=\ngmbh.de, Herr Wei=C3=9F wartet.'), true),
  fixture(
    'html-mailto@t',
    message(
      'html-mailto@t',
      `${people}\nSubject: Newsletter\nContent-Type: multipart/alternative; boundary="alt-1"`,
      `--alt-1\n${plain}\n\nKontakt: siehe HTML.\n--alt-1\nContent-Type: text/html; charset=us-ascii\n\n<p>Kontakt: <a href="mailto:j.weiss@beispiel-gmbh.de">hier</a></p>\n--alt-1--`,
    ),
    true,
  ),
  fixture(
    'text-attachment@t',
    message(
      'text-attachment@t',
      `${people}\nSubject: Export\nContent-Type: multipart/mixed; boundary="mix-1"`,
      `--mix-1\n${plain}\n\nSiehe Anhang.\n--mix-1\nContent-Type: text/csv; charset=utf-8; name="kunden.csv"\nContent-Disposition: attachment; filename="kunden.csv"\nContent-Transfer-Encoding: base64\n\n${b64('Kundennr;Name\nK-10442;Weiß\nK-20000;Meier\n')}\n--mix-1--`,
    ),
    true,
  ),
  fixture(
    'octet-stream-txt@t',
    message(
      'octet-stream-txt@t',
      `${people}\nSubject: Notiz als Datei\nContent-Type: multipart/mixed; boundary="mix-2"`,
      `--mix-2\n${plain}\n\nAnbei.\n--mix-2\nContent-Type: application/octet-stream; name="notiz.txt"\nContent-Disposition: attachment; filename="notiz.txt"\nContent-Transfer-Encoding: base64\n\n${b64('Mail von j.weiss@beispiel-gmbh.de\n')}\n--mix-2\nContent-Type: image/png; name="bild.png"\nContent-Disposition: attachment; filename="bild.png"\nContent-Transfer-Encoding: base64\n\n${b64(smallPng)}\n--mix-2--`,
    ),
    true,
  ),
  fixture(
    'forwarded@t',
    message(
      'forwarded@t',
      `${people}\nSubject: WG: Beschwerde\nContent-Type: multipart/mixed; boundary="mix-3"`,
      `--mix-3\n${plain}\n\nZur Info.\n--mix-3\nContent-Type: message/rfc822\nContent-Disposition: attachment\n\n${message('inner-1@t', `From: "Weiss, Juergen" <j.weiss@beispiel-gmbh.de>\nTo: buero@firma.example\nSubject: Beschwerde\n${plain}`, 'Ich beschwere mich.').trimEnd()}\n--mix-3--`,
    ),
    true,
  ),
  fixture('phone-odd@t', message('phone-odd@t', `${people}\nSubject: Rückruf\n${plain}`, 'Rückruf unter +49 (0)711 / 123 456-78 erbeten.'), true),
  fixture(
    'big-binary@t',
    message(
      'big-binary@t',
      `${people}\nSubject: Vertrag\nContent-Type: multipart/mixed; boundary="mix-4"`,
      `--mix-4\n${plain}\n\nVertrag für Kundennr. K-10442 anbei.\n--mix-4\nContent-Type: application/pdf; name="vertrag.pdf"\nContent-Disposition: attachment; filename="vertrag.pdf"\nContent-Transfer-Encoding: base64\n\n${b64(bigPdf)}\n--mix-4--`,
    ),
    true,
  ),
  fixture(
    'forwarded-with-binary@t',
    message(
      'forwarded-with-binary@t',
      `${people}\nSubject: WG: Scan\nContent-Type: multipart/mixed; boundary="mix-5"`,
      `--mix-5\n${plain}\n\nWeitergeleitet.\n--mix-5\nContent-Type: message/rfc822\n\n${message(
        'inner-2@t',
        `From: kunde@kunde.example\nTo: buero@firma.example\nSubject: Scan\nContent-Type: multipart/mixed; boundary="in-1"`,
        `--in-1\n${plain}\n\nMeine Nummer: 0711-1234 5678\n--in-1\nContent-Type: image/jpeg; name="scan.jpg"\nContent-Transfer-Encoding: base64\n\n${b64(randomBytes(64 * 1024))}\n--in-1--`,
      ).trimEnd()}\n--mix-5--`,
    ),
    true,
  ),
  fixture('distractor-email@t', message('distractor-email@t', `From: xj.weiss@beispiel-gmbh.de\nTo: buero@firma.example\nSubject: Hallo\n${plain}`, 'Bitte an j.weiss@beispiel-gmbh.de.evil.org schreiben.'), false),
  fixture('distractor-phone@t', message('distractor-phone@t', `${people}\nSubject: Anruf\n${plain}`, 'Rückruf unter 0711 12345679, Kundennr. K-104421.'), false),
];

export const ENTWUERFE: Fixture[] = [
  fixture('draft@t', message('draft@t', `From: buero@firma.example\nTo: j.weiss@beispiel-gmbh.de\nSubject: Ihre Auskunft\n${plain}`, 'Entwurf.'), true),
  fixture('draft-other@t', message('draft-other@t', `From: buero@firma.example\nTo: anna.berg@kunde.example\nSubject: Angebot\n${plain}`, 'Entwurf.'), false),
];

export const ARCHIV_2023: Fixture[] = [
  fixture('rfc2047-subject@t', message('rfc2047-subject@t', `${people}\nSubject: =?UTF-8?Q?Rechnung_K-10442_f=C3=BCr_Herrn_Wei=C3=9F?=\n${plain}`, 'Anbei die Rechnung.'), true),
  fixture(
    'cp1252@t',
    Buffer.concat([
      Buffer.from(crlf(`Message-ID: <cp1252@t>\nDate: Mon, 13 Jan 2025 09:00:00 +0100\nMIME-Version: 1.0\n${people}\nSubject: Altlast\nContent-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: 8bit\n\n`), 'utf8'),
      Buffer.from(crlf('Telefonat mit Herrn Weiß, Tel. 0711/12345678.\n'), 'latin1'),
    ]),
    true,
  ),
  fixture('archive-other@t', message('archive-other@t', `${people}\nSubject: Alt\n${plain}`, 'Nichts.'), false),
];

export const MAILBOXES: Record<string, Fixture[]> = { INBOX, Entwürfe: ENTWUERFE, 'Archiv/2023': ARCHIV_2023 };

/** Filler messages that concern nobody, to make a mailbox span several fetch segments. */
export function fillers(count: number, prefix: string): Fixture[] {
  return Array.from({ length: count }, (_, i) => fixture(`${prefix}-${i}@t`, message(`${prefix}-${i}@t`, `${people}\nSubject: Rundschreiben ${i}\n${plain}`, `Rundschreiben Nummer ${i}.`), false));
}
