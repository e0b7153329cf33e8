import { describe, expect, it } from 'vitest';
import { asteriskLayout, parseClid } from '../../../../src/core/connectors/calls/asteriskLayout.js';

const base = (overrides: Partial<Record<'src' | 'dst' | 'dcontext' | 'clid' | 'lastapp' | 'lastdata' | 'start' | 'billsec' | 'disposition', string>> = {}) => {
  const v = { src: '201', dst: '4970227896848', dcontext: 'from-internal', clid: '"Büro" <201>', lastapp: 'Dial', lastdata: 'PJSIP/+4970227896848@trunk,60', start: '2024-03-05 08:00:00', billsec: '55', disposition: 'ANSWERED', ...overrides };
  return ['', v.src, v.dst, v.dcontext, v.clid, 'PJSIP/201-1', 'PJSIP/trunk-2', v.lastapp, v.lastdata, v.start, '2024-03-05 08:00:05', '2024-03-05 08:01:00', '60', v.billsec, v.disposition, 'DOCUMENTATION'];
};
const names = (cells: string[]) => asteriskLayout().parse(cells).columns.map((c) => c.name).slice(16);

describe('asteriskLayout: optional columns by row width', () => {
  it('names the columns of 16, 17, 18, 19, 20 and 21 fields', () => {
    expect(names(base())).toEqual([]);
    expect(names([...base(), '1709540102.26'])).toEqual(['uniqueid']);
    expect(names([...base(), 'Rückruf'])).toEqual(['userfield']);
    expect(names([...base(), 'pbx1-1709540102.26'])).toEqual(['uniqueid']);
    expect(names([...base(), '1709540102.26', ''])).toEqual(['uniqueid', 'userfield']);
    expect(names([...base(), '', '1709540102.26', '7'])).toEqual(['peeraccount', 'linkedid', 'sequence']);
    expect(names([...base(), '1709540102.26', '', '1709540102.26', '7'])).toEqual(['uniqueid', 'peeraccount', 'linkedid', 'sequence']);
    expect(names([...base(), 'x', '', '1709540102.26', '7'])).toEqual(['userfield', 'peeraccount', 'linkedid', 'sequence']);
    expect(names([...base(), '1709540102.26', 'x', '', '1709540102.26', '7'])).toEqual(['uniqueid', 'userfield', 'peeraccount', 'linkedid', 'sequence']);
  });

  it('reports a width that fits no layout, and still reads the 16 fixed columns', () => {
    const call = asteriskLayout().parse([...base(), '1709550000.33', '', '']);
    expect(call.problems).toEqual([expect.stringMatching(/19 fields, which fits no Asterisk CDR layout/)]);
    expect(call.columns.slice(16).map((c) => c.name)).toEqual(['Spalte 17', 'Spalte 18', 'Spalte 19']);
    expect(call.numbers.map((n) => n.field)).toEqual(['src', 'dst']);
  });

  it('reports a short row and an unreadable start or billsec', () => {
    expect(asteriskLayout().parse(['', '201', '4970227896848']).problems).toEqual([expect.stringMatching(/3 fields; an Asterisk CDR row has at least 16/)]);
    expect(asteriskLayout().parse(base({ start: 'gestern', billsec: 'x' })).problems).toEqual([expect.stringMatching(/start "gestern"/), expect.stringMatching(/billsec "x"/)]);
  });
});

describe('asteriskLayout: numbers, texts and direction', () => {
  it('compares src, dst, the clid number and a Dial() target as CDR-style numbers', () => {
    const call = asteriskLayout().parse(base({ dst: '4970227896848', lastdata: 'PJSIP/004930123456@trunk&SIP/trunk/0711123456,60' }));
    expect(call.numbers).toEqual([
      { field: 'src', value: '201', internationalWithoutPlus: true },
      { field: 'dst', value: '4970227896848', internationalWithoutPlus: true },
      { field: 'lastdata', value: '004930123456', internationalWithoutPlus: true },
      { field: 'lastdata', value: '0711123456', internationalWithoutPlus: true },
    ]);
  });

  it('a withheld caller has no number, and is no problem', () => {
    const call = asteriskLayout().parse(base({ src: 'anonymous', clid: '"Anonymous" <anonymous>', dcontext: 'from-trunk', dst: '200', lastdata: 'PJSIP/200,30' }));
    expect(call.from).toBe('');
    expect(call.numbers.map((n) => n.field)).toEqual(['dst']);
    expect(call.problems).toEqual([]);
  });

  it('tells the direction from FreePBX contexts and the disposition', () => {
    const direction = (dcontext: string, dst: string, disposition = 'ANSWERED') => asteriskLayout().parse(base({ dcontext, dst, disposition })).direction;
    expect(direction('from-internal', '4970227896848')).toBe('outgoing');
    expect(direction('from-internal', '202')).toBe('internal');
    expect(direction('from-trunk', '200')).toBe('incoming');
    expect(direction('from-pstn', '200', 'NO ANSWER')).toBe('missed');
    expect(direction('ivr-de', 's')).toBe('unknown');
  });

  it('scans clid, account code and user field as text', () => {
    const cells = [...base({ clid: '"Meier, Hans" <07022 7896848-0>' }), '1709540102.26', 'Rückruf K-10442'];
    cells[0] = 'kunde42';
    expect(asteriskLayout().parse(cells).texts).toEqual([
      { field: 'accountcode', value: 'kunde42' },
      { field: 'clid', value: '"Meier, Hans" <07022 7896848-0>' },
      { field: 'userfield', value: 'Rückruf K-10442' },
    ]);
  });
});

describe('parseClid', () => {
  it('splits "Name" <number>, Name <number> and a bare number', () => {
    expect(parseClid('"Anna Müller" <08001>')).toEqual({ name: 'Anna Müller', number: '08001' });
    expect(parseClid('Anna <08001>')).toEqual({ name: 'Anna', number: '08001' });
    expect(parseClid('"" <08001>')).toEqual({ name: '', number: '08001' });
    expect(parseClid('08001')).toEqual({ name: '', number: '08001' });
  });
});
