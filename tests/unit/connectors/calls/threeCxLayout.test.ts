import { describe, expect, it } from 'vitest';
import { threeCxLayout, type ThreeCxField } from '../../../../src/core/connectors/calls/threeCxLayout.js';

const FIELDS: ThreeCxField[] = ['historyid', 'duration', 'time-start', 'time-answered', 'from-no', 'to-no', 'final-number', 'from-type', 'to-type', 'from-dispname', 'to-dispname', 'chain'];

describe('threeCxLayout', () => {
  const layout = threeCxLayout(FIELDS);

  it('reads an incoming call from a line', () => {
    const call = layout.parse(['Call 1', '00:06:38', '2024/03/04 09:15:02', '2024/03/04 09:15:09', '+4970227896848', '100', '100', 'Line', 'Extension', 'Anna Müller', 'Empfang', 'Chain: Line:10000;Ext.100']);
    expect(call).toMatchObject({ direction: 'incoming', start: '2024-03-04T09:15:02', durationSeconds: 398, from: '+4970227896848', to: '100', name: 'Anna Müller', problems: [] });
    expect(call.numbers.map((n) => n.field)).toEqual(['from-no', 'to-no']);
    expect(call.texts.map((t) => t.field)).toEqual(['from-dispname', 'to-dispname', 'chain']);
  });

  it('an unanswered call from a line is missed; a call to a line is outgoing; extension to extension is internal', () => {
    const row = (answered: string, fromType: string, toType: string) => ['Call 2', '00:00:00', '2024/03/04 09:15:02', answered, '1', '2', '', fromType, toType, '', '', ''];
    expect(layout.parse(row('', 'Line', 'Extension')).direction).toBe('missed');
    expect(layout.parse(row('2024/03/04 09:15:09', 'Extension', 'Line')).direction).toBe('outgoing');
    expect(layout.parse(row('2024/03/04 09:15:09', 'Extension', 'Queue')).direction).toBe('internal');
  });

  it('reports a row that does not fit the template', () => {
    expect(layout.parse(['Call 3', 'x']).problems).toEqual([expect.stringMatching(/2 fields, the configured 3CX template has 12/), expect.stringMatching(/time-start ""/), expect.stringMatching(/duration "x"/)]);
  });

  it('without type fields the direction is unknown', () => {
    expect(threeCxLayout(['from-no', 'to-no']).parse(['1', '2']).direction).toBe('unknown');
  });
});
