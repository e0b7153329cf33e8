import { describe, expect, it } from 'vitest';
import { compileRedactions, containsRedacted, redactDeep } from '../../../src/core/review/redactText.js';

const r = (...texts: string[]) => compileRedactions(texts.map((text) => ({ text })), '[geschwärzt]');

describe('compileRedactions', () => {
  it('removes every occurrence, ignoring case, and counts them', () => {
    const redactor = r('Erika Muster');
    expect(redactor.apply('Erika Muster und ERIKA MUSTER und erika muster')).toBe('[geschwärzt] und [geschwärzt] und [geschwärzt]');
    expect(redactor.replaced).toBe(3);
  });

  it('treats any whitespace run as a space, so a name broken over lines is caught', () => {
    expect(r('Erika Muster').apply('Gruß an Erika\n  Muster!')).toBe('Gruß an [geschwärzt]!');
  });

  it('prefers the longest text and treats regex characters literally', () => {
    expect(r('Erika', 'Erika Muster').apply('Erika Muster, Erika')).toBe('[geschwärzt], [geschwärzt]');
    expect(r('a.b+c@x.de').apply('mail a.b+c@x.de, not aXb+c@x.de')).toBe('mail [geschwärzt], not aXb+c@x.de');
  });

  it('matches across Unicode normalization forms', () => {
    expect(r('Zoë Ødegård').apply('Zoe\u0308 Ødega\u030Ard')).toBe('[geschwärzt]');
  });

  it('redacts every string of a record, keys untouched', () => {
    const redactor = r('max.agent@x.de');
    const record = { kind: 'mail', from: 'Max <max.agent@x.de>', attachments: [{ filename: 'max.agent@x.de.txt' }] };
    expect(redactDeep(record, redactor)).toEqual({ kind: 'mail', from: 'Max <[geschwärzt]>', attachments: [{ filename: '[geschwärzt].txt' }] });
    expect(containsRedacted(record, redactor)).toBe(true);
    expect(containsRedacted({ a: ['nothing'] }, redactor)).toBe(false);
  });

  it('is a no-op without redactions', () => {
    const redactor = r();
    expect(redactor.apply('Erika')).toBe('Erika');
    expect(redactor.matches('Erika')).toBe(false);
  });
});
