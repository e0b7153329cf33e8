import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../../src/core/connectors/connector.js';
import { fritzboxLayout } from '../../../../src/core/connectors/calls/fritzboxLayout.js';

const SEVEN = ['Typ', 'Datum', 'Name', 'Rufnummer', 'Nebenstelle', 'Eigene Rufnummer', 'Dauer'];

describe('fritzboxLayout', () => {
  it('reads the 7-column header: an incoming call is from the number to the own line', () => {
    const call = fritzboxLayout(SEVEN, 'a.csv').parse(['1', '04.03.24 09:15', 'Müller, Anna', '070227896848', 'Küche', 'Internet: 7654321', '0:07']);
    expect(call).toMatchObject({ direction: 'incoming', start: '2024-03-04T09:15:00', durationSeconds: 420, from: '070227896848', to: '7654321', name: 'Müller, Anna', problems: [] });
    expect(call.numbers).toEqual([
      { field: 'Rufnummer', value: '070227896848', internationalWithoutPlus: false },
      { field: 'Eigene Rufnummer', value: '7654321', internationalWithoutPlus: false },
    ]);
    expect(call.texts).toEqual([
      { field: 'Name', value: 'Müller, Anna' },
      { field: 'Nebenstelle', value: 'Küche' },
    ]);
  });

  it('an outgoing call is from the own line to the number', () => {
    const call = fritzboxLayout(SEVEN, 'a.csv').parse(['4', '03.03.24 19:02', 'Meier', '030123456', 'Büro', 'Festnetz', '1:35']);
    expect(call).toMatchObject({ direction: 'outgoing', from: 'Festnetz', to: '030123456' });
  });

  it('maps every Typ code and reports an unknown one', () => {
    const typ = (code: string) => fritzboxLayout(SEVEN, 'a.csv').parse([code, '04.03.24 09:15', '', '', '', '', '0:00']);
    expect(['1', '2', '3', '4', '9', '10', '11'].map((c) => typ(c).direction)).toEqual(['incoming', 'missed', 'outgoing', 'outgoing', 'incoming', 'rejected', 'outgoing']);
    expect(typ('7')).toMatchObject({ direction: 'unknown', problems: [expect.stringMatching(/Typ "7"/)] });
  });

  it('reads the 8-column, older, spaced and English headers', () => {
    const eight = fritzboxLayout(['Typ', 'Datum', 'Name', 'Rufnummer', 'Landes-/Ortsnetzbereich', 'Nebenstelle', 'Eigene Rufnummer', 'Dauer'], 'a.csv');
    expect(eight.parse(['2', '04.03.24 08:58', '', '017612345678', 'Mobilfunk', 'Wohnzimmer', '7654321', '0:00']).numbers[0]?.value).toBe('017612345678');
    const spaced = fritzboxLayout(['Typ', ' Datum', ' Rufnummer', ' Nebenstelle', ' Eigene Rufnummer', ' Dauer'], 'a.csv');
    expect(spaced.columnNames).toEqual(['Typ', 'Datum', 'Rufnummer', 'Nebenstelle', 'Eigene Rufnummer', 'Dauer']);
    const english = fritzboxLayout(['Typ', 'Date', 'Number', 'Extension', 'Outgoing Caller ID', 'Duration'], 'a.csv');
    expect(english.parse(['3', '04.03.24 08:58', '017612345678', 'Kitchen', '7654321', '0:02'])).toMatchObject({ direction: 'outgoing', to: '017612345678', durationSeconds: 120 });
  });

  it('refuses a header that is not a FRITZ!Box call list', () => {
    expect(() => fritzboxLayout(['Von', 'An', 'Wann'], 'liste.csv')).toThrow(SourceError);
  });
});
