import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineNumbersOf, normalizePhone, parsePhone } from '../../../src/core/identity/normalizePhone.js';

const VECTORS_TSV = new URL('../../fixtures/phone/phone-test-vectors-de.tsv', import.meta.url);
const FAKER_FORMATS = new URL('../../fixtures/phone/faker-de_DE-phone-formats.txt', import.meta.url);

interface Verified {
  /** E.164 in free text and in subject files; null: rejected. */
  readonly e164: string | null;
  readonly extension?: string;
  readonly switchboard?: string;
  /** Result with `assumeInternationalWithoutPlus` (call-list columns), where it differs. */
  readonly cdr?: string | null;
}

/*
 * The fixture's expectations are marked UNVERIFIED. Each was checked against libphonenumber-js
 * 1.13.16 (`libphonenumber-js/max`, default region DE) before being written here. Where the file's
 * expectation is ambiguous or wrong, the decision is in a comment; `tsvAgrees` lists the rows where
 * the file's value and ours are the same string, so a fixture edit shows up as a test failure.
 */
const VERIFIED: Readonly<Record<string, Verified>> = {
  // "-0" is the switchboard of the line: the number is +49702278968480 and the base +4970227896848
  // reaches the same line, so both are the subject's numbers.
  '07022 7896848-0': { e164: '+49702278968480', switchboard: '+4970227896848' },
  '+49 (0) 7022/7896848-0': { e164: '+49702278968480', switchboard: '+4970227896848' },
  '0049 7022 7896848': { e164: '+4970227896848' },
  '0049(0)7022 7896848': { e164: '+4970227896848' },
  '+49-7022-7896848': { e164: '+4970227896848' },
  '07022/7896848': { e164: '+4970227896848' },
  '(07022) 78 96 84 8': { e164: '+4970227896848' },
  // The fixture's note says "contains U+00A0 no-break spaces", but the file has plain spaces (checked
  // with od -c). NBSP is tested separately below ("reads every separator").
  '+49 7022 7896848': { e164: '+4970227896848' },
  '+49 176 12345678': { e164: '+4917612345678' },
  '0176-12345678': { e164: '+4917612345678' },
  '0176 / 123 456 78': { e164: '+4917612345678' },
  '0176\u201312345678': { e164: '+4917612345678' },
  '+49 (0)176 12345678': { e164: '+4917612345678' },
  '00 49 176 1234 5678': { e164: '+4917612345678' },
  '\uFF10\uFF11\uFF17\uFF16\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18': { e164: '+4917612345678' },
  '030 123456': { e164: '+4930123456' },
  '+49 30 123456-12': { e164: '+493012345612' },
  // Fixture: "+493012345612 (or +4930123456 ext 12)". libphonenumber alone rejects the input
  // (undefined). Decision: "Durchw." is German Durchwahl, direct-dial digits that PBXs append to the
  // base number, so it equals "+49 30 123456-12". Only "ext."/"App."/"Nst." are extensions.
  '+49 30 123456 Durchw. 12': { e164: '+493012345612' },
  '+49 7022 7896848 ext. 12': { e164: '+4970227896848', extension: '12' },
  '0800 1234567890': { e164: '+498001234567890' },
  '0900 1234567': { e164: '+499001234567' },
  '+41 44 668 18 00': { e164: '+41446681800' },
  '0043 1 234567': { e164: '+431234567' },
  // libphonenumber reads this as +4970227896848 even without the option (it strips a leading
  // country code when the rest is valid). We accept it only when the caller says the column holds
  // phone numbers: in free text a bare 13-digit string is as likely an order number.
  '4970227896848': { e164: null, cdr: '+4970227896848' },
  // Fixture: "+4970227896848 (?)". libphonenumber returns +4970227896848 (valid), because DE
  // numbers may be given without trunk 0. Decision: rejected in both modes; without the "0" it
  // could be the local number 70227896848 of any area, or a PBX artefact. With the option it is
  // read as +7 0227896848, which libphonenumber rejects.
  '70227896848': { e164: null, cdr: null },
  anonymous: { e164: null },
  unbekannt: { e164: null },
  // libphonenumber returns +497654321 and calls it valid. It is a local MSN with no area code:
  // matching it would pair the subject with anyone whose number ends like this. Rejected.
  'Internet: 7654321': { e164: null, cdr: null },
};

const TSV_AGREES = [
  '07022 7896848-0', '+49 (0) 7022/7896848-0', '0049 7022 7896848', '0049(0)7022 7896848', '+49-7022-7896848',
  '07022/7896848', '(07022) 78 96 84 8', '+49 7022 7896848', '+49 176 12345678', '0176-12345678',
  '0176 / 123 456 78', '0176\u201312345678', '+49 (0)176 12345678', '00 49 176 1234 5678',
  '\uFF10\uFF11\uFF17\uFF16\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18', '030 123456', '+49 30 123456-12',
  '0800 1234567890', '0900 1234567', '+41 44 668 18 00', '0043 1 234567', 'anonymous', 'unbekannt',
];

function readVectors(): { input: string; expected: string }[] {
  const lines = readFileSync(VECTORS_TSV, 'utf8').split('\n').slice(1).filter((l) => l.trim());
  return lines.map((line) => {
    const [input = '', region = '', expected = ''] = line.split('\t');
    expect(region).toBe('DE');
    return { input, expected };
  });
}

describe('normalizePhone: fixture phone-test-vectors-de.tsv', () => {
  const vectors = readVectors();

  it('has a verified expectation for every row, and no stale ones', () => {
    expect(vectors.map((v) => v.input).sort()).toEqual(Object.keys(VERIFIED).sort());
    expect(vectors).toHaveLength(28);
  });

  it.each(vectors.map((v) => [v.input, v.expected] as const))('%j', (input) => {
    const verified = VERIFIED[input];
    if (!verified) throw new Error(`no verified expectation for ${input}`);
    const phone = normalizePhone(input);
    expect(phone?.e164 ?? null).toBe(verified.e164);
    expect(phone?.extension).toBe(verified.extension);
    expect(phone?.withoutSwitchboardSuffix).toBe(verified.switchboard);
    const cdr = 'cdr' in verified ? verified.cdr : verified.e164;
    expect(normalizePhone(input, { assumeInternationalWithoutPlus: true })?.e164 ?? null).toBe(cdr);
  });

  it('agrees with the fixture on the unambiguous rows', () => {
    for (const input of TSV_AGREES) {
      const row = vectors.find((v) => v.input === input);
      expect(row, input).toBeDefined();
      const expected = row?.expected ?? '';
      expect(expected === '' ? null : expected, input).toBe(VERIFIED[input]?.e164);
    }
  });
});

describe('normalizePhone: Faker de_DE formats', () => {
  const masks = readFileSync(FAKER_FORMATS, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[+(0][0-9#() +]*$/.test(l));
  // National significant numbers of the lengths the masks need, valid for libphonenumber
  // (Faker's own random digits are not valid German numbers, per the fixture's note).
  const nsnByLength: Record<number, string> = { 9: '702278968', 10: '7022789684' };

  it('reads all eleven masks', () => {
    expect(masks).toHaveLength(11);
  });

  it.each(masks)('%s', (mask) => {
    // Every mask's "#" count is the national significant number's length: the trunk 0 is literal.
    const nsn = nsnByLength[mask.split('#').length - 1] ?? '';
    expect(nsn).not.toBe('');
    let i = 0;
    const filled = mask.replace(/#/g, () => nsn.charAt(i++));
    expect(normalizePhone(filled)?.e164).toBe(`+49${nsn}`);
  });
});

describe('normalizePhone: rules', () => {
  it('drops the "(0)" trunk prefix after the country code, also without the parentheses', () => {
    expect(normalizePhone('+49 (0) 711 12345678')?.e164).toBe('+4971112345678');
    expect(normalizePhone('+49(0)711-12345678')?.e164).toBe('+4971112345678');
    expect(normalizePhone('+49 0711 12345678')?.e164).toBe('+4971112345678');
  });

  it('reads every separator people use', () => {
    for (const written of ['0711 12345678', '0711/12345678', '0711-12345678', '0711.12345678', '0711\u201312345678', '0711\u00A012345678', '(0711) 12345678', '0711 / 123 456 78']) {
      expect(normalizePhone(written)?.e164, written).toBe('+4971112345678');
    }
  });

  it('keeps an extension apart from the number ("ext.", "x", "App.")', () => {
    expect(normalizePhone('+49 711 12345678 ext. 12')).toEqual({ e164: '+4971112345678', nationalNumber: '71112345678', extension: '12' });
    expect(normalizePhone('+49 711 12345678 x 7')?.extension).toBe('7');
    expect(normalizePhone('0711 12345678, App. 345')).toMatchObject({ e164: '+4971112345678', extension: '345' });
  });

  it('appends Durchwahl digits, which German PBXs dial directly', () => {
    expect(normalizePhone('0711 123456 Durchwahl 12')?.e164).toBe('+4971112345612');
    expect(normalizePhone('0711 123456 DW 12')?.e164).toBe('+4971112345612');
  });

  it('gives the switchboard base only for a "-0" suffix', () => {
    const phone = normalizePhone('07022 7896848-0');
    expect(phone && lineNumbersOf(phone)).toEqual(['+49702278968480', '+4970227896848']);
    expect(normalizePhone('07022 7896848 \u2013 0')?.withoutSwitchboardSuffix).toBe('+4970227896848');
    // No hyphen: the trailing 0 is part of the number.
    expect(normalizePhone('07022 78968480')?.withoutSwitchboardSuffix).toBeUndefined();
    expect(normalizePhone('07022 7896848-10')?.withoutSwitchboardSuffix).toBeUndefined();
  });

  it('reads a CDR-style number with country code but no "+" only when told to', () => {
    expect(normalizePhone('4917612345678')).toBeNull();
    expect(normalizePhone('4917612345678', { assumeInternationalWithoutPlus: true })?.e164).toBe('+4917612345678');
    // National numbers still read nationally in a call list.
    expect(normalizePhone('017612345678', { assumeInternationalWithoutPlus: true })?.e164).toBe('+4917612345678');
  });

  it('rejects non-numbers, numbers without area code, and incomplete numbers with a reason', () => {
    expect(parsePhone('anonymous')).toEqual({ ok: false, reason: 'not a phone number' });
    expect(parsePhone('Rufnummer unterdrückt')).toEqual({ ok: false, reason: 'not a phone number' });
    const local = parsePhone('7654321');
    expect(local.ok).toBe(false);
    expect(!local.ok && local.reason).toMatch(/no area code/);
    expect(parsePhone('0711').ok).toBe(false);
    expect(parsePhone('0711 1234567 oder so').ok).toBe(false);
    expect(parsePhone('0176-0').ok).toBe(false);
  });

  it('uses the default region for national numbers', () => {
    expect(normalizePhone('044 668 18 00', { defaultRegion: 'CH' })?.e164).toBe('+41446681800');
    expect(normalizePhone('044 668 18 00')?.e164).toBe('+49446681800');
  });

  it('rejects digit strings longer than E.164 allows, which libphonenumber accepts for DE', () => {
    expect(parsePhone('07022 7896848 0176').ok).toBe(false);
  });
});
