import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { messageMayConcern, quotedPrintableDecode } from '../../../../src/core/connectors/common/mail/messagePrefilter.js';
import { decodeHtmlEntities } from '../../../../src/core/connectors/common/mail/htmlEntities.js';
import { scanMessage } from '../../../../src/core/connectors/common/mail/scanMessage.js';
import { compileSubject } from '../../../../src/core/identity/compileSubject.js';
import { SUBJECT } from './prefilterTraps.js';

const subject = compileSubject(SUBJECT);

function message(headers: string[], body: string): Buffer {
  return Buffer.from(`From: a@firma.example\nMessage-ID: <t@t>\n${headers.join('\n')}\n\n${body}`, 'latin1');
}

function b64(text: string, encoding: BufferEncoding = 'utf8'): string {
  return Buffer.from(text, encoding).toString('base64').replace(/.{76}/g, '$&\n');
}

/** The trap is real (scanMessage finds the subject) and the prefilter lets it through. */
async function expectPassed(raw: Buffer): Promise<void> {
  const scan = await scanMessage(raw, subject);
  expect(scan.matches.length, 'scanMessage must match, or the trap tests nothing').toBeGreaterThan(0);
  expect(messageMayConcern(raw, subject)).toBe(true);
}

describe('messagePrefilter: each encoding trap passes to the parser', () => {
  it('a literal address in any case', () => expectPassed(message(['Subject: Hallo'], 'Bitte an J.WEISS@Beispiel-GmbH.de')));
  it('quoted-printable soft break inside the address, =40 for @ and =2E for .', () =>
    expectPassed(message(['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable'], 'Mail an j.wei=\nss=40beispiel-gmbh=2Ede bitte\n')));
  it('a soft break with CRLF and trailing white space after "="', () =>
    expectPassed(Buffer.from('From: a@firma.example\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nTel 0711 1234= \r\n5678\r\n', 'latin1')));
  it('adjacent encoded words, B and Q, split inside the address', () =>
    expectPassed(message(['Subject: =?UTF-8?B?ai53ZWk=?=\n =?utf-8?Q?ss=40beispiel-gmbh.de?='], 'nichts')));
  it('an ISO-8859-1 encoded-word display name (the name alone: weak)', () => expectPassed(message(['To: =?ISO-8859-1?Q?J=FCrgen_Wei=DF?= <x@y.example>'], 'nichts')));
  it('a phone number across a header fold', () => expectPassed(message(['Subject: Rückruf 0711 1234\n 5678'], 'nichts')));
  it('"0711/12345678" in a Q encoded Subject ("/" as =2F)', () => expectPassed(message(['Subject: =?utf-8?Q?Tel=2E_0711=2F12345678?='], 'nichts')));
  it('a base64 text body', () => expectPassed(message(['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'], b64('Tel. (0711) 123 456 78'))));
  it('a base64 windows-1252 CSV attachment with an en dash between the digits', () =>
    expectPassed(
      message(
        ['Content-Type: multipart/mixed; boundary="b"'],
        `--b\nContent-Type: text/plain\n\nAnbei.\n--b\nContent-Type: text/csv; charset=windows-1252; name="l.csv"\nContent-Transfer-Encoding: base64\n\n${iconv.encode('Name;Tel\nWeiß;0711\u20131234\u20135678\n', 'windows-1252').toString('base64')}\n--b--\n`,
      ),
    ));
  it('HTML entities: &#64;, &commat; and &period;', async () => {
    await expectPassed(message(['Content-Type: text/html'], '<p>j.weiss&#64;beispiel-gmbh.de</p>'));
    await expectPassed(message(['Content-Type: text/html'], '<p>j.weiss&commat;beispiel-gmbh&period;de</p>'));
  });
  it('HTML tags between the characters of an address', () => expectPassed(message(['Content-Type: text/html'], '<p>j.weiss@<b>beispiel</b>-gmbh.de</p>')));
  it('an HTML mailto: with an entity-encoded @ in the attribute', () => expectPassed(message(['Content-Type: text/html'], '<a href="mailto:j.weiss&#x40;beispiel-gmbh.de">Jürgen</a>')));
  it('a name written with entities (&uuml;, &szlig;)', () => expectPassed(message(['Content-Type: text/html; charset=us-ascii'], '<p>J&uuml;rgen Wei&szlig;</p>')));
  it('a numeric reference 150 is windows-1252\'s en dash, a phone separator', () => expectPassed(message(['Content-Type: text/html'], '<p>0711 1234&#150;5678</p>')));
  it('format=flowed lines joined inside a phone number', () =>
    expectPassed(message(['Content-Type: text/plain; charset=utf-8; format=flowed'], 'Tel. 0711 1234 \n5678 bitte\n')));
  it('an attached message/rfc822, raw and base64', async () => {
    const inner = 'From: =?utf-8?Q?J=C3=BCrgen?= <j.weiss@beispiel-gmbh.de>\nSubject: x\n\nHallo\n';
    await expectPassed(message(['Content-Type: multipart/mixed; boundary="b"'], `--b\nContent-Type: text/plain\n\nFwd\n--b\nContent-Type: message/rfc822\n\n${inner}--b--\n`));
    const encodedInner = 'From: x@y.example\nContent-Transfer-Encoding: base64\n\n' + b64('Kontakt: j.weiss@beispiel-gmbh.de');
    await expectPassed(message(['Content-Type: multipart/mixed; boundary="b"'], `--b\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n${b64(encodedInner)}\n--b--\n`));
  });
  it('an .eml sent as octet-stream, base64', () =>
    expectPassed(
      message(
        ['Content-Type: multipart/mixed; boundary="b"'],
        `--b\nContent-Type: application/octet-stream; name="fwd.eml"\nContent-Transfer-Encoding: base64\n\n${b64('From: x@y.example\nSubject: =?utf-8?B?' + Buffer.from('Tel 0711 12345678').toString('base64') + '?=\n\nHallo\n')}\n--b--\n`,
      ),
    ));
  it('an 8-bit windows-1252 body', () => expectPassed(Buffer.concat([message(['Content-Type: text/plain; charset=windows-1252'], ''), iconv.encode('Grüße, Jürgen Weiß\n', 'windows-1252')])));
  it('no-break spaces in a QP phone number', () => expectPassed(message(['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable'], '+49=C2=A0711=C2=A01234=C2=A05678\n')));
  it('NFD name and the "Juergen Weiss" transliteration', async () => {
    await expectPassed(message(['Content-Type: text/plain; charset=utf-8'], Buffer.from('Gruß Ju\u0308rgen Weiß', 'utf8').toString('latin1')));
    await expectPassed(message([], 'Gruss Juergen Weiss'));
  });
  it('an address with white space around "@" in an address header', () => expectPassed(message(['To: Weiss <j.weiss @ beispiel-gmbh.de>'], 'nichts')));

  it('UTF-16, UTF-7 and RFC 2231 charsets are passed without looking', () => {
    for (const charset of ['utf-16le', 'utf-7', 'iso-2022-jp']) {
      expect(messageMayConcern(message([`Content-Type: text/plain; charset=${charset}`], 'nichts zu sehen'), subject)).toBe(true);
    }
    expect(messageMayConcern(message(["Content-Type: text/plain; charset*=utf-8''x"], 'nichts'), subject)).toBe(true);
  });
  it('an unknown named entity and an attached Outlook item are passed', () => {
    expect(messageMayConcern(message(['Content-Type: text/html'], '<p>&Kopf;</p>'), subject)).toBe(true);
    expect(messageMayConcern(message(['Content-Type: multipart/mixed; boundary="b"'], '--b\nContent-Type: application/vnd.ms-outlook; name="a.msg"\nContent-Transfer-Encoding: base64\n\nAAAA\n--b--\n'), subject)).toBe(true);
  });
});

describe('messagePrefilter: what it rejects', () => {
  it('an ordinary message, and one with look-alikes that scanText would not match', () => {
    expect(messageMayConcern(message(['Subject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?=', 'Content-Type: text/html'], '<p>Handwerk, DavidWalker, Tel 0711 98765432 &amp; mehr</p>'), subject)).toBe(false);
  });
  it('the address inside a large binary attachment that pruneBinaryParts cuts (mailparser never sees it)', async () => {
    const pdf = Buffer.concat([Buffer.alloc(40_000, 1), Buffer.from('j.weiss@beispiel-gmbh.de'), Buffer.alloc(10, 1)]);
    const raw = message(['Content-Type: multipart/mixed; boundary="b"'], `--b\nContent-Type: text/plain\n\nAnbei.\n--b\nContent-Type: application/pdf; name="a.pdf"\nContent-Transfer-Encoding: base64\n\n${b64(pdf.toString('latin1'), 'latin1')}\n--b--\n`);
    expect((await scanMessage(raw, subject)).matches).toEqual([]);
    expect(messageMayConcern(raw, subject)).toBe(false);
  });
});

describe('messagePrefilter decoders', () => {
  it('quoted-printable: =XX in both cases, soft breaks, a lone "=" kept', () => {
    expect(quotedPrintableDecode(Buffer.from('a=40b=2ec=\nd=  \r\ne=zz=')).toString('latin1')).toBe('a@b.cde=zz=');
  });
  it('HTML entities: numeric, named, legacy without ";", unknown gives null', () => {
    expect(decodeHtmlEntities('&#106;&#x2E;w&uumlber &amp; &commat;')).toBe('j.wüber & @');
    expect(decodeHtmlEntities('a &frobnicate; b')).toBeNull();
    expect(decodeHtmlEntities('?a=1&b=2')).toBe('?a=1&b=2');
  });
});
