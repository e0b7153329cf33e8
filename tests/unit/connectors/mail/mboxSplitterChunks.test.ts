import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { splitMbox, type MboxMessage } from '../../../../src/core/connectors/common/mail/mboxSplitter.js';

const dir = mkdtempSync(join(tmpdir(), 'auskunft-mboxchunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const POSTMARK = 'From anna@example.de Mon Jan  1 10:00:00 2024\n';
/** A body line that starts with "From " but is no postmark (no time): it must not split a message. */
const FALSE_FROM = 'From the desk of Anna Mueller, with regards\n';

/**
 * An mbox whose postmark lines start at the given offsets (each preceded by the blank line), with a
 * FALSE_FROM line starting at each of `falseAt`. Returns the file and the offsets of its messages.
 */
function writeMbox(name: string, postmarks: number[], falseAt: number[]): { file: string; offsets: number[] } {
  const marks = [0, ...postmarks].sort((a, b) => a - b);
  const falses = [...falseAt].sort((a, b) => a - b);
  let text = '';
  const pad = (to: number): void => {
    // Filler lines up to `to`, ending with a newline at to - 1.
    while (text.length < to) {
      const room = to - text.length;
      text += room > 60 ? `${'x'.repeat(59)}\n` : `${'y'.repeat(room - 1)}\n`;
    }
  };
  marks.forEach((at, i) => {
    if (text.length > at - 1 && at > 0) throw new Error(`postmark at ${at} does not fit`);
    if (at > 0) {
      pad(at - 1);
      text += '\n'; // the blank line between messages
    }
    text += POSTMARK + `Message-ID: <m${i}@example.test>\nSubject: ${i}\n\n`;
    const next = marks[i + 1] ?? at + 300;
    for (const f of falses) if (f > text.length + 1 && f + FALSE_FROM.length < next - 2) {
        pad(f);
        text += FALSE_FROM;
      }
  });
  text += 'the end\n';
  const file = join(dir, name);
  writeFileSync(file, text, 'latin1');
  return { file, offsets: marks };
}

async function read(file: string, chunkSize?: number): Promise<MboxMessage[]> {
  const messages: MboxMessage[] = [];
  for await (const m of splitMbox(file, 'mboxo', undefined, chunkSize ? { chunkSize } : {})) messages.push(m);
  return messages;
}

function shape(messages: MboxMessage[]): Array<[number, string]> {
  return messages.map((m) => [m.offset, m.raw.toString('latin1')]);
}

describe('splitMbox read in chunks', () => {
  // Small chunks: messages of growing size, so separators and false "From " lines fall on every
  // position relative to a 7-byte border (and a 1-byte read cuts every one of them).
  const small = (() => {
    const postmarks: number[] = [];
    const falses: number[] = [];
    let at = 0;
    for (let i = 0; i < 40; i++) {
      at += 200 + i * 13;
      falses.push(at - 90);
      postmarks.push(at);
    }
    return writeMbox('small.mbox', postmarks, falses);
  })();

  for (const chunkSize of [1, 7]) {
    it(`gives the same messages with ${chunkSize}-byte reads as a one-shot read`, async () => {
      const oneShot = await read(small.file, 64 * 1024 * 1024);
      expect(oneShot.map((m) => m.offset)).toEqual(small.offsets);
      expect(oneShot.slice(0, -1).every((m) => m.raw.toString('latin1').includes(FALSE_FROM))).toBe(true);
      expect(shape(await read(small.file, chunkSize))).toEqual(shape(oneShot));
    });
  }

  // Large chunks: at each border one separator or false "From " line starts at every offset from 7
  // bytes before the border to 1 after it (the border cuts "\nFrom " anywhere, or the line after it).
  for (const chunkSize of [4096, 1024 * 1024]) {
    it(`gives the same messages with ${chunkSize}-byte reads, "From " lines straddling each border`, async () => {
      const postmarks: number[] = [];
      const falses: number[] = [];
      let border = 1;
      for (let d = -6; d <= 1; d++) {
        postmarks.push(border++ * chunkSize + d);
        falses.push(border++ * chunkSize + d);
      }
      // A postmark line cut by the border past its "From " (the time decides only in the next chunk).
      postmarks.push(border++ * chunkSize - 20);
      const { file, offsets } = writeMbox(`large-${chunkSize}.mbox`, postmarks, falses);
      const oneShot = await read(file, 64 * 1024 * 1024);
      expect(oneShot.map((m) => m.offset)).toEqual(offsets);
      expect(shape(await read(file, chunkSize))).toEqual(shape(oneShot));
      expect(shape(await read(file))).toEqual(shape(oneShot));
    });
  }
});
