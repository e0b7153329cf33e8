import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from '../../../../src/core/connectors/common/table/textEncoding.js';

async function* chunks(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* parts;
}
const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
async function all(text: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const t of text) out += t;
  return out;
}

describe('detectEncoding', () => {
  it('trusts a BOM', async () => {
    expect(await detectEncoding(chunks(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61)))).toBe('utf-8');
    expect(await detectEncoding(chunks(Uint8Array.of(0xff, 0xfe, 0x61, 0)))).toBe('utf-16le');
  });

  it('takes valid UTF-8, also with a character split across chunks', async () => {
    const bytes = ascii('Müller');
    expect(await detectEncoding(chunks(bytes.subarray(0, 2), bytes.subarray(2)))).toBe('utf-8');
  });

  it('falls back to windows-1252 when an invalid byte comes only after 64 KB of ASCII', async () => {
    const big = ascii('a;b\n'.repeat(20_000));
    expect(await detectEncoding(chunks(big, Uint8Array.of(0x4d, 0xfc, 0x6c, 0x0a)))).toBe('windows-1252');
  });
});

describe('decodeText', () => {
  it('drops the BOM and decodes windows-1252', async () => {
    expect(await all(decodeText(chunks(Uint8Array.of(0xef, 0xbb, 0xbf), ascii('Müller')), 'utf-8'))).toBe('Müller');
    expect(await all(decodeText(chunks(Uint8Array.of(0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x80)), 'windows-1252'))).toBe('Müller€');
  });

  it('throws on invalid UTF-8 instead of replacing characters', async () => {
    await expect(all(decodeText(chunks(Uint8Array.of(0x4d, 0xfc)), 'utf-8'))).rejects.toThrow(TypeError);
  });

  it('gives well-formed UTF-16: a lone surrogate becomes U+FFFD, a pair split between chunks stays whole', async () => {
    const utf16 = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'utf16le'));
    const emoji = utf16('a😀b'); // 😀 is the pair D83D DE00: cut between its two halves
    expect(await all(decodeText(chunks(emoji.subarray(0, 4), emoji.subarray(4)), 'utf-16le'))).toBe('a😀b');
    expect(await all(decodeText(chunks(utf16('x\uD800;y\n'), utf16('\uDC00z')), 'utf-16le'))).toBe('x\uFFFD;y\n\uFFFDz');
    expect(await all(decodeText(chunks(utf16('end\uD83D')), 'utf-16le'))).toBe('end\uFFFD');
  });
});
