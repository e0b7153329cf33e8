import { describe, expect, it } from 'vitest';
import { messageMayConcern } from '../../../../src/core/connectors/common/mail/messagePrefilter.js';
import { scanMessage } from '../../../../src/core/connectors/common/mail/scanMessage.js';
import { compileSubject } from '../../../../src/core/identity/compileSubject.js';
import { MailComposer, dateText } from '../../../../bench/mbox-scan/composeMessage.js';
import { serializeMime, type Piece } from '../../../../bench/mbox-scan/mimeTree.js';
import { DISTRACTOR_KINDS, TARGET_KINDS, WEAK_KINDS, plantDistractor, plantTarget, plantWeak } from '../../../../bench/mbox-scan/plantTargets.js';
import { SUBJECT, SeededRandom, trapMessage, wideCharsetMessage } from './prefilterTraps.js';

/*
 * The prefilter's one promise: it never rejects a message in which scanMessage finds anything
 * (strong or weak). The oracle is scanMessage itself, over messages with every encoding trap.
 */

const subject = compileSubject(SUBJECT);
const benchSubject = compileSubject({ name: 'Jürgen Weiß', emails: ['j.weiss@beispiel-gmbh.de'], phones: ['0711 12345678'], customerIds: [], ips: [], otherIds: [] });

interface Tally {
  matched: number;
  rejected: number;
  unmatched: number;
}

async function check(raw: Buffer, query: typeof subject, tally: Tally, label: string): Promise<void> {
  const scan = await scanMessage(raw, query);
  const passes = messageMayConcern(raw, query);
  if (scan.matches.length > 0) {
    tally.matched++;
    if (!passes) expect.fail(`${label}: rejected a message with ${JSON.stringify(scan.matches)}\n${raw.toString('latin1').slice(0, 4000)}`);
  } else {
    tally.unmatched++;
    if (!passes) tally.rejected++;
  }
}

describe('messagePrefilter (property: never rejects what scanMessage matches)', () => {
  it('random trap messages, fixed seed', async () => {
    const rng = new SeededRandom('prefilter-traps-1');
    const tally: Tally = { matched: 0, rejected: 0, unmatched: 0 };
    for (let i = 0; i < 2000; i++) {
      const text = i % 50 === 49 ? wideCharsetMessage(rng) : trapMessage(rng);
      const eol = rng.chance(0.3) ? '\r\n' : '\n';
      await check(Buffer.from(eol === '\n' ? text : text.replace(/\n/g, '\r\n'), 'latin1'), subject, tally, `trap #${i}`);
    }
    // A prefilter that passes everything would also never miss: it must reject most non-matches.
    expect(tally.matched).toBeGreaterThan(450);
    expect(tally.rejected / tally.unmatched).toBeGreaterThan(0.15);
  }, 60_000);

  it('the benchmark corpus composer: planted targets, look-alikes, name-only and ordinary messages', async () => {
    const rng = new SeededRandom('prefilter-bench-1');
    const composer = new MailComposer(rng, 'prefilter-bench-1');
    const tally: Tally = { matched: 0, rejected: 0, unmatched: 0 };
    const start = Date.UTC(2024, 0, 1);
    for (let i = 0; i < 400; i++) {
      const date = new Date(start + i * 3_600_000);
      const spec = composer.compose(i, date);
      const role = i % 4;
      if (role === 0) plantTarget(TARGET_KINDS[i % TARGET_KINDS.length]!, spec, composer, rng);
      else if (role === 1) plantDistractor(DISTRACTOR_KINDS[i % DISTRACTOR_KINDS.length]!, spec, composer, rng);
      else if (role === 2) plantWeak(WEAK_KINDS[i % WEAK_KINDS.length]!, spec, composer, rng);
      // Large binary attachments only cost time here; every 10th message keeps them (the pruning path).
      if (i % 10 !== 0) spec.attachments = spec.attachments.filter((a) => a.kind !== 'binary');
      const pieces: Piece[] = [];
      serializeMime(composer.buildMime(spec), pieces);
      const raw = Buffer.concat(pieces.map((p) => ('binary' in p ? p.binary : Buffer.from(p.text, p.latin1 ? 'latin1' : 'utf8'))));
      await check(raw, benchSubject, tally, `bench #${i} (${dateText(date).asctime})`);
    }
    expect(tally.matched).toBeGreaterThanOrEqual(200); // targets and name-only messages (distractors may match weakly)
    expect(tally.rejected / tally.unmatched).toBeGreaterThan(0.45);
  }, 60_000);
});
