import { describe, expect, it } from 'vitest';
import { parseVerifyOptions } from '../../../src/cli/identifierOutput.js';
import { ConfigError } from '../../../src/core/config/configError.js';

describe('--verify', () => {
  it('reads METHOD[:NOTE] for every identifier and IDENTIFIER=METHOD[:NOTE] for one, IPv6 included', () => {
    expect(parseVerifyOptions(['callback:Rückruf am 3.2.', 'j.weiss@x.de=knownContact', '2001:db8::7=customerAccount:IP der Bestellung'], undefined)).toEqual([
      { method: 'callback', note: 'Rückruf am 3.2.' },
      { identifier: 'j.weiss@x.de', method: 'knownContact', note: '' },
      { identifier: '2001:db8::7', method: 'customerAccount', note: 'IP der Bestellung' },
    ]);
  });

  it('keeps --identity as method "other" for every identifier', () => {
    expect(parseVerifyOptions(undefined, 'Personalausweis vorgelegt')).toEqual([{ method: 'other', note: 'Personalausweis vorgelegt' }]);
  });

  it('refuses an unknown method and an ID document without the doubt, naming the value', () => {
    expect(() => parseVerifyOptions(['x@y.de=telepathy'], undefined)).toThrow(ConfigError);
    expect(() => parseVerifyOptions(['x@y.de=telepathy'], undefined)).toThrow(/--verify: x@y\.de=telepathy: unknown method "telepathy"/);
    expect(() => parseVerifyOptions(['idDocument'], undefined)).toThrow(/reasonable doubts/);
  });
});
