import { describe, expect, it } from 'vitest';
import { pruneBinaryParts, PRUNED_SIZE_HEADER } from '../../../../src/core/connectors/common/mail/pruneBinaryParts.js';

const binary = Buffer.alloc(30_000, 7).toString('base64').replace(/.{76}/g, '$&\n');

function mixed(eol: string, attachmentType: string, filename = 'scan.pdf'): string {
  return [
    'From: a@x.example',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    'preamble',
    '--b',
    'Content-Type: text/plain',
    '',
    'Hallo j.weiss@beispiel-gmbh.de',
    '--b',
    `Content-Type: ${attachmentType}; name="${filename}"`,
    'Content-Transfer-Encoding: base64',
    '',
    binary,
    '--b--',
    'epilogue',
  ].join(eol);
}

describe('pruneBinaryParts', () => {
  it('cuts a large base64 binary body and keeps its header, the text and the structure', () => {
    for (const eol of ['\n', '\r\n']) {
      const out = pruneBinaryParts(Buffer.from(mixed(eol, 'application/pdf'))).toString('latin1');
      expect(out).not.toContain(binary.slice(0, 200));
      expect(out).toContain(`Hallo j.weiss@beispiel-gmbh.de${eol}--b${eol}Content-Type: application/pdf`);
      expect(out).toMatch(new RegExp(`${PRUNED_SIZE_HEADER}: 30000`));
      expect(out).toContain(`--b--${eol}epilogue`);
      expect(out.length).toBeLessThan(600);
    }
  });

  it('leaves text-like attachments alone, also octet-streams named like text', () => {
    for (const [type, name] of [['text/csv', 'a.csv'], ['application/octet-stream', 'liste.csv'], ['message/delivery-status', 'x']]) {
      const raw = Buffer.from(mixed('\n', type!, name));
      expect(pruneBinaryParts(raw)).toBe(raw);
    }
  });

  it('descends into nested multiparts and attached messages', () => {
    const inner = mixed('\n', 'image/jpeg', 'photo.jpg').replace(/"b"/, '"inner"').replace(/--b/g, '--inner');
    const outer = ['Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: message/rfc822', '', inner, '--b--', ''].join('\n');
    const out = pruneBinaryParts(Buffer.from(outer)).toString('latin1');
    expect(out).not.toContain(binary.slice(0, 200));
    expect(out).toContain('Hallo j.weiss@beispiel-gmbh.de');
  });

  it('does not mistake a longer boundary for its prefix', () => {
    const raw = ['Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain', '', '--b2 is not a delimiter', '--b--', ''].join('\n');
    expect(pruneBinaryParts(Buffer.from(raw)).toString()).toBe(raw);
  });

  it('returns messages it cannot follow unchanged', () => {
    const noBoundary = Buffer.from('Content-Type: multipart/mixed; boundary="never"\n\n--other\n\nx\n');
    expect(pruneBinaryParts(noBoundary)).toBe(noBoundary);
    const small = Buffer.from('Content-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n');
    expect(pruneBinaryParts(small)).toBe(small);
  });
});
