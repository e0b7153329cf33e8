import type { SeededRandom } from './seededRandom.js';
import { type Addr, type MailComposer, type MessageSpec, dateText, escapeHtml, wrap } from './composeMessage.js';
import { TARGET_EMAIL, TARGET_NAME } from './corpusManifest.js';

/**
 * Where the subject is hidden. Each kind puts the subject's email or phone in exactly one place of an
 * otherwise ordinary message, so a miss in the benchmark names the decoding step that failed.
 * The name may appear too (that alone would only be a weak finding).
 */
export const TARGET_KINDS = [
  'from-header', // From with a UTF-8 Q encoded-word display name
  'to-header', // To with an ISO-8859-1 Q encoded-word display name
  'cc-header-folded', // third of four Cc addresses, folded, "Weiß, Jürgen" as a B encoded-word
  'reply-to-mixed-case', // Reply-To: J.Weiss@Beispiel-GmbH.DE (emails match case-insensitively)
  'subject-encoded-word', // the address inside a UTF-8 B encoded Subject
  'body-base64', // text/plain, UTF-8, base64
  'body-qp-softbreak', // text/plain, UTF-8, quoted-printable, soft line break inside the address
  'html-mailto', // multipart/alternative: text has the name only, HTML has mailto:
  'html-entity', // HTML-only message, "j.weiss&#64;beispiel-gmbh.de"
  'text-attachment-base64', // Rückrufnotiz.txt, base64
  'rfc822-header', // forwarded message/rfc822 whose inner From is the subject
  'rfc822-base64-body', // forwarded message/rfc822 whose inner base64 body has the address
  'body-windows-1252', // 8-bit windows-1252 body with the address
  'phone-plain', // "0711 12345678", UTF-8 8-bit
  'phone-quoted-signature-qp', // "+49 (0)711 / 123 456-78" in a quoted signature, QP
  'phone-html-only', // "+49 711 12345678" with a tel: link, HTML-only message
  'phone-windows-1252-qp', // "0049 711 12345678", windows-1252 QP
  'phone-base64', // "(0711) 123 456 78", base64 body
  'phone-qp-softbreak', // "0711 1234=\n5678"
  'phone-nbsp-qp', // "+49 711 1234 5678" with no-break spaces (=C2=A0)
  'phone-csv-attachment', // "+49-711-12345678" in a windows-1252 CSV attachment, base64
  'phone-subject-encoded-word', // "0711/12345678" in a Q encoded Subject ("/" becomes "=2F")
] as const;

/** Look-alikes that must NOT become strong findings (docs/ARCHITECTURE.md: whole-address and E.164 equality). */
export const DISTRACTOR_KINDS = [
  'email-x-prefix', // xj.weiss@beispiel-gmbh.de in Cc
  'email-x-prefix-qp-softbreak', // xj.weiss@beispiel-gmbh.de split by a QP soft break
  'email-evil-suffix', // From: j.weiss@beispiel-gmbh.de.evil.org (phishing)
  'email-other-tld', // j.weiss@beispiel-gmbh.dev in Cc
  'phone-one-off', // 0711 12345679 in someone's signature
  'phone-longer', // 0711 123456789
  'phone-other-area', // 0721 12345678
] as const;

/** The subject's name and nothing else: at most a weak finding, never a strong one. */
export const WEAK_KINDS = ['name-umlaut', 'name-transliterated', 'name-other-address'] as const;

export interface Planted {
  readonly kind: string;
  readonly innerMessageId?: string;
}

const TARGET_SIGNATURE = ['-- ', TARGET_NAME, 'Vertrieb', 'Beispiel GmbH', 'Königstraße 10 · 70173 Stuttgart'];
const MIXED_CASE_EMAIL = 'J.Weiss@Beispiel-GmbH.DE';

/** Insert a paragraph, in the message's language when an English variant is given. */
function addParagraph(spec: MessageSpec, rng: SeededRandom, de: string, en = de): string {
  const text = spec.lang === 'en' ? en : de;
  spec.body.paragraphs.splice(rng.int(0, spec.body.paragraphs.length), 0, text);
  // "Weiß" in a US-ASCII body would become "Wei?": such a mailer would have chosen UTF-8.
  if (spec.text?.charset === 'us-ascii' && /[^\x20-\x7e]/.test(text)) spec.text = { ...spec.text, charset: 'utf-8', cte: 'quoted-printable' };
  return text;
}

/** Plain text only, in the given encoding: the planted text must not leak into an HTML alternative. */
function textOnly(spec: MessageSpec, charset: 'utf-8' | 'windows-1252', cte: 'quoted-printable' | 'base64' | '8bit', breaks: { needle: string; at: number }[] = []): void {
  spec.text = { charset, cte, breaks, flowed: false };
  spec.html = null;
}

export function plantTarget(kind: (typeof TARGET_KINDS)[number], spec: MessageSpec, composer: MailComposer, rng: SeededRandom): Planted {
  const target: Addr = { name: TARGET_NAME, email: TARGET_EMAIL, style: 'utf8-q' };
  switch (kind) {
    case 'from-header':
      spec.from = target;
      spec.returnPath = TARGET_EMAIL;
      spec.body.senderName = TARGET_NAME;
      spec.body.signature = TARGET_SIGNATURE;
      spec.lang = 'de';
      return { kind };
    case 'to-header':
      spec.to[0] = { name: TARGET_NAME, email: TARGET_EMAIL, style: 'latin1-q' };
      spec.body.greeting = 'Sehr geehrter Herr Weiß,';
      spec.body.quote = undefined;
      return { kind };
    case 'cc-header-folded': {
      const others = [composer.addr(rng.pick(composer.people)), composer.addr(rng.pick(composer.people)), composer.addr(rng.pick(composer.people))];
      spec.cc = [others[0] as Addr, others[1] as Addr, { name: 'Weiß, Jürgen', email: TARGET_EMAIL, style: 'utf8-b' }, others[2] as Addr];
      return { kind };
    }
    case 'reply-to-mixed-case':
      spec.replyTo = { name: TARGET_NAME, email: MIXED_CASE_EMAIL, style: 'utf8-q' };
      return { kind };
    case 'subject-encoded-word':
      spec.subject = `Rückruf erbeten: ${TARGET_EMAIL} – Angebot ${rng.int(1000, 99999)}`;
      spec.subjectStyle = 'utf8-b';
      return { kind };
    case 'body-base64':
      addParagraph(spec, rng, `Bitte antworten Sie direkt an Herrn Weiß (${TARGET_EMAIL}).`, `Please reply directly to Mr Weiß (${TARGET_EMAIL}).`);
      textOnly(spec, 'utf-8', 'base64');
      return { kind };
    case 'body-qp-softbreak':
      addParagraph(spec, rng, `Die unterschriebenen Unterlagen bitte an ${TARGET_EMAIL} schicken.`, `Please send the signed documents to ${TARGET_EMAIL}.`);
      textOnly(spec, 'utf-8', 'quoted-printable', [{ needle: TARGET_EMAIL, at: 'j.weiss@beispiel-'.length }]);
      return { kind };
    case 'html-mailto': {
      const entities = spec.html?.entities ?? false;
      addParagraph(spec, rng, `Ihr Ansprechpartner ist ${TARGET_NAME}.`, `Your contact person is ${TARGET_NAME}.`);
      spec.body.htmlOnly.push(`<p>Kontakt: <a href="mailto:${TARGET_EMAIL}">${escapeHtml(TARGET_NAME, entities)}</a></p>`);
      spec.text = { charset: 'utf-8', cte: 'quoted-printable', breaks: [], flowed: false };
      spec.html = { cte: 'quoted-printable', breaks: [], entities };
      return { kind };
    }
    case 'html-entity':
      spec.body.htmlOnly.push(`<p>Kontakt: J&uuml;rgen Wei&szlig;, j.weiss&#64;beispiel-gmbh.de</p>`);
      spec.text = null;
      spec.html = { cte: 'quoted-printable', breaks: [], entities: true };
      return { kind };
    case 'text-attachment-base64':
      spec.attachments.push({
        kind: 'text', contentType: 'text/plain', filename: 'Rückrufnotiz.txt', charset: 'utf-8', cte: 'base64',
        text: `Rückrufnotiz vom ${dateText(spec.date).de}\nAnrufer: ${TARGET_NAME}, Beispiel GmbH\nE-Mail: ${TARGET_EMAIL}\nAnliegen: Rückfrage zum Angebot ${rng.int(1000, 99999)}\n`,
      });
      return { kind };
    case 'rfc822-header':
    case 'rfc822-base64-body': {
      const inner = composer.compose(spec.index, new Date(spec.date.getTime() - rng.int(60, 20000) * 60_000));
      inner.messageId = `fwd${spec.index}.${rng.hex(12)}@beispiel-gmbh.de`;
      inner.attachments = [];
      inner.html = null;
      inner.text = { charset: 'utf-8', cte: 'quoted-printable', breaks: [], flowed: false };
      if (kind === 'rfc822-header') {
        inner.from = target;
        inner.returnPath = TARGET_EMAIL;
        inner.body.senderName = TARGET_NAME;
        inner.body.signature = TARGET_SIGNATURE;
      } else {
        inner.body.paragraphs.push(inner.lang === 'en' ? `Your contact for billing is ${TARGET_NAME}, ${TARGET_EMAIL}.` : `Ansprechpartner für die Abrechnung ist ${TARGET_NAME}, ${TARGET_EMAIL}.`);
        inner.text = { charset: 'utf-8', cte: 'base64', breaks: [], flowed: false };
      }
      spec.subject = `WG: ${inner.subject}`;
      spec.body.paragraphs = ['zur Info, siehe weitergeleitete Nachricht im Anhang.'];
      spec.body.quote = undefined;
      spec.attachments.push({ kind: 'message', filename: 'Weitergeleitete Nachricht.eml', inner });
      return { kind, innerMessageId: inner.messageId };
    }
    case 'body-windows-1252':
      addParagraph(spec, rng, `Ansprechpartner bei der Beispiel GmbH: ${TARGET_NAME} <${TARGET_EMAIL}>`, `Your contact at Beispiel GmbH: ${TARGET_NAME} <${TARGET_EMAIL}>`);
      textOnly(spec, 'windows-1252', '8bit');
      return { kind };
    case 'phone-plain':
      addParagraph(spec, rng, 'Herr Weiß bittet um Rückruf unter 0711 12345678.', 'Mr Weiß asks you to call him back on 0711 12345678.');
      textOnly(spec, 'utf-8', '8bit');
      return { kind };
    case 'phone-quoted-signature-qp': {
      const earlier = dateText(new Date(spec.date.getTime() - rng.int(60, 5000) * 60_000));
      const lines = ['Hallo zusammen,', ''];
      for (const p of composer.paragraphs('de')) lines.push(...wrap(p, 72), '');
      lines.push('Viele Grüße', 'Jürgen', ...TARGET_SIGNATURE, 'Tel.: +49 (0)711 / 123 456-78');
      spec.body.quote = { attribution: [`Am ${earlier.de} schrieb ${TARGET_NAME}:`], lines, prefix: '> ' };
      spec.subject = `AW: ${spec.subject.replace(/^(AW: |Re: |RE: |WG: |Fwd: )+/, '')}`;
      textOnly(spec, 'utf-8', 'quoted-printable');
      return { kind };
    }
    case 'phone-html-only':
      spec.body.htmlOnly.push('<p>Sie erreichen Herrn Wei&szlig; unter <a href="tel:+4971112345678">+49 711 12345678</a>.</p>');
      spec.text = null;
      spec.html = { cte: 'quoted-printable', breaks: [], entities: spec.html?.entities ?? false };
      return { kind };
    case 'phone-windows-1252-qp':
      addParagraph(spec, rng, 'Rückfragen bitte an Herrn Weiß, Telefon 0049 711 12345678 (Vertrieb).', 'For questions please call Mr Weiß on 0049 711 12345678 (sales).');
      textOnly(spec, 'windows-1252', 'quoted-printable');
      return { kind };
    case 'phone-base64':
      addParagraph(spec, rng, 'Rufen Sie Herrn Weiß bitte unter (0711) 123 456 78 an.', 'Please call Mr Weiß on (0711) 123 456 78.');
      textOnly(spec, 'utf-8', 'base64');
      return { kind };
    case 'phone-qp-softbreak':
      addParagraph(spec, rng, 'Bitte Herrn Weiß unter 0711 12345678 zurückrufen.', 'Please call Mr Weiß back on 0711 12345678.');
      textOnly(spec, 'utf-8', 'quoted-printable', [{ needle: '0711 12345678', at: '0711 1234'.length }]);
      return { kind };
    case 'phone-nbsp-qp':
      addParagraph(spec, rng, 'Direktwahl Herr Weiß: +49\u00a0711\u00a01234\u00a05678', 'Direct line Mr Weiß: +49\u00a0711\u00a01234\u00a05678');
      textOnly(spec, 'utf-8', 'quoted-printable');
      return { kind };
    case 'phone-csv-attachment': {
      const rows = ['Name;Firma;Telefon'];
      for (let n = rng.int(2, 8); n > 0; n--) {
        const p = rng.pick(composer.people);
        rows.push(`${p.last}, ${p.first};${p.company.name};${p.phone}`);
      }
      rows.splice(rng.int(1, rows.length), 0, 'Weiß, Jürgen;Beispiel GmbH;+49-711-12345678');
      spec.attachments.push({ kind: 'text', contentType: 'text/csv', filename: 'ansprechpartner.csv', text: `${rows.join('\n')}\n`, charset: 'windows-1252', cte: 'base64' });
      return { kind };
    }
    case 'phone-subject-encoded-word':
      spec.subject = `Rückruf 0711/12345678 erbeten`;
      spec.subjectStyle = 'utf8-q';
      return { kind };
  }
}

export function plantDistractor(kind: (typeof DISTRACTOR_KINDS)[number], spec: MessageSpec, _composer: MailComposer, rng: SeededRandom): Planted {
  switch (kind) {
    case 'email-x-prefix':
      spec.cc.push({ name: 'Xaver Jahn', email: 'xj.weiss@beispiel-gmbh.de' });
      return { kind };
    case 'email-x-prefix-qp-softbreak':
      addParagraph(spec, rng, 'Bitte leiten Sie das an xj.weiss@beispiel-gmbh.de weiter.', 'Please forward this to xj.weiss@beispiel-gmbh.de.');
      textOnly(spec, 'utf-8', 'quoted-printable', [{ needle: 'xj.weiss@beispiel-gmbh.de', at: 'xj.weiss@beispiel-'.length }]);
      return { kind };
    case 'email-evil-suffix':
      spec.from = { name: 'Beispiel GmbH Buchhaltung', email: 'j.weiss@beispiel-gmbh.de.evil.org' };
      spec.returnPath = 'j.weiss@beispiel-gmbh.de.evil.org';
      spec.subject = `Dringend: offene Rechnung RE-2024-${String(rng.int(1, 99999)).padStart(5, '0')}`;
      spec.body.paragraphs = ['bitte überweisen Sie den offenen Betrag umgehend auf unser neues Konto. Die Bankverbindung finden Sie im Anhang.'];
      spec.body.senderName = 'Buchhaltung';
      spec.body.signature = [];
      spec.body.quote = undefined;
      return { kind };
    case 'email-other-tld':
      spec.cc.push({ name: 'Julia Weissenborn', email: 'j.weiss@beispiel-gmbh.dev' });
      return { kind };
    case 'phone-one-off': {
      const sig = spec.body.signature.length ? spec.body.signature : ['-- ', 'Tanja Krämer', 'Einkauf', 'Beispiel GmbH'];
      spec.body.signature = [...sig.filter((l) => !/^(Tel\.?|Telefon|Fon|T|Phone):? /.test(l)), 'Tel.: 0711 12345679'];
      return { kind };
    }
    case 'phone-longer':
      addParagraph(spec, rng, 'Die Faxnummer der Zentrale lautet 0711 123456789.', 'The fax number of our head office is 0711 123456789.');
      return { kind };
    case 'phone-other-area':
      addParagraph(spec, rng, 'Unsere Filiale in Karlsruhe erreichen Sie unter 0721 12345678.', 'You can reach our Karlsruhe branch on 0721 12345678.');
      return { kind };
  }
}

export function plantWeak(kind: (typeof WEAK_KINDS)[number], spec: MessageSpec, _composer: MailComposer, rng: SeededRandom): Planted {
  switch (kind) {
    case 'name-umlaut':
      addParagraph(spec, rng, `${TARGET_NAME} hat heute angerufen, bitte melden Sie sich bei ihm.`, `${TARGET_NAME} called today, please get back to him.`);
      return { kind };
    case 'name-transliterated':
      addParagraph(spec, rng, 'Herr Juergen Weiss aus dem Vertrieb lässt grüßen.', 'Juergen Weiss from sales sends his regards.');
      return { kind };
    case 'name-other-address':
      spec.from = { name: TARGET_NAME, email: 'jw.privat@example.net', style: 'utf8-q' };
      spec.returnPath = 'jw.privat@example.net';
      spec.body.senderName = TARGET_NAME;
      spec.body.signature = [];
      return { kind };
  }
}

/**
 * Which messages get a planted subject, look-alike or name. Targets come every `targetEvery`
 * messages (0.5% at 200), but the first cycle through all target kinds is denser (every 40), so that
 * a corpus of ~100 MB already holds every kind once.
 */
export class PlantingSchedule {
  static readonly DENSE_SPACING = 40;
  private readonly denseEnd = TARGET_KINDS.length * PlantingSchedule.DENSE_SPACING;

  constructor(private readonly targetEvery: number) {
    if (!Number.isInteger(targetEvery) || targetEvery < 5) throw new Error('--target-every must be an integer >= 5');
  }

  roleAt(index: number): 'target' | 'distractor' | 'weak' | 'normal' {
    const dense = index < this.denseEnd;
    const spacing = dense ? PlantingSchedule.DENSE_SPACING : this.targetEvery;
    const j = dense ? index : index - this.denseEnd;
    const slot = j % spacing;
    const cycle = Math.floor(j / spacing);
    if (slot === Math.floor(spacing * 0.1)) return 'target';
    if (slot === Math.floor(spacing * 0.5)) return 'distractor';
    if (slot === Math.floor(spacing * 0.8) && cycle % 2 === 0) return 'weak';
    return 'normal';
  }
}
