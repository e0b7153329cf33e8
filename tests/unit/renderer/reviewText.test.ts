import { describe, expect, it } from 'vitest';
import { longUrls } from '../../../src/renderer/screens/review/longUrls.js';
import { matchFieldLabel } from '../../../src/renderer/screens/review/matchFieldLabel.js';
import { termPositions } from '../../../src/renderer/screens/review/RedactableText.js';
import { formatBytes } from '../../../src/renderer/ui/format.js';

const t = (key: string, options?: Record<string, unknown>) => (options?.['name'] ? `${key}(${String(options['name'])})` : key);

describe('matchFieldLabel', () => {
  it('names mail headers, body parts and attachments; a column stays as it is', () => {
    expect(matchFieldLabel('from', t)).toBe('review.matchField.from');
    expect(matchFieldLabel('To', t)).toBe('review.matchField.to');
    expect(matchFieldLabel('body:html', t)).toBe('review.matchField.text');
    expect(matchFieldLabel('attachment:offene-posten.csv', t)).toBe('review.matchField.attachment(offene-posten.csv)');
    expect(matchFieldLabel('attachment:fwd.eml:from', t)).toBe('review.matchField.attachment(fwd.eml)');
    expect(matchFieldLabel('Kundennummer', t)).toBe('Kundennummer');
  });
});

describe('termPositions', () => {
  it('finds every occurrence, ignoring case', () => {
    expect(termPositions('K-10442 und k-10442', ['K-10442'])).toEqual([
      { start: 0, end: 7 },
      { start: 12, end: 19 },
    ]);
    expect(termPositions('abc', ['', 'x'])).toEqual([]);
  });
});

describe('longUrls', () => {
  it('shortens long links to their host and leaves short ones', () => {
    const long = 'https://www.click.tracker.example/c/abcdefghijklmnopqrstuvwxyz0123456789?id=1';
    const found = longUrls(`Hier: ${long}. Oder https://fluxpunkt.example/kontakt`);
    expect(found).toEqual([{ start: 6, end: 6 + long.length, url: long, host: 'click.tracker.example' }]);
  });
});

describe('formatBytes', () => {
  it('reads as file managers show it', () => {
    expect(formatBytes(812, 'de')).toBe('812 B');
    expect(formatBytes(134_144, 'de')).toBe('131 KB');
    expect(formatBytes(2_516_582, 'de')).toBe('2,4 MB');
    expect(formatBytes(2_516_582, 'en')).toBe('2.4 MB');
  });
});
