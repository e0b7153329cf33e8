import { describe, expect, it } from 'vitest';
import { compileSubject } from '../../../src/core/identity/compileSubject.js';
import { phoneHashForms, phoneHashHex } from '../../../src/core/identity/phoneHash.js';
import { subjectWith } from './subjectFixture.js';

// Digests computed outside Node with coreutils (`printf %s FORM | sha256sum`), so a wrong encoding
// or algorithm mapping in the code cannot agree with itself.
const SHA256 = {
  '+4970227896848': '7c0c2ac3d0834ee1ac5225fa071dfafdcf7e5860079510459286206a8fdae15b',
  '4970227896848': '152c9e4546846827c0fe759ff1570213fcad51c9930b138b35e60c6c3b627079',
  '070227896848': '2f1707cc8d6fc11e3bb8b3d4ae6ce8e3b5fa4d19ca0084dcfb6fd8fb799cb527',
  '004970227896848': '11a83e682f5d6ec5cab5fdaca3eaab5ee514d8c7765ef2031437281b612ad631',
  '70227896848': '64a0cffdf921c58519b5687d465845ca32f616d5ecf69907a2d172712df2caf3',
  '+49702278968480': '30bca8bb6ee5afbe194e487a6a990fb2fd948efb8438d7e931eece2b0769afb8',
};
const SHA1_E164 = '8a83ba23f31f979119c2c2971d0c2721bb186653';
const MD5_NATIONAL = '5932d5b5f128ee6610b6a21e1f955200';

describe('phoneHashForms', () => {
  it('lists E.164 with and without "+", with "00", national with trunk 0, and the bare national number', () => {
    expect(phoneHashForms('+4970227896848')).toEqual(['+4970227896848', '4970227896848', '004970227896848', '070227896848', '70227896848']);
  });

  it('hashes as coreutils does', () => {
    expect(phoneHashHex('sha256-e164', '+4970227896848')).toBe(SHA256['+4970227896848']);
    expect(phoneHashHex('sha1-e164', '+4970227896848')).toBe(SHA1_E164);
    expect(phoneHashHex('md5-e164', '070227896848')).toBe(MD5_NATIONAL);
  });
});

describe('matchPhoneHash', () => {
  const query = compileSubject(subjectWith({ phones: ['07022 7896848-0'] }));

  it.each(Object.entries(SHA256).filter(([form]) => form !== '+49702278968480'))('matches sha256(%s) and says which form', (form, hash) => {
    expect(query.matchPhoneHash(hash, 'sha256-e164', 'number_sha256')).toEqual([
      { type: 'phoneHash', value: '+4970227896848', field: 'number_sha256', found: `sha256(${form})` },
    ]);
  });

  it('matches the "-0" number itself, upper-case hex and surrounding whitespace', () => {
    expect(query.matchPhoneHash(` ${(SHA256['+49702278968480'] ?? '').toUpperCase()} `, 'sha256-e164')).toEqual([
      { type: 'phoneHash', value: '+49702278968480', found: 'sha256(+49702278968480)' },
    ]);
  });

  it('uses the column\'s algorithm', () => {
    expect(query.matchPhoneHash(SHA1_E164, 'sha1-e164')).toEqual([{ type: 'phoneHash', value: '+4970227896848', found: 'sha1(+4970227896848)' }]);
    expect(query.matchPhoneHash(MD5_NATIONAL, 'md5-e164')).toEqual([{ type: 'phoneHash', value: '+4970227896848', found: 'md5(070227896848)' }]);
    expect(query.matchPhoneHash(SHA1_E164, 'sha256-e164')).toEqual([]);
    expect(query.matchPhoneHash(SHA256['+4970227896848'] ?? '', 'md5-e164')).toEqual([]);
  });

  it('does not match other numbers or garbage', () => {
    expect(query.matchPhoneHash(phoneHashHex('sha256-e164', '+4970227896849'), 'sha256-e164')).toEqual([]);
    expect(query.matchPhoneHash(phoneHashHex('sha256-e164', '+497022789684812'), 'sha256-e164')).toEqual([]);
    expect(query.matchPhoneHash('', 'sha256-e164')).toEqual([]);
    expect(query.matchPhoneHash('not a hash', 'sha256-e164')).toEqual([]);
  });

  it('matches nothing for a subject without phones', () => {
    expect(compileSubject(subjectWith({ name: 'Anna Müller' })).matchPhoneHash(SHA256['+4970227896848'] ?? '', 'sha256-e164')).toEqual([]);
  });
});
