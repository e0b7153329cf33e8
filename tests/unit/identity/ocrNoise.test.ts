import { describe, expect, it } from 'vitest';
import { compileSubject } from '../../../src/core/identity/compileSubject.js';
import { repairDigits } from '../../../src/core/identity/ocrNoiseScanner.js';
import { subjectWith } from './subjectFixture.js';

const subject = compileSubject(
  subjectWith({ name: 'Jürgen Weiß', emails: ['j.weiss@beispiel-gmbh.de'], phones: ['0151 23456789'], customerIds: ['K-10442'] }),
);
const scan = (text: string) => subject.scanOcrText!(text, 'ocr');
const tolerated = (text: string) => scan(text).tolerant.map(({ type, value, found }) => ({ type, value, found }));

describe('OCR tolerance', () => {
  it('finds a customer id whose hyphen OCR dropped or whose digit it read as a letter', () => {
    expect(tolerated('Anruf von Herrn Weiß (Kd. K10442)')).toEqual([{ type: 'customerId', value: 'K-10442', found: 'K10442' }]);
    expect(tolerated('Kundennummer K-1O44Z.')).toEqual([{ type: 'customerId', value: 'K-10442', found: 'K-1O44Z' }]);
    expect(tolerated('Kd. K- 10442')).toEqual([{ type: 'customerId', value: 'K-10442', found: 'K- 10442' }]);
  });

  it('finds an address with a comma for a dot and a phone number with letters for digits', () => {
    expect(tolerated('Mail: j,weiss@beispiel-gmbh,de')).toEqual([{ type: 'email', value: 'j.weiss@beispiel-gmbh.de', found: 'j,weiss@beispiel-gmbh,de' }]);
    expect(tolerated('Rückruf unter 0l51 2345678g erbeten')).toEqual([{ type: 'phone', value: '+4915123456789', found: '0l51 2345678g' }]);
  });

  it('keeps exact matches exact and reports their positions only for tolerated ones', () => {
    const result = scan('Kd. K-10442, Rückruf 0151 23456789');
    expect(result.exact.map((m) => m.type).sort()).toEqual(['customerId', 'phone']);
    expect(result.tolerant).toEqual([]);
    const [hit] = scan('Kd. K10442').tolerant;
    expect('Kd. K10442'.slice(hit!.start, hit!.end)).toBe('K10442');
  });

  it('never admits a look-alike: one character more is another person', () => {
    for (const text of ['Kd. K-104421', 'Kd. K104421', 'Kd. AK10442', 'Mail xj.weiss@beispiel-gmbh.de', 'Mail xj,weiss@beispiel-gmbh.de', 'Herr Weissenborn', 'Tel. 0151 234567891']) {
      const result = scan(text);
      expect([...result.exact, ...result.tolerant], text).toEqual([]);
    }
  });

  it('repairs confusions only inside words that are mostly digits', () => {
    expect(repairDigits('0l51 2345678g')).toBe('0151 23456789');
    expect(repairDigits('Bitte Rückruf Sonntag')).toBe('Bitte Rückruf Sonntag');
    expect(repairDigits('K-1O44Z')).toBe('K-10442');
  });
});
