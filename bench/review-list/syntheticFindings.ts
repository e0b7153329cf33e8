import type { Finding, SearchResult } from '../../src/shared/findings.js';
import type { Subject } from '../../src/shared/subject.js';

/** A deterministic generator (mulberry32), so every run benchmarks the same list. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['Angebot', 'Rückruf', 'Rechnung', 'Störung Telefonanlage', 'Termin', 'Vertrag', 'Kündigung', 'Wartung', 'Bestellung', 'Lieferung'];

/**
 * A search result with `count` findings over the sample workspace's sources, shaped like real ones:
 * mostly mails with a body, CRM rows and web log lines, a tenth of them weak (name only).
 */
export function syntheticResult(subject: Subject, count: number, seed = 1): SearchResult {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const kind = random();
    const weak = random() < 0.1;
    const date = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 5 * 365) * 86_400_000).toISOString();
    const matches: Finding['matches'] = weak ? [{ type: 'name', value: 'Jürgen Weiß', field: 'body' }] : [{ type: 'email', value: 'j.weiss@beispiel-gmbh.de', field: 'from' }];
    if (kind < 0.6) {
      const title = `${pick(SUBJECTS)} ${i}`;
      findings.push({
        id: `mail-${i.toString(16).padStart(8, '0')}`,
        source: random() < 0.7 ? 'archive' : 'mails',
        locator: { messageId: `m${i}@beispiel-gmbh.de`, path: 'mail/archive.mbox', offset: i * 4096 },
        strength: weak ? 'weak' : 'strong',
        matches,
        activities: ['contact-email'],
        categories: weak ? ['contact.name', 'communication.content'] : ['contact.email', 'communication.content'],
        title,
        date,
        record: { kind: 'mail', from: 'Jürgen Weiß <j.weiss@beispiel-gmbh.de>', to: 'vertrieb@fluxpunkt.example', subject: title, date, text: `Guten Tag,\n\n${'bitte melden Sie sich wegen der Anlage. '.repeat(10)}\n\nMit freundlichen Grüßen\nJürgen Weiß` },
      });
    } else if (kind < 0.85) {
      findings.push({
        id: `row-${i.toString(16).padStart(8, '0')}`,
        source: 'crm',
        locator: { line: i + 2 },
        strength: weak ? 'weak' : 'strong',
        matches,
        activities: ['orders'],
        categories: ['contact.name', 'contact.phone', 'contact.email'],
        title: `kunden.csv, Zeile ${i + 2}: Jürgen Weiß`,
        date: null,
        record: { kind: 'row', fields: [{ name: 'Kundennummer', value: 'K-10442' }, { name: 'Name', value: 'Jürgen Weiß' }, { name: 'Telefon', value: '0711 12345678' }] },
      });
    } else {
      findings.push({
        id: `log-${i.toString(16).padStart(8, '0')}`,
        source: 'weblog',
        locator: { line: i + 1 },
        strength: 'strong',
        matches: [{ type: 'ip', value: '203.0.113.77' }],
        activities: ['web-logs'],
        categories: ['usage.ip'],
        title: `access.log, Zeile ${i + 1}: GET /kontakt`,
        date,
        record: { kind: 'logline', text: `203.0.113.77 - - [13/Jan/2025:09:10:11 +0100] "GET /kontakt?i=${i} HTTP/1.1" 200 5120 "-" "Mozilla/5.0"` },
      });
    }
  }
  const sources = ['archive', 'mails', 'crm', 'weblog', 'callerid'].map((id) => ({ id, type: id === 'archive' ? 'mbox' : id === 'mails' ? 'eml' : id === 'weblog' ? 'weblog' : 'table', status: 'ok' as const, scanned: count, warnings: [], error: null }));
  return { subject, sources, findings };
}
