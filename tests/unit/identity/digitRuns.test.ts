import { describe, expect, it } from 'vitest';
import { chunksOf, digitSequenceHint, forEachDigitRun, type DigitRun } from '../../../src/core/identity/digitRuns.js';

function runs(text: string, minDigits = 1): DigitRun[] {
  const out: DigitRun[] = [];
  forEachDigitRun(text, minDigits, (run) => out.push(run));
  return out;
}

describe('forEachDigitRun', () => {
  it('joins digits across the separators of phone numbers and stops at other characters', () => {
    const text = 'Tel. +49 (0) 7022/78 96 84-8, Fax 0711.123';
    expect(runs(text).map((r) => text.slice(r.start, r.end))).toEqual(['+49 (0) 7022/78 96 84-8', '0711.123']);
    expect(runs(text)[0]?.digits).toBe('4907022789684' + '8');
  });

  it('does not end a run on a separator, and does not cross a newline', () => {
    const text = '0711 - \n 123 (';
    expect(runs(text).map((r) => text.slice(r.start, r.end))).toEqual(['0711', '123']);
  });

  it('folds full-width digits', () => {
    expect(runs('\uFF10\uFF17\uFF11\uFF11\u3000\uFF11\uFF12')[0]?.digits).toBe('071112');
  });

  it('flags runs glued to letters, and a URL-encoded plus', () => {
    const [glued] = runs('ab0711 123cd');
    expect(glued).toMatchObject({ gluedBefore: true, gluedAfter: true, encodedPlus: false });
    // The "2" of "%2B" is a run of its own; callers skip it for having too few digits.
    expect(runs('to=%2B49711123', 3)).toMatchObject([{ gluedBefore: false, encodedPlus: true, digits: '49711123' }]);
    expect(runs('x%2B49711123', 3)).toMatchObject([{ gluedBefore: true, encodedPlus: true }]);
  });

  it('takes an extension marker along, counting only Durchwahl digits as the number\'s', () => {
    const ext = 'Tel 0711 123456 ext. 12 bitte';
    const [withExt] = runs(ext);
    expect(withExt && ext.slice(withExt.start, withExt.end)).toBe('0711 123456 ext. 12');
    expect(withExt).toMatchObject({ digits: '0711123456', durchwahlDigits: '', gluedAfter: false });
    const [did] = runs('0711 123456 Durchw. 12');
    expect(did).toMatchObject({ digits: '071112345612', durchwahlDigits: '12' });
  });

  it('skips runs with fewer digits than asked for', () => {
    expect(runs('am 3.3.2025 um 0711 1234', 8).map((r) => r.digits)).toEqual(['07111234']);
  });
});

describe('chunksOf', () => {
  it('cuts a run at whitespace and drops separator-only pieces', () => {
    const text = '07022 / 7896848-0';
    const [run] = runs(text);
    if (!run) throw new Error('no run');
    expect(chunksOf(text, run).map((c) => [text.slice(c.start, c.end), c.digits])).toEqual([
      ['07022', '07022'],
      ['7896848-0', '78968480'],
    ]);
  });
});

describe('digitSequenceHint', () => {
  it('finds the digits with up to four separators between each, and nothing else', () => {
    const hint = digitSequenceHint(['345678']);
    for (const yes of ['345678', '34 56 78', '3-4-5-6-7-8', '3 / 45678', '\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18', '12345678']) expect(hint?.test(yes), yes).toBe(true);
    for (const no of ['34567', '3456 x 78', '3     45678', '345679']) expect(hint?.test(no), no).toBe(false);
  });

  it('is undefined without sequences', () => {
    expect(digitSequenceHint([])).toBeUndefined();
  });
});
