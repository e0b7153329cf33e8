import type { Finding, SearchResult } from '../../../src/shared/findings.js';

/** A finding shaped like the contract's example, numbered so every one is distinct. */
export function sampleFinding(i: number, overrides: Partial<Finding> = {}): Finding {
  return {
    id: `crm:${i}`,
    source: 'crm',
    locator: { line: i + 2 },
    strength: 'strong',
    matches: [{ type: 'email', value: 'j.weiss@beispiel-gmbh.de', field: 'E-Mail' }],
    activities: ['orders'],
    categories: ['contact.email'],
    title: `Kunde K-${10000 + i}`,
    date: '2025-11-03',
    record: { kind: 'row', fields: [{ name: 'E-Mail', value: 'j.weiss@beispiel-gmbh.de' }] },
    ...overrides,
  };
}

export function sampleResult(findings: Finding[] = [sampleFinding(1)]): SearchResult {
  return {
    subject: { name: 'Jürgen Weiß', emails: ['j.weiss@beispiel-gmbh.de'], phones: [], customerIds: ['K-10442'], ips: [], otherIds: [] },
    sources: [{ id: 'crm', type: 'table', status: 'ok', scanned: 3000, warnings: [], error: null }],
    findings,
  };
}
