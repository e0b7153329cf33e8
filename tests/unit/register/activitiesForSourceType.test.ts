import { describe, expect, it } from 'vitest';
import { activitiesForSourceType } from '../../../src/core/register/activitiesForSourceType.js';
import { BASE_LINES, parseRegisterText, replaceLine } from './registerText.js';

describe('activitiesForSourceType', () => {
  it('gives a source without `activities:` the ones its type defaults to', () => {
    const register = parseRegisterText(BASE_LINES.join('\n'));
    expect(activitiesForSourceType(register, 'mbox')).toEqual(['contact-email']);
    expect(activitiesForSourceType(register, 'imap')).toEqual(['contact-email']);
  });

  it('returns nothing for a type no activity claims', () => {
    const register = parseRegisterText(BASE_LINES.join('\n'));
    expect(activitiesForSourceType(register, 'weblog')).toEqual([]);
    expect(activitiesForSourceType(register, 'no-such-type')).toEqual([]);
  });

  it('returns every activity claiming the type, in register order', () => {
    const register = parseRegisterText(replaceLine(20, '    localCopy: true', '    sourceTypes: [weblog, mbox]'));
    expect(activitiesForSourceType(register, 'mbox')).toEqual(['contact-email', 'web-logs']);
  });
});
