import { type SeededRandom, deterministicBytes } from './seededRandom.js';
import { type Charset, base64Lines, base64Text, encodeCharset, encodedWords, quotedPrintable } from './mimeEncoding.js';
import { type MimeLeaf, type MimeNode, type Piece, serializeMime } from './mimeTree.js';
import {
  AREA_CODES, CLOSINGS_DE, CLOSINGS_EN, COMPANIES, type Company, ENGLISH_FIRST, ENGLISH_LAST, FROM_LINES, GERMAN_FIRST, GERMAN_LAST,
  GREETINGS_DE, GREETINGS_EN, MOBILE_PREFIXES, MONTHS_DE, PROJECTS, type Person, ROLES_DE, ROLES_EN, SENTENCES_DE, SENTENCES_EN,
  SUBJECTS_DE, SUBJECTS_EN,
} from './mailVocabulary.js';

/**
 * One realistic message as a plain description (MessageSpec) that target planting can edit, and its
 * rendering into a MIME tree. All randomness comes from the SeededRandom passed in.
 */

export type Cte = '7bit' | '8bit' | 'quoted-printable' | 'base64';
export type NameStyle = 'auto' | 'utf8-q' | 'utf8-b' | 'latin1-q' | 'quoted';

export interface Addr {
  readonly name?: string;
  readonly email: string;
  readonly style?: NameStyle;
}

/** A soft line break the encoder must place inside `needle`, after `at` characters. */
export interface Break {
  readonly needle: string;
  readonly at: number;
}

export interface Quote {
  attribution: string[];
  lines: string[];
  /** "> " or ">" for inline quoting, "" for Outlook's "-----Ursprüngliche Nachricht-----" style. */
  prefix: string;
}

export interface Body {
  greeting: string;
  paragraphs: string[];
  /** Raw HTML that exists only in the HTML rendering (mailto links, entity-encoded text). */
  htmlOnly: string[];
  closing: string;
  senderName: string;
  signature: string[];
  quote?: Quote;
  wrap: boolean;
}

export type Attachment =
  | { kind: 'binary'; contentType: string; filename: string; data: Buffer }
  | { kind: 'text'; contentType: string; filename: string; text: string; charset: Charset; cte: Cte }
  | { kind: 'message'; filename: string; inner: MessageSpec };

export interface TextEncoding {
  charset: Charset;
  cte: Cte;
  breaks: Break[];
  flowed: boolean;
}

export interface HtmlEncoding {
  cte: Cte;
  breaks: Break[];
  /** Non-ASCII written as HTML entities (&auml;), as some mailers do. */
  entities: boolean;
}

export interface MessageSpec {
  index: number;
  date: Date;
  messageId: string; // without angle brackets
  returnPath: string;
  from: Addr;
  to: Addr[];
  cc: Addr[];
  replyTo?: Addr;
  subject: string;
  subjectStyle: 'auto' | 'utf8-b' | 'utf8-q' | 'latin1-q';
  inReplyTo?: string;
  lang: 'de' | 'en';
  body: Body;
  text: TextEncoding | null; // null: an HTML-only message
  html: HtmlEncoding | null;
  attachments: Attachment[];
  mailer: string;
  received: string[];
}

const FEMALE = new Set(['Anna', 'Sophie', 'Sabine', 'Katrin', 'Julia', 'Petra', 'Claudia', 'Dörte', 'Ute', 'Birgit', 'Monika', 'Lena', 'Hannah', 'Miriam', 'Bärbel', 'Gabriele', 'Heike', 'Emily', 'Sarah', 'Laura', 'Olivia', 'Emma', 'Grace', 'Chloe', 'Tanja', 'Xenia']);
const MAILERS = ['Microsoft Outlook 16.0', 'Mozilla Thunderbird 115.8.1', 'Apple Mail (2.3774.500.171.1.1)', 'Roundcube Webmail/1.6.6', 'Microsoft Outlook for Mac 16.83', 'Open-Xchange Mailer v7.10.6'];
const PEOPLE_POOL = 400;

/** Binary attachments: 50 KB to 2 MB before base64, spread on a log scale (issue text). */
export const ATTACHMENT_MIN_BYTES = 50 * 1024;
export const ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024;

export function transliterate(s: string): string {
  return s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss').replace(/[^A-Za-z0-9.-]/g, '');
}

export function isFemale(first: string): boolean {
  return FEMALE.has(first);
}

export interface DateText {
  readonly rfc5322: string;
  readonly asctime: string;
  readonly de: string;
  readonly en: string;
  readonly compact: string;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Date strings in German local time (CET/CEST approximated by month), independent of the host's TZ. */
export function dateText(date: Date): DateText {
  const month = date.getUTCMonth();
  const offsetHours = month >= 3 && month <= 9 ? 2 : 1;
  const l = new Date(date.getTime() + offsetHours * 3600_000);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const time = `${p2(l.getUTCHours())}:${p2(l.getUTCMinutes())}:${p2(l.getUTCSeconds())}`;
  const day = DAYS[l.getUTCDay()] ?? 'Mon';
  const mon = MONTHS[l.getUTCMonth()] ?? 'Jan';
  return {
    rfc5322: `${day}, ${l.getUTCDate()} ${mon} ${l.getUTCFullYear()} ${time} +0${offsetHours}00`,
    asctime: `${day} ${mon} ${String(l.getUTCDate()).padStart(2, ' ')} ${time} ${l.getUTCFullYear()}`,
    de: `${p2(l.getUTCDate())}.${p2(l.getUTCMonth() + 1)}.${l.getUTCFullYear()} um ${time.slice(0, 5)}`,
    en: `${day}, ${l.getUTCDate()} ${mon} ${l.getUTCFullYear()} at ${time.slice(0, 5)}`,
    compact: `${l.getUTCFullYear()}${p2(l.getUTCMonth() + 1)}${p2(l.getUTCDate())}${time.replace(/:/g, '')}`,
  };
}

/** Digits the subject's number reduces to; no other person's number may start with them. */
const SUBJECT_NATIONAL_DIGITS = '71112345678';

export class MailComposer {
  readonly people: Person[] = [];

  constructor(
    private readonly rng: SeededRandom,
    private readonly seed: string,
  ) {
    const seen = new Set<string>();
    while (this.people.length < PEOPLE_POOL) {
      const company = rng.pick(COMPANIES);
      const en = company.lang === 'en' || rng.chance(0.05);
      const first = rng.pick(en ? ENGLISH_FIRST : GERMAN_FIRST);
      const last = rng.pick(en ? ENGLISH_LAST : GERMAN_LAST);
      const local = this.localPart(first, last);
      const email = `${local}@${company.domain}`;
      if (seen.has(email)) continue;
      seen.add(email);
      this.people.push({
        first, last, email, company,
        role: rng.pick(company.lang === 'en' ? ROLES_EN : ROLES_DE),
        phone: this.otherPhone(false),
        mobile: rng.chance(0.5) ? this.otherPhone(true) : undefined,
        lang: company.lang === 'en' ? 'en' : 'de',
      });
    }
  }

  private localPart(first: string, last: string): string {
    const f = transliterate(first).toLowerCase();
    const l = transliterate(last).toLowerCase();
    switch (this.rng.int(0, 3)) {
      case 0: return `${f}.${l}`;
      case 1: return `${f[0]}.${l}`;
      case 2: return `${f[0]}${l}`;
      default: return `${f}`;
    }
  }

  /** A German number that is not the subject's, in one of the many ways people write them. */
  otherPhone(mobile: boolean): string {
    for (;;) {
      const rng = this.rng;
      const area = mobile ? rng.pick(MOBILE_PREFIXES) : rng.pick(AREA_CODES);
      const subLen = mobile ? rng.int(7, 8) : Math.max(5, Math.min(8, rng.int(5, 11 - area.length)));
      let sub = String(rng.int(1, 9));
      while (sub.length < subLen) sub += String(rng.int(0, 9));
      const ext = !mobile && rng.chance(0.3) ? String(rng.int(0, 99)) : '';
      if ((area + sub + ext).startsWith(SUBJECT_NATIONAL_DIGITS)) continue;
      return formatPhone(rng, area, sub, ext);
    }
  }

  private date(d: Date): DateText {
    return dateText(d);
  }

  /** A random everyday message: no trace of the subject. */
  compose(index: number, date: Date): MessageSpec {
    const rng = this.rng;
    const sender = rng.pick(this.people);
    let recipient = rng.pick(this.people);
    while (recipient === sender) recipient = rng.pick(this.people);
    const lang: 'de' | 'en' = sender.lang === 'en' || recipient.lang === 'en' ? 'en' : 'de';
    const to: Addr[] = [this.addr(recipient)];
    for (let n = rng.int(0, 2); n > 0; n--) to.push(this.addr(rng.pick(this.people)));
    const cc: Addr[] = [];
    if (rng.chance(0.3)) for (let n = rng.int(1, 3); n > 0; n--) cc.push(this.addr(rng.pick(this.people)));

    const isReply = rng.chance(0.35);
    const isForward = !isReply && rng.chance(0.05);
    let subject = this.subject(lang);
    if (isReply) subject = `${lang === 'de' ? rng.pick(['AW: ', 'Re: ', 'AW: AW: ']) : rng.pick(['Re: ', 'RE: '])}${subject}`;
    if (isForward) subject = `${lang === 'de' ? 'WG: ' : 'Fwd: '}${subject}`;

    const body: Body = {
      greeting: this.greeting(lang, recipient),
      paragraphs: this.paragraphs(lang),
      htmlOnly: [],
      closing: rng.pick(lang === 'de' ? CLOSINGS_DE : CLOSINGS_EN),
      senderName: rng.chance(0.5) ? sender.first : `${sender.first} ${sender.last}`,
      signature: rng.chance(0.75) ? this.signature(sender) : [],
      wrap: rng.chance(0.5),
    };
    if (rng.chance(0.08)) {
      // A paragraph that starts with "From ": the mbox writer must quote it (mboxrd).
      body.paragraphs.splice(rng.int(0, body.paragraphs.length), 0, rng.pick(FROM_LINES));
    }
    if (isReply) body.quote = this.quote(lang, recipient, sender, new Date(date.getTime() - rng.int(10, 5000) * 60_000), subject);

    const spec: MessageSpec = {
      index,
      date,
      messageId: this.messageId(index, date, sender.company.domain),
      returnPath: sender.email,
      from: this.addr(sender),
      to,
      cc,
      subject,
      subjectStyle: 'auto',
      inReplyTo: isReply ? `${rng.hex(16)}.prev${index}@${recipient.company.domain}` : undefined,
      lang,
      body,
      text: this.textEncoding(lang),
      html: null,
      attachments: [],
      mailer: rng.pick(MAILERS),
      received: this.received(sender.company, date),
    };
    const htmlRoll = rng.next();
    if (htmlRoll < 0.05) {
      spec.text = null;
      spec.html = this.htmlEncoding();
    } else if (htmlRoll < 0.45) {
      spec.html = this.htmlEncoding();
    }
    if (rng.chance(0.15)) spec.attachments.push(this.binaryAttachment(index, 0, lang));
    if (rng.chance(0.03)) spec.attachments.push(this.textAttachment(lang));
    return spec;
  }

  addr(p: Person): Addr {
    const r = this.rng.next();
    if (r < 0.08) return { email: p.email };
    if (r < 0.2) return { name: `${p.last}, ${p.first}`, email: p.email, style: 'quoted' };
    if (r < 0.3) return { name: `${p.first} ${p.last}`, email: p.email, style: 'latin1-q' };
    if (r < 0.4) return { name: `${p.first} ${p.last}`, email: p.email, style: 'utf8-b' };
    return { name: `${p.first} ${p.last}`, email: p.email, style: 'auto' };
  }

  subject(lang: 'de' | 'en'): string {
    const rng = this.rng;
    const template = rng.pick(lang === 'de' ? SUBJECTS_DE : SUBJECTS_EN);
    return template
      .replace('{n}', String(rng.int(1000, 99999)))
      .replace('{inv}', this.invoiceNumber())
      .replace('{date}', `${String(rng.int(1, 28)).padStart(2, '0')}.${String(rng.int(1, 12)).padStart(2, '0')}.`)
      .replace('{proj}', rng.pick(PROJECTS))
      .replace('{year}', String(rng.int(2019, 2026)))
      .replace('{month}', rng.pick(MONTHS_DE))
      .replace('{q}', String(rng.int(1, 4)));
  }

  invoiceNumber(): string {
    return `RE-${this.rng.int(2019, 2025)}-${String(this.rng.int(1, 99999)).padStart(5, '0')}`;
  }

  greeting(lang: 'de' | 'en', p: Person): string {
    const female = isFemale(p.first);
    return this.rng
      .pick(lang === 'de' ? GREETINGS_DE : GREETINGS_EN)
      .replace('{r}', female ? '' : 'r')
      .replace('{title}', lang === 'de' ? (female ? 'Frau' : 'Herr') : female ? 'Ms' : 'Mr')
      .replace('{first}', p.first)
      .replace('{last}', p.last);
  }

  sentence(lang: 'de' | 'en'): string {
    const rng = this.rng;
    return rng
      .pick(lang === 'de' ? SENTENCES_DE : SENTENCES_EN)
      .replace('{track}', `00340434${rng.int(100000000, 999999999)}${rng.int(100, 999)}`)
      .replace('{inv}', this.invoiceNumber())
      .replace('{colleague}', (() => {
        const c = rng.pick(this.people);
        return `${c.first} ${c.last}`;
      })());
  }

  paragraphs(lang: 'de' | 'en'): string[] {
    const out: string[] = [];
    for (let p = this.rng.int(1, 3); p > 0; p--) {
      const s: string[] = [];
      for (let n = this.rng.int(1, 3); n > 0; n--) s.push(this.sentence(lang));
      let text = s.join(' ');
      if (out.length === 0 && lang === 'de') text = text.charAt(0).toLowerCase() + text.slice(1);
      else text = text.charAt(0).toUpperCase() + text.slice(1);
      out.push(text);
    }
    return out;
  }

  signature(p: Person): string[] {
    const rng = this.rng;
    const lines = ['-- ', `${p.first} ${p.last}`, p.role, p.company.name, `${p.company.street} · ${p.company.city}`];
    lines.push(`${p.lang === 'de' ? rng.pick(['Tel.: ', 'Telefon: ', 'Fon ', 'T: ']) : rng.pick(['Phone: ', 'Tel: ', 'T: '])}${p.phone}`);
    if (p.mobile) lines.push(`${p.lang === 'de' ? 'Mobil: ' : 'Mobile: '}${p.mobile}`);
    if (rng.chance(0.3)) lines.push(`Fax: ${this.otherPhone(false)}`);
    lines.push(`${p.lang === 'de' ? 'E-Mail' : 'Email'}: ${p.email}`, `www.${p.company.domain}`);
    if (p.lang === 'de' && rng.chance(0.4)) {
      const boss = rng.pick(this.people);
      lines.push('', `Geschäftsführer: ${boss.first} ${boss.last} · Amtsgericht Stuttgart HRB ${rng.int(100000, 999999)} · USt-IdNr. DE${rng.int(100000000, 999999999)}`);
    }
    return lines;
  }

  quote(lang: 'de' | 'en', author: Person, replier: Person, when: Date, subject: string): Quote {
    const rng = this.rng;
    const d = this.date(when);
    const prev: string[] = [this.greeting(lang, replier), ''];
    for (const p of this.paragraphs(lang)) prev.push(...wrap(p, 72), '');
    if (rng.chance(0.1)) prev.push(rng.pick(FROM_LINES), '');
    prev.push(rng.pick(lang === 'de' ? CLOSINGS_DE : CLOSINGS_EN), author.first);
    if (rng.chance(0.6)) prev.push(...this.signature(author));
    const who = `${author.first} ${author.last} <${author.email}>`;
    const style = rng.int(0, 2);
    if (style === 0) return { attribution: [lang === 'de' ? `Am ${d.de} schrieb ${who}:` : `On ${d.en}, ${who} wrote:`], lines: prev, prefix: '> ' };
    if (style === 1) return { attribution: [lang === 'de' ? `${author.first} ${author.last} schrieb am ${d.de}:` : `${author.first} ${author.last} wrote on ${d.en}:`], lines: prev, prefix: '>' };
    return {
      attribution: [
        lang === 'de' ? '-----Ursprüngliche Nachricht-----' : '-----Original Message-----',
        `${lang === 'de' ? 'Von' : 'From'}: ${who}`,
        `${lang === 'de' ? 'Gesendet' : 'Sent'}: ${d.rfc5322}`,
        `${lang === 'de' ? 'Betreff' : 'Subject'}: ${subject.replace(/^(AW: |Re: |RE: )+/, '')}`,
        '',
      ],
      lines: prev,
      prefix: '',
    };
  }

  textEncoding(lang: 'de' | 'en'): TextEncoding {
    const r = this.rng.next();
    const flowed = this.rng.chance(0.2);
    if (lang === 'en') {
      if (r < 0.5) return { charset: 'us-ascii', cte: '7bit', breaks: [], flowed };
      if (r < 0.8) return { charset: 'utf-8', cte: 'quoted-printable', breaks: [], flowed };
      return { charset: 'utf-8', cte: '8bit', breaks: [], flowed };
    }
    if (r < 0.3) return { charset: 'utf-8', cte: '8bit', breaks: [], flowed };
    if (r < 0.6) return { charset: 'utf-8', cte: 'quoted-printable', breaks: [], flowed };
    if (r < 0.65) return { charset: 'utf-8', cte: 'base64', breaks: [], flowed };
    if (r < 0.77) return { charset: 'windows-1252', cte: '8bit', breaks: [], flowed };
    if (r < 0.85) return { charset: 'windows-1252', cte: 'quoted-printable', breaks: [], flowed };
    if (r < 0.95) return { charset: 'iso-8859-1', cte: 'quoted-printable', breaks: [], flowed };
    return { charset: 'iso-8859-1', cte: '8bit', breaks: [], flowed };
  }

  htmlEncoding(): HtmlEncoding {
    const r = this.rng.next();
    const entities = this.rng.chance(0.3);
    if (r < 0.7) return { cte: 'quoted-printable', breaks: [], entities };
    if (r < 0.9) return { cte: 'base64', breaks: [], entities };
    return { cte: '8bit', breaks: [], entities };
  }

  messageId(index: number, date: Date, domain: string): string {
    const rng = this.rng;
    const d = this.date(date);
    switch (rng.int(0, 3)) {
      case 0: return `${d.compact}.${index.toString(36)}${rng.hex(6)}@${domain}`;
      case 1: return `${rng.hex(20).toUpperCase()}${index.toString(16).toUpperCase()}@DB9PR0${rng.int(1, 9)}MB${rng.int(1000, 9999)}.eurprd0${rng.int(1, 8)}.prod.outlook.com`;
      case 2: return `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${index.toString(16)}@${domain}`;
      default: return `${rng.hex(8).toUpperCase()}-${rng.hex(4).toUpperCase()}-${index}@mail.${domain}`;
    }
  }

  received(company: Company, date: Date): string[] {
    const rng = this.rng;
    const d = this.date(new Date(date.getTime() + rng.int(1, 90) * 1000));
    return [`Received: from mail.${company.domain} (mail.${company.domain} [203.0.113.${rng.int(1, 254)}])\n\tby mx.beispiel-firma.de (Postfix) with ESMTPS id ${rng.hex(10).toUpperCase()}\n\tfor <postfach@beispiel-firma.de>; ${d.rfc5322}`];
  }

  /** A PDF-, JPEG- or DOCX-like binary: the right magic bytes around deterministic random content. */
  binaryAttachment(index: number, n: number, lang: 'de' | 'en'): Attachment {
    const rng = this.rng;
    const size = rng.logUniformInt(ATTACHMENT_MIN_BYTES, ATTACHMENT_MAX_BYTES);
    const data = deterministicBytes(this.seed, `attachment:${index}:${n}`, size);
    const r = rng.next();
    if (r < 0.5) {
      const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Length 3 0 R /Filter /FlateDecode >>\nstream\n', 'latin1');
      head.copy(data, 0);
      const tail = Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1');
      tail.copy(data, size - tail.length);
      const name = rng.pick(lang === 'de' ? [`Rechnung_${this.invoiceNumber()}.pdf`, `Angebot_${rng.int(1000, 99999)}.pdf`, `Scan_${rng.int(1, 9999)}.pdf`, `Übersicht_${rng.pick(PROJECTS)}.pdf`, 'Lieferschein.pdf'] : [`Invoice_${rng.int(1000, 99999)}.pdf`, 'Report.pdf', `Quote_${rng.int(100, 999)}.pdf`]);
      return { kind: 'binary', contentType: 'application/pdf', filename: name, data };
    }
    if (r < 0.85) {
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00]).copy(data, 0);
      data[size - 2] = 0xff;
      data[size - 1] = 0xd9;
      return { kind: 'binary', contentType: 'image/jpeg', filename: `IMG_${rng.int(1000, 9999)}.jpg`, data };
    }
    Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00', 'latin1').copy(data, 0);
    const name = rng.pick([`Vertrag_${rng.pick(PROJECTS)}.docx`, 'Präsentation.pptx', `Kalkulation_${rng.int(2019, 2025)}.xlsx`]);
    return { kind: 'binary', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', filename: name, data };
  }

  /** A small everyday text attachment (calendar, CSV): text the scanner must read, without the subject. */
  textAttachment(lang: 'de' | 'en'): Attachment {
    const rng = this.rng;
    if (rng.chance(0.5)) {
      const rows = ['Name;Firma;Telefon;E-Mail'];
      for (let n = rng.int(3, 12); n > 0; n--) {
        const p = rng.pick(this.people);
        rows.push(`${p.last}, ${p.first};${p.company.name};${p.phone};${p.email}`);
      }
      return { kind: 'text', contentType: 'text/csv', filename: 'kontakte.csv', text: `${rows.join('\n')}\n`, charset: 'windows-1252', cte: rng.chance(0.5) ? 'base64' : 'quoted-printable' };
    }
    const p = rng.pick(this.people);
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', `SUMMARY:${lang === 'de' ? 'Besprechung' : 'Meeting'} ${rng.pick(PROJECTS)}`, `ORGANIZER;CN=${p.first} ${p.last}:mailto:${p.email}`, `DTSTART:20250${rng.int(1, 9)}1${rng.int(0, 9)}T090000Z`, 'END:VEVENT', 'END:VCALENDAR', ''];
    return { kind: 'text', contentType: 'text/calendar', filename: 'einladung.ics', text: ics.join('\n'), charset: 'utf-8', cte: 'base64' };
  }

  /** The MIME tree of a message. */
  buildMime(spec: MessageSpec): MimeNode {
    const rng = this.rng;
    const d = this.date(spec.date);
    const textLeaf = spec.text ? encodeTextLeaf(renderText(spec.body), 'text/plain', spec.text.charset, spec.text.cte, spec.text.breaks, spec.text.flowed) : null;
    const htmlLeaf = spec.html ? encodeTextLeaf(renderHtml(spec.body, spec.html.entities), 'text/html', 'utf-8', spec.html.cte, spec.html.breaks, false) : null;
    let node: MimeNode;
    if (textLeaf && htmlLeaf) {
      const boundary = this.boundary('alt');
      node = { headers: [`Content-Type: multipart/alternative;\n\tboundary="${boundary}"`], boundary, parts: [textLeaf, htmlLeaf] };
    } else if (textLeaf ?? htmlLeaf) {
      node = (textLeaf ?? htmlLeaf) as MimeLeaf;
    } else {
      throw new Error(`message ${spec.index} has neither a text nor an HTML body`);
    }
    if (spec.attachments.length) {
      const boundary = this.boundary('mixed');
      node = { headers: [`Content-Type: multipart/mixed;\n\tboundary="${boundary}"`], boundary, preamble: 'This is a multi-part message in MIME format.', parts: [node, ...spec.attachments.map((a) => this.attachmentNode(a))] };
    }
    const headers = [...spec.received, `From: ${formatAddr(spec.from)}`, `To: ${formatAddrList(spec.to)}`];
    if (spec.cc.length) headers.push(`Cc: ${formatAddrList(spec.cc)}`);
    if (spec.replyTo) headers.push(`Reply-To: ${formatAddr(spec.replyTo)}`);
    headers.push(`Subject: ${formatSubject(spec.subject, spec.subjectStyle)}`, `Date: ${d.rfc5322}`, `Message-ID: <${spec.messageId}>`);
    if (spec.inReplyTo) headers.push(`In-Reply-To: <${spec.inReplyTo}>`, `References: <${spec.inReplyTo}>`);
    headers.push(`${rng.chance(0.5) ? 'X-Mailer' : 'User-Agent'}: ${spec.mailer}`, 'MIME-Version: 1.0');
    if (spec.lang === 'de' && rng.chance(0.3)) headers.push('Content-Language: de-DE');
    return { ...node, headers: [...headers, ...node.headers] };
  }

  private boundary(kind: string): string {
    return `----=_Part_${kind}_${this.rng.hex(16)}`;
  }

  private attachmentNode(a: Attachment): MimeNode {
    if (a.kind === 'binary') {
      return { headers: [`Content-Type: ${a.contentType};\n\tname="${headerFilename(a.filename)}"`, `Content-Disposition: attachment;\n\t${dispositionFilename(a.filename)}`, 'Content-Transfer-Encoding: base64'], body: [{ binary: base64Lines(a.data) }] };
    }
    if (a.kind === 'text') {
      const leaf = encodeTextLeaf(a.text, a.contentType, a.charset, a.cte, [], false);
      return { headers: [...leaf.headers.map((h) => (h.startsWith('Content-Type:') ? `${h};\n\tname="${headerFilename(a.filename)}"` : h)), `Content-Disposition: attachment;\n\t${dispositionFilename(a.filename)}`], body: leaf.body };
    }
    const inner = serializeMime(this.buildMime(a.inner));
    return { headers: [`Content-Type: message/rfc822;\n\tname="${headerFilename(a.filename)}"`, `Content-Disposition: attachment;\n\t${dispositionFilename(a.filename)}`], body: inner };
  }
}

const PHONE_STYLES = ['0{a} {s}', '0{a}/{s}', '+49 {a} {s}', '+49 (0){a} {s}', '0{a}-{s}', '+49-{a}-{s}', '0049 {a} {s}', '(0{a}) {g}', '0{a} / {g}', '+49 (0){a} / {g}'];

function formatPhone(rng: SeededRandom, area: string, sub: string, ext: string): string {
  const grouped = sub.replace(/(\d{3})(?=\d{2})/g, '$1 ');
  let s = rng.pick(PHONE_STYLES).replace('{a}', area).replace('{s}', sub).replace('{g}', grouped);
  if (ext) s += `-${ext}`;
  return s;
}

/**
 * Word-wrap at `width`. Never breaks between two digit groups: a hard line break inside
 * "0711 12345678" would make the planted number ambiguous instead of merely encoded.
 */
export function wrap(text: string, width: number): string[] {
  const words: string[] = [];
  for (const word of text.split(' ')) {
    const prev = words[words.length - 1];
    if (prev !== undefined && /[\d)]$/.test(prev) && /^[\d(+]/.test(word)) words[words.length - 1] = `${prev} ${word}`;
    else words.push(word);
  }
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The plain-text rendering of a body; always ends with a line break. */
export function renderText(body: Body): string {
  const lines: string[] = [body.greeting, ''];
  for (const p of body.paragraphs) lines.push(...(body.wrap ? wrap(p, 72) : [p]), '');
  lines.push(body.closing, body.senderName);
  if (body.signature.length) lines.push('', ...body.signature);
  if (body.quote) {
    lines.push('', ...body.quote.attribution);
    for (const l of body.quote.lines) lines.push(body.quote.prefix ? (l ? `${body.quote.prefix}${l}` : body.quote.prefix.trimEnd()) : l);
  }
  return `${lines.join('\n')}\n`;
}

const NAMED_ENTITIES: Record<string, string> = { ä: '&auml;', ö: '&ouml;', ü: '&uuml;', Ä: '&Auml;', Ö: '&Ouml;', Ü: '&Uuml;', ß: '&szlig;', '·': '&middot;', '–': '&ndash;' };

export function escapeHtml(s: string, entities: boolean): string {
  const out = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  if (!entities) return out;
  return out.replace(/[^\t\n\x20-\x7e]/g, (c) => NAMED_ENTITIES[c] ?? `&#${c.codePointAt(0)};`);
}

/** The HTML rendering: same text, plus `htmlOnly` snippets; signature addresses become mailto links. */
export function renderHtml(body: Body, entities: boolean): string {
  const e = (s: string): string => escapeHtml(s, entities);
  const out = ['<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>', '<body style="font-family: Calibri, Arial, sans-serif; font-size: 11pt;">', `<p>${e(body.greeting)}</p>`];
  for (const p of body.paragraphs) out.push(`<p>${e(p)}</p>`);
  out.push(...body.htmlOnly);
  out.push(`<p>${e(body.closing)}<br>${e(body.senderName)}</p>`);
  if (body.signature.length) {
    const sig = body.signature.slice(1).map((l) => {
      const m = /^(E-Mail|Email): (\S+@\S+)$/.exec(l);
      return m ? `${m[1]}: <a href="mailto:${m[2]}">${e(m[2] ?? '')}</a>` : e(l);
    });
    out.push(`<div class="signature" style="color:#555555; font-size:9pt;">${sig.join('<br>\n')}</div>`);
  }
  if (body.quote) {
    out.push(`<div>${body.quote.attribution.map(e).join('<br>\n')}</div>`, '<blockquote type="cite" style="border-left:2px solid #ccc; padding-left:8px;">');
    out.push(body.quote.lines.map(e).join('<br>\n'), '</blockquote>');
  }
  out.push('</body></html>');
  return `${out.join('\n')}\n`;
}

/** A text leaf in `charset` and `cte`, with soft breaks forced inside the `breaks` needles (QP only). */
export function encodeTextLeaf(text: string, contentType: string, charset: Charset, cte: Cte, breaks: readonly Break[], flowed: boolean): MimeLeaf {
  const bytes = encodeCharset(text, charset);
  let piece: Piece;
  if (cte === 'quoted-printable') {
    const at = new Set<number>();
    for (const b of breaks) {
      const pos = bytes.indexOf(encodeCharset(b.needle, charset));
      if (pos < 0) throw new Error(`soft break needle not in text: ${b.needle}`);
      at.add(pos + encodeCharset(b.needle.slice(0, b.at), charset).length);
    }
    piece = { text: quotedPrintable(bytes, at) };
  } else if (cte === 'base64') {
    piece = { text: base64Text(bytes) };
  } else {
    if (breaks.length) throw new Error('soft breaks need quoted-printable');
    piece = charset === 'utf-8' ? { text } : { text: bytes.toString('latin1'), latin1: true };
  }
  return { headers: [`Content-Type: ${contentType}; charset="${charset}"${flowed ? '; format=flowed' : ''}`, `Content-Transfer-Encoding: ${cte}`], body: [piece] };
}

function needsEncoding(s: string): boolean {
  return /[^\x20-\x7e]/.test(s);
}

export function formatAddr(a: Addr): string {
  if (!a.name) return a.email;
  const style = a.style ?? 'auto';
  if (needsEncoding(a.name) || style === 'utf8-b' || style === 'latin1-q' || style === 'utf8-q') {
    if (style === 'latin1-q') return `${encodedWords(a.name, 'ISO-8859-1', 'Q')} <${a.email}>`;
    if (style === 'utf8-b') return `${encodedWords(a.name, 'UTF-8', 'B')} <${a.email}>`;
    return `${encodedWords(a.name, 'UTF-8', 'Q')} <${a.email}>`;
  }
  if (style === 'quoted' || /[,.;:()<>@"[\]]/.test(a.name)) return `"${a.name.replace(/(["\\])/g, '\\$1')}" <${a.email}>`;
  return `${a.name} <${a.email}>`;
}

export function formatAddrList(list: readonly Addr[]): string {
  return list.map(formatAddr).join(',\n\t');
}

function formatSubject(subject: string, style: MessageSpec['subjectStyle']): string {
  if (style === 'utf8-b') return encodedWords(subject, 'UTF-8', 'B');
  if (style === 'latin1-q') return encodedWords(subject, 'ISO-8859-1', 'Q');
  if (style === 'utf8-q' || needsEncoding(subject)) return encodedWords(subject, 'UTF-8', 'Q');
  return subject;
}

/** Outlook writes non-ASCII names as encoded-words inside `name=`; RFC 2231 is the standard way. */
function headerFilename(name: string): string {
  return needsEncoding(name) ? encodedWords(name, 'UTF-8', 'Q') : name;
}

function dispositionFilename(name: string): string {
  if (!needsEncoding(name)) return `filename="${name}"`;
  const pct = [...Buffer.from(name, 'utf8')].map((b) => (/[A-Za-z0-9._-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  return `filename*=UTF-8''${pct}`;
}
