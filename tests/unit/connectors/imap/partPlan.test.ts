import type { MessageStructureObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { assemblePrunedMessage, boundaryOf, MissingSectionError, planFetch, restorePrunedSizes, type FetchPlan } from '../../../../src/core/connectors/imap/partPlan.js';
import { scanMessage } from '../../../../src/core/connectors/common/mail/scanMessage.js';
import { compileSubject } from '../../../../src/core/identity/compileSubject.js';

const BIG = 64 * 1024;
const text = (part: string, size = 100): MessageStructureObject => ({ part, type: 'text/plain', size, encoding: '7bit' });
const binary = (part: string, type = 'application/pdf', size = BIG, extra: Partial<MessageStructureObject> = {}): MessageStructureObject => ({ part, type, size, encoding: 'base64', ...extra });
const multipart = (childNodes: MessageStructureObject[], part?: string, boundary = 'b1'): MessageStructureObject => ({ ...(part ? { part } : {}), type: 'multipart/mixed', parameters: { boundary }, childNodes });

function sectionsOf(plan: FetchPlan): ReadonlyArray<string> {
  return plan.kind === 'pruned' ? [...plan.sections].sort() : [];
}

describe('planFetch', () => {
  it('fetches a message whole when it has no binary part', () => {
    expect(planFetch(undefined, 500)).toEqual({ kind: 'whole', bytes: 500 });
    expect(planFetch(text(''), 500)).toEqual({ kind: 'whole', bytes: 500 });
    expect(planFetch(multipart([text('1'), { ...text('2'), type: 'text/html' }]), 900)).toEqual({ kind: 'whole', bytes: 900 });
    expect(sectionsOf(planFetch(multipart([text('1'), binary('2', 'image/png', 300)]), 900))).not.toContain('2'); // however small
    expect(planFetch({ ...multipart([text('1'), binary('2')]), parameters: {} }, 80_000).kind).toBe('whole'); // no boundary: cannot rebuild
  });

  it('fetches headers and text parts but never the bytes of a large binary attachment', () => {
    const plan = planFetch(multipart([text('1'), { ...text('2'), type: 'text/html' }, binary('3')]), BIG + 1000);
    expect(plan.kind).toBe('pruned');
    expect(sectionsOf(plan)).toEqual(['1', '1.MIME', '2', '2.MIME', '3.MIME', 'HEADER']);
    expect(plan.bytes).toBeLessThan(BIG / 2);
  });

  it('descends into an attached message (RFC 3501 §6.4.5 numbering) and prunes binaries inside it', () => {
    const attached: MessageStructureObject = { part: '2', type: 'message/rfc822', size: BIG + 500, childNodes: [multipart([text('2.1'), binary('2.2', 'image/jpeg')], '2', 'inner')] };
    expect(sectionsOf(planFetch(multipart([text('1'), attached]), BIG + 1000))).toEqual(['1', '1.MIME', '2.1', '2.1.MIME', '2.2.MIME', '2.HEADER', '2.MIME', 'HEADER']);
    const singlePart: MessageStructureObject = { part: '2', type: 'message/rfc822', size: 300, childNodes: [{ ...text('2'), size: 200 }] };
    expect(sectionsOf(planFetch(multipart([text('1'), singlePart, binary('3')]), BIG + 1000))).toEqual(['1', '1.MIME', '2.HEADER', '2.MIME', '2.TEXT', '3.MIME', 'HEADER']);
  });

  it('fetches what scanMessage reads: text-like application types and octet-streams named like text', () => {
    const parts = [
      text('1'),
      binary('2', 'application/json'),
      binary('3', 'application/octet-stream', BIG, { dispositionParameters: { filename: 'notiz.txt' } }),
      binary('4', 'application/octet-stream', BIG, { parameters: { name: 'protokoll.log' } }),
      binary('5', 'application/octet-stream', BIG, { dispositionParameters: { filename: 'daten.bin' } }),
    ];
    const plan = planFetch(multipart(parts), 5 * BIG);
    expect(sectionsOf(plan)).toEqual(expect.arrayContaining(['2', '3', '4']));
    expect(sectionsOf(plan)).not.toContain('5');
  });

  it('keeps the header of a message whose only body is binary', () => {
    const plan = planFetch(binary(''), BIG + 300);
    expect(plan.kind).toBe('pruned');
    expect(sectionsOf(plan)).toEqual(['HEADER']);
  });
});

describe('assemblePrunedMessage', () => {
  const subject = compileSubject({ emails: ['j.weiss@beispiel-gmbh.de'], phones: ['0711 12345678'], customerIds: [], ips: [], otherIds: [] });
  const pdf = 'JVBERi0xLjQK'.repeat(8000);
  const header = 'Message-ID: <m@t>\r\nFrom: Büro <buero@firma.example>\r\nSubject: Vertrag\r\nContent-Type: multipart/mixed;\r\n boundary="Mix-Bound"\r\n\r\n';
  const sections = new Map<string, Buffer>([
    ['HEADER', Buffer.from(header)],
    ['1.MIME', Buffer.from('Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n')],
    ['1', Buffer.from('Bitte an j.weiss@beispiel-=\r\ngmbh.de, Tel. 0711 / 1234 5678.')],
    ['2.MIME', Buffer.from('Content-Type: application/pdf; name="v.pdf"\r\nContent-Disposition: attachment; filename="v.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n')],
  ]);
  const original = Buffer.from(`${header}preamble\r\n--Mix-Bound\r\n${sections.get('1.MIME')}${sections.get('1')}\r\n--Mix-Bound\r\n${sections.get('2.MIME')}${pdf}\r\n--Mix-Bound--\r\n`);
  // BODYSTRUCTURE's boundary went through parameter decoding; the header's spelling must win.
  const plan = planFetch(multipart([text('1', 60), { ...binary('2', 'application/pdf', pdf.length) }], undefined, 'mix-bound'), original.length);

  it('rebuilds a valid MIME message: header and text byte for byte, the binary part empty', () => {
    if (plan.kind !== 'pruned') throw new Error('expected a pruned plan');
    const rebuilt = assemblePrunedMessage(plan, sections).toString();
    expect(rebuilt).toBe(`${header}--Mix-Bound\r\n${sections.get('1.MIME')}${sections.get('1')}\r\n--Mix-Bound\r\n${sections.get('2.MIME')}\r\n--Mix-Bound--\r\n`);
  });

  it('gives scanMessage the same matches as the original, and the record the real attachment size back', async () => {
    if (plan.kind !== 'pruned') throw new Error('expected a pruned plan');
    const before = await scanMessage(original, subject);
    const after = await scanMessage(assemblePrunedMessage(plan, sections), subject);
    expect(after.matches).toEqual(before.matches);
    expect(after.messageId).toBe(before.messageId);
    const restored = restorePrunedSizes(after.record.attachments ?? [], plan.pruned);
    const real = before.record.attachments?.[0]?.size ?? 0;
    expect(restored[0]?.size).toBeGreaterThan(real * 0.97);
    expect(restored[0]?.size).toBeLessThan(real * 1.03);
  });

  it('refuses to rebuild when the server left out a section', () => {
    if (plan.kind !== 'pruned') throw new Error('expected a pruned plan');
    const incomplete = new Map(sections);
    incomplete.delete('1');
    expect(() => assemblePrunedMessage(plan, incomplete)).toThrow(MissingSectionError);
  });
});

describe('boundaryOf', () => {
  it('reads the boundary as written: quoted, bare, folded, any case of the parameter name', () => {
    expect(boundaryOf(Buffer.from('Content-Type: multipart/mixed; boundary="A b=C"\r\n\r\n'))).toBe('A b=C');
    expect(boundaryOf(Buffer.from('content-type: multipart/alternative;\r\n\tBOUNDARY=xYz123\r\n\r\n'))).toBe('xYz123');
    expect(boundaryOf(Buffer.from('Subject: x\r\n\r\n'))).toBeUndefined();
  });
});
