import { describe, expect, it } from 'vitest';
import { callsConfigSchema, type GenericCallsConfig } from '../../../../src/core/connectors/calls/callsConfig.js';
import { directionOfText, genericLayout } from '../../../../src/core/connectors/calls/genericLayout.js';

const config = (columns: Record<string, string>) => callsConfigSchema.parse({ id: 'c', type: 'calls', format: 'generic', path: 'l.csv', columns }) as GenericCallsConfig;

describe('genericLayout', () => {
  it('finds configured columns by header name, ignoring case', () => {
    const layout = genericLayout(['Zeit', 'anrufer', 'Ziel', 'Notiz'], config({ start: 'Zeit', from: 'Anrufer', to: 'Ziel' }));
    const call = layout.parse(['2024-03-04 09:15', '070227896848', '0711 100', 'Rückruf']);
    expect(call).toMatchObject({ start: '2024-03-04T09:15:00', from: '070227896848', to: '0711 100', direction: 'unknown' });
    expect(call.numbers.map((n) => n.field)).toEqual(['anrufer', 'Ziel']);
    expect(call.texts).toEqual([{ field: 'Notiz', value: 'Rückruf' }]);
  });

  it('fails for a configured column the header lacks', () => {
    expect(() => genericLayout(['Zeit'], config({ number: 'Nummer' }))).toThrow(/number: "Nummer" not in the header \(Zeit\)/);
  });

  it('reports an unreadable date or duration', () => {
    const layout = genericLayout(['Zeit', 'Nummer', 'Dauer'], config({ start: 'Zeit', number: 'Nummer', duration: 'Dauer' }));
    expect(layout.parse(['morgen', '0711 100', 'lang']).problems).toEqual([expect.stringMatching(/Zeit "morgen" is not a date/), expect.stringMatching(/Dauer "lang" is not a duration/)]);
  });
});

describe('directionOfText', () => {
  it('knows German and English direction words', () => {
    expect(directionOfText('Eingehend')).toBe('incoming');
    expect(directionOfText('OUTBOUND')).toBe('outgoing');
    expect(directionOfText('verpasst')).toBe('missed');
    expect(directionOfText('Abgewiesen')).toBe('rejected');
    expect(directionOfText('intern')).toBe('internal');
    expect(directionOfText('Fax')).toBeUndefined();
  });
});
