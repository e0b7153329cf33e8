import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanMessage } from '../../../../src/core/connectors/common/mail/scanMessage.js';
import { subjectQuery } from '../fileSearchContext.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/outlook');

/** A mail carrying a real .msg as an attachment, as Outlook users forward one ("als Anlage weiterleiten"). */
function mailWithMsg(file: string, contentType: string): Buffer {
  const msg = readFileSync(join(FIXTURES, file)).toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from(
    [
      'From: a@firma.example', 'To: b@firma.example', 'Subject: Weiterleitung', 'Message-ID: <fw@firma.example>', 'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"', '', '--b1', 'Content-Type: text/plain', '', 'Siehe Anlage.', '--b1',
      `Content-Type: ${contentType}; name="${file}"`, `Content-Disposition: attachment; filename="${file}"`, 'Content-Transfer-Encoding: base64', '', msg, '--b1--', '',
    ].join('\r\n'),
  );
}

describe('.msg attached to a mail', () => {
  it('is read as the message it is, down to the message embedded in it, whatever type it was sent as', async () => {
    for (const type of ['application/vnd.ms-outlook', 'application/octet-stream']) {
      const scan = await scanMessage(mailWithMsg('WithEmbeddedMsg.msg', type), subjectQuery({ emails: ['from@domain.com', 'to@test.com'] }));
      const fields = scan.matches.map((m) => m.field);
      expect(fields, type).toContain('attachment:WithEmbeddedMsg.msg:to');
      expect(fields, type).toContain('attachment:WithEmbeddedMsg.msg:attachment:Weekly report.eml:from');
      expect(scan.problems, type).toEqual([]);
    }
  });

  it('names an attached .msg that cannot be read', async () => {
    const raw = mailWithMsg('WithEmbeddedMsg.msg', 'application/vnd.ms-outlook').toString().replace(/(filename="WithEmbeddedMsg.msg"\r\nContent-Transfer-Encoding: base64\r\n\r\n)[^-]+/, '$1S2VpbmUgT3V0bG9vay1EYXRlaQ==\r\n');
    const scan = await scanMessage(Buffer.from(raw), subjectQuery({ emails: ['from@domain.com'] }));
    expect(scan.problems).toEqual([expect.stringMatching(/^attached Outlook item "WithEmbeddedMsg.msg" cannot be read as an Outlook \.msg file/)]);
  });
});
