import { describe, expect, it } from 'vitest';
import { matchNumberCell } from '../../../../src/core/connectors/calls/scanCall.js';
import { compileSubject } from '../../../../src/core/identity/compileSubject.js';

const subject = compileSubject({ phones: ['07022 7896848'], emails: [], customerIds: [], ips: [], otherIds: [] });
const cell = (value: string, internationalWithoutPlus = true) => ({ field: 'dst', value, internationalWithoutPlus });

describe('matchNumberCell', () => {
  it('matches every way a PBX writes the number, in E.164', () => {
    for (const value of ['4970227896848', '49 7022 7896848', '+4970227896848', '004970227896848', '070227896848', '07022 7896848-0']) {
      expect(matchNumberCell(cell(value), subject), value).toEqual([{ type: 'phone', value: '+4970227896848', field: 'dst', ...(value !== '+4970227896848' && { found: value }) }]);
    }
  });

  it('does not match a number one digit off, the same digits under another area code, or no number', () => {
    for (const value of ['4970227896849', '497117896848', '07117896848', '0702278968481', 'anonymous', '200', '']) {
      expect(matchNumberCell(cell(value), subject), value).toEqual([]);
    }
  });
});
