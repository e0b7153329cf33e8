import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, SearchResult } from '../../../src/shared/findings.js';
import { searchWorkspace, tempDir, writeFiles } from '../helpers/runCli.js';

/**
 * The mail connectors through the real CLI, one message per decoding trap of docs/ARCHITECTURE.md "A match
 * counts wherever the identifier appears once decoded", plus look-alikes that must not match.
 */

const SUBJECT = `name: Jürgen Weiß
emails: [j.weiss@beispiel-gmbh.de]
phones: ["0711 12345678"]
customerIds: [K-10442]
`;

const b64 = (text: string, encoding: BufferEncoding = 'utf8') => Buffer.from(text, encoding).toString('base64').replace(/.{76}/g, '$&\n');
const cp1252 = (text: string) => Buffer.from(text, 'latin1'); // every character used below is in Latin-1

function message(id: string, headers: string, body: string): string {
  return `Message-ID: <${id}>\nDate: Mon, 13 Jan 2025 09:00:00 +0100\nMIME-Version: 1.0\n${headers}\n\n${body}\n`;
}

/** Each trap: a message that must be found, and how strong. */
const TRAPS: Record<string, { raw: string | Buffer; strength: 'strong' | 'weak' }> = {
  'rfc2047-from@t': {
    raw: message('rfc2047-from@t', `From: =?UTF-8?B?${Buffer.from('Jürgen Weiß').toString('base64')}?= <J.Weiss@Beispiel-GmbH.de>\nTo: a@firma.example\nSubject: x\nContent-Type: text/plain`, 'Hallo.'),
    strength: 'strong',
  },
  'cc-header@t': {
    raw: message('cc-header@t', 'From: a@firma.example\nTo: b@firma.example\nCc: "Weiss, Juergen" <j.weiss@beispiel-gmbh.de>\nSubject: x\nContent-Type: text/plain', 'Hallo.'),
    strength: 'strong',
  },
  'bcc-header@t': {
    raw: message('bcc-header@t', 'From: a@firma.example\nTo: b@firma.example\nBcc: j.weiss@beispiel-gmbh.de\nSubject: x\nContent-Type: text/plain', 'Hallo.'),
    strength: 'strong',
  },
  'reply-to@t': {
    raw: message('reply-to@t', 'From: a@firma.example\nTo: b@firma.example\nReply-To: <j.weiss@beispiel-gmbh.de>\nSubject: x\nContent-Type: text/plain', 'Hallo.'),
    strength: 'strong',
  },
  'qp-soft-break@t': {
    raw: message('qp-soft-break@t', 'From: a@firma.example\nTo: b@firma.example\nSubject: x\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable', 'Bitte an j.weiss@beispiel-=\ngmbh.de antworten, Herr Wei=C3=9F wartet.'),
    strength: 'strong',
  },
  'base64-phone@t': {
    raw: message('base64-phone@t', 'From: a@firma.example\nTo: b@firma.example\nSubject: x\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64', b64('Rückruf unter +49 (0)711 / 123 456-78 erbeten.')),
    strength: 'strong',
  },
  'html-mailto@t': {
    raw: message('html-mailto@t', 'From: a@firma.example\nTo: b@firma.example\nSubject: x\nContent-Type: text/html; charset=us-ascii', '<p>Kontakt: <a href="mailto:j.weiss@beispiel-gmbh.de?subject=Hallo">hier</a></p>'),
    strength: 'strong',
  },
  'html-entities-name@t': {
    raw: message('html-entities-name@t', 'From: a@firma.example\nTo: b@firma.example\nSubject: x\nContent-Type: text/html; charset=us-ascii', '<p>Gespr&auml;ch mit <b>J&uuml;rgen</b> Wei&szlig; vereinbart.</p>'),
    strength: 'weak',
  },
  'text-attachment@t': {
    raw: message(
      'text-attachment@t',
      'From: a@firma.example\nTo: b@firma.example\nSubject: x\nContent-Type: multipart/mixed; boundary="XX"',
      `--XX\nContent-Type: text/plain\n\nAnbei.\n--XX\nContent-Type: text/csv; charset=windows-1252; name="liste.csv"\nContent-Disposition: attachment; filename="liste.csv"\nContent-Transfer-Encoding: base64\n\n${b64('Kunde;Nr\nWeiß;K-10442\n', 'latin1')}\n--XX--`,
    ),
    strength: 'strong',
  },
  'attached-rfc822@t': {
    raw: message(
      'attached-rfc822@t',
      'From: a@firma.example\nTo: b@firma.example\nSubject: Fwd\nContent-Type: multipart/mixed; boundary="YY"',
      `--YY\nContent-Type: text/plain\n\nSiehe unten.\n--YY\nContent-Type: message/rfc822\n\nFrom: Juergen Weiss <j.weiss@beispiel-gmbh.de>\nTo: support@firma.example\nSubject: Original\nMessage-ID: <inner@t>\nContent-Type: text/plain\n\nOriginaltext.\n--YY--`,
    ),
    strength: 'strong',
  },
  'windows-1252@t': {
    raw: Buffer.concat([
      Buffer.from('Message-ID: <windows-1252@t>\nDate: Mon, 13 Jan 2025 09:00:00 +0100\nFrom: a@firma.example\nTo: b@firma.example\nSubject: x\nContent-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: 8bit\n\n'),
      cp1252('Termin mit Jürgen Weiß, Tel. 0711/12345678.\n'),
    ]),
    strength: 'strong',
  },
  'iso-8859-1-subject@t': {
    raw: message('iso-8859-1-subject@t', 'From: a@firma.example\nTo: b@firma.example\nSubject: =?ISO-8859-1?Q?R=FCckruf_J=FCrgen_Wei=DF?=\nContent-Type: text/plain', 'Bitte zurückrufen.'),
    strength: 'weak',
  },
  'name-only@t': {
    raw: message('name-only@t', 'From: a@firma.example\nTo: b@firma.example\nSubject: x\nContent-Type: text/plain', 'Termin mit Juergen Weiss am Freitag.'),
    strength: 'weak',
  },
};

/** Look-alikes: none of these messages concerns the subject. */
const DISTRACTORS: Record<string, string> = {
  'prefix-local@d': message('prefix-local@d', 'From: xj.weiss@beispiel-gmbh.de\nTo: b@firma.example\nSubject: x\nContent-Type: text/plain', 'Hallo.'),
  'suffix-domain@d': message('suffix-domain@d', 'From: a@firma.example\nTo: j.weiss@beispiel-gmbh.de.evil.org\nSubject: x\nContent-Type: text/plain', 'Hallo.'),
  'other-domain@d': message('other-domain@d', 'From: j.weiss@andere-firma.example\nTo: b@firma.example\nSubject: x\nContent-Type: text/plain', 'Hallo.'),
  'phone-off-by-one@d': message('phone-off-by-one@d', 'From: a@firma.example\nTo: b@firma.example\nSubject: x\nContent-Type: text/plain', 'Tel. 0711 12345679'),
  'customer-id-longer@d': message('customer-id-longer@d', 'From: a@firma.example\nTo: b@firma.example\nSubject: x\nContent-Type: text/plain', 'Kundennummer K-104421'),
  'name-prefix@d': message('name-prefix@d', 'From: a@firma.example\nTo: b@firma.example\nSubject: x\nContent-Type: text/plain', 'Jürgen Weißmann hat angerufen.'),
};

function mbox(messages: Array<string | Buffer>): Buffer {
  const parts: Buffer[] = [];
  for (const m of messages) {
    const raw = Buffer.isBuffer(m) ? m : Buffer.from(m);
    // mboxrd: quote lines that start with (>*)From
    const quoted = Buffer.from(raw.toString('latin1').replace(/^(>*From )/gm, '>$1'), 'latin1');
    parts.push(Buffer.from('From MAILER-DAEMON Mon Jan 13 09:00:00 2025\n'), quoted, Buffer.from('\n'));
  }
  return Buffer.concat(parts);
}

const byMessageId = (result: SearchResult) => new Map(result.findings.map((f) => [f.locator.messageId, f] as const));

describe('auskunft search over mail files', () => {
  let result: SearchResult;
  let dir: string;
  let code: number;

  beforeAll(async () => {
    dir = tempDir();
    const all = [...Object.values(TRAPS).map((t) => t.raw), ...Object.values(DISTRACTORS)];
    writeFiles(dir, { 'archive.mbox': mbox(all) });
    // The same messages as an eml folder (nested) and as a maildir.
    Object.entries(TRAPS).forEach(([id, t], i) => writeFiles(dir, { [`export/${i % 2 ? 'sub/' : ''}${id.replace('@', '_')}.eml`]: t.raw }));
    Object.entries(DISTRACTORS).forEach(([id, raw]) => writeFiles(dir, { [`export/${id.replace('@', '_')}.eml`]: raw }));
    Object.values(TRAPS).forEach((t, i) => writeFiles(dir, { [`Maildir/${i % 2 ? '.Archiv/' : ''}cur/${i}.host:2,S`]: t.raw }));
    writeFiles(dir, { 'Maildir/tmp/unfinished': String(TRAPS['name-only@t']!.raw), 'Maildir/new/.hidden': 'x' });
    const run = await searchWorkspace(
      dir,
      '  - { id: archive, type: mbox, path: archive.mbox }\n  - { id: export, type: eml, path: export }\n  - { id: maildir, type: maildir, path: Maildir }\n',
      SUBJECT,
    );
    expect(run.result, run.stderr).toBeDefined();
    result = run.result!;
    code = run.code;
  });

  it('completes every source and exits 0', () => {
    expect(result.sources.map((s) => [s.id, s.status, s.error])).toEqual([
      ['archive', 'ok', null],
      ['export', 'ok', null],
      ['maildir', 'ok', null],
    ]);
    expect(result.sources.find((s) => s.id === 'archive')!.scanned).toBe(Object.keys(TRAPS).length + Object.keys(DISTRACTORS).length);
    expect(code).toBe(0);
  });

  for (const source of ['archive', 'export', 'maildir']) {
    it(`${source}: finds every trap with the right strength and no distractor`, () => {
      const found = byMessageId({ ...result, findings: result.findings.filter((f) => f.source === source) });
      for (const [id, trap] of Object.entries(TRAPS)) {
        expect(found.get(id)?.strength, id).toBe(trap.strength);
      }
      for (const id of Object.keys(DISTRACTORS)) expect(found.has(id), id).toBe(false);
      expect(found.size).toBe(Object.keys(TRAPS).length);
    });
  }

  it('gives mbox findings a path and the byte offset of their From line', () => {
    const raw = mbox([...Object.values(TRAPS).map((t) => t.raw), ...Object.values(DISTRACTORS)]);
    for (const f of result.findings.filter((x) => x.source === 'archive')) {
      expect(f.locator.path).toBe('archive.mbox');
      expect(raw.toString('latin1', f.locator.offset!, f.locator.offset! + 5)).toBe('From ');
    }
  });

  it('gives file findings their path below the configured folder', () => {
    const f = result.findings.find((x) => x.source === 'export' && x.locator.messageId === 'qp-soft-break@t') as Finding;
    expect(f.locator.path).toMatch(/^export\/(sub\/)?qp-soft-break_t\.eml$/);
    const m = result.findings.find((x) => x.source === 'maildir' && x.locator.messageId === 'attached-rfc822@t') as Finding;
    expect(m.locator.path).toMatch(/^Maildir\/(\.Archiv\/)?cur\/\d+\.host:2,S$/);
  });

  it('names what matched and where', () => {
    const found = byMessageId(result);
    expect(found.get('base64-phone@t')!.matches).toContainEqual(expect.objectContaining({ type: 'phone', value: '+4971112345678' }));
    expect(found.get('cc-header@t')!.matches).toContainEqual(expect.objectContaining({ type: 'email', value: 'j.weiss@beispiel-gmbh.de', field: 'cc' }));
    expect(found.get('text-attachment@t')!.matches).toContainEqual(expect.objectContaining({ type: 'customerId', field: 'attachment:liste.csv' }));
    expect(found.get('rfc2047-from@t')!.record).toMatchObject({ kind: 'mail', from: expect.stringContaining('Jürgen Weiß') });
  });

  it('keeps the decoded record for review: headers and text', () => {
    const f = byMessageId(result).get('windows-1252@t')!;
    expect(f.record).toMatchObject({ kind: 'mail', subject: 'x', text: expect.stringContaining('Jürgen Weiß') });
    expect(f.date).toBe('2025-01-13T08:00:00.000Z');
    expect(f.categories).toEqual(expect.arrayContaining(['contact.email', 'contact.phone', 'communication.content'].filter((c) => c !== 'contact.email')));
  });

  it('gives a finding the same id in every run (decisions survive a re-search)', async () => {
    const again = await searchWorkspace(dir, '  - { id: archive, type: mbox, path: archive.mbox }\n', SUBJECT);
    const first = result.findings.filter((f) => f.source === 'archive').map((f) => f.id);
    expect(again.result!.findings.map((f) => f.id)).toEqual(first);
  });
});

describe('damaged mail', () => {
  it('a truncated mbox and a broken MIME boundary give warnings with locators, not crashes', async () => {
    const dir = tempDir();
    const broken = message('broken-boundary@t', 'From: a@firma.example\nTo: b@firma.example\nSubject: x\nContent-Type: multipart/mixed; boundary="NEVER"', '--OTHER\nContent-Type: text/plain\n\nKontakt j.weiss@beispiel-gmbh.de\n--OTHER--');
    const good = message('good@t', 'From: j.weiss@beispiel-gmbh.de\nTo: b@firma.example\nSubject: x\nContent-Type: text/plain', 'Hallo.');
    const truncated = message('truncated@t', 'From: a@firma.example\nTo: b@firma.example\nSubject: x\nContent-Type: multipart/mixed; boundary="ZZ"', `--ZZ\nContent-Type: text/plain\n\nTel 0711 12345678\n--ZZ\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK`);
    const file = Buffer.concat([mbox([broken, good]), mbox([truncated]).subarray(0, -1)]);
    writeFiles(dir, { 'archive.mbox': file });
    const run = await searchWorkspace(dir, '  - { id: archive, type: mbox, path: archive.mbox }\n', SUBJECT);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    const source = run.result!.sources[0]!;
    expect(source.status).toBe('ok');
    expect(source.scanned).toBe(3);
    const warned = new Map(source.warnings.map((w) => [w.locator.messageId, w]));
    expect(warned.get('broken-boundary@t')!.message).toMatch(/boundary "NEVER" never appears/);
    expect(warned.get('broken-boundary@t')!.locator).toMatchObject({ path: 'archive.mbox', offset: 0 });
    expect(warned.get('truncated@t')!.message).toMatch(/truncated/);
    // Nothing is lost: the identifiers in both damaged messages are still found.
    expect(run.result!.findings.map((f) => f.locator.messageId).sort()).toEqual(['broken-boundary@t', 'good@t', 'truncated@t']);
    expect(run.code).toBe(0);
  });

  it('a missing mbox fails its source with the reason, the other sources still run, exit 3', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'export/a.eml': message('a@t', 'From: j.weiss@beispiel-gmbh.de\nTo: b@firma.example\nSubject: x\nContent-Type: text/plain', 'Hallo.') });
    const run = await searchWorkspace(dir, '  - { id: gone, type: mbox, path: nothing.mbox }\n  - { id: export, type: eml, path: export }\n', SUBJECT);
    expect(run.code).toBe(3);
    expect(run.result!.sources).toEqual([
      expect.objectContaining({ id: 'gone', status: 'failed', error: 'mbox nothing.mbox does not exist' }),
      expect.objectContaining({ id: 'export', status: 'ok' }),
    ]);
    expect(run.result!.findings).toHaveLength(1);
  });

  it('a file that is not an mbox fails the source instead of being read as one message', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'notes.txt': 'j.weiss@beispiel-gmbh.de\n' });
    const run = await searchWorkspace(dir, '  - { id: notes, type: mbox, path: notes.txt }\n', SUBJECT);
    expect(run.code).toBe(3);
    expect(run.result!.sources[0]!.error).toMatch(/not an mbox file/);
  });

  it('mboxo and mboxrd unquote ">From " lines as their writers intended', async () => {
    const dir = tempDir();
    const body = 'From: a@firma.example\nTo: j.weiss@beispiel-gmbh.de\nSubject: x\nMessage-ID: <q@t>\n\n>From here\n>>From there\n';
    writeFiles(dir, { 'rd.mbox': `From x Mon Jan 13 09:00:00 2025\n${body}\n`, 'o.mbox': `From x Mon Jan 13 09:00:00 2025\n${body}\n` });
    const run = await searchWorkspace(dir, '  - { id: rd, type: mbox, path: rd.mbox, format: mboxrd }\n  - { id: o, type: mbox, path: o.mbox, format: mboxo }\n', SUBJECT);
    const text = (id: string) => (run.result!.findings.find((f) => f.source === id)!.record as { text: string }).text;
    expect(text('rd')).toContain('From here\n>From there');
    expect(text('o')).toContain('From here\n>>From there');
  });
});

describe('configuration errors', () => {
  it('an unknown source type is one line naming file, line and field, and nothing is written', async () => {
    const dir = tempDir();
    const run = await searchWorkspace(dir, '  - { id: a, type: mbox, path: a.mbox }\n  - { id: b, type: pst, path: b.pst }\n', SUBJECT);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`${join(dir, 'auskunft.yaml')}:9: sources[1].type: unknown source type "pst"`);
    expect(run.result).toBeUndefined();
  });

  it('an unknown field in a source names the field', async () => {
    const run = await searchWorkspace(tempDir(), '  - id: a\n    type: mbox\n    paht: a.mbox\n', SUBJECT);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/auskunft\.yaml:\d+: sources\[0\]\.(paht|path): /);
  });

  it('a subject without identifiers is rejected', async () => {
    const run = await searchWorkspace(tempDir(), '  - { id: a, type: mbox, path: a.mbox }\n', 'emails: []\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/subject\.yaml.*at least one identifier/);
  });

  it('a phone number that cannot be normalized is rejected with its field', async () => {
    const run = await searchWorkspace(tempDir(), '  - { id: a, type: mbox, path: a.mbox }\n', 'phones: ["12"]\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/subject\.yaml:1: phones\[0\]: /);
  });
});
