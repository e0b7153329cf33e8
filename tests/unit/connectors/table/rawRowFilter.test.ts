import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildColumnPlan } from '../../../../src/core/connectors/common/table/columnPlan.js';
import { csvRecordBatches } from '../../../../src/core/connectors/common/table/csvRecordBatches.js';
import { CsvRecordReader, type CsvRecord, type RawFilter } from '../../../../src/core/connectors/common/table/csvRecordReader.js';
import { physicalLines } from '../../../../src/core/connectors/common/table/physicalLines.js';
import { scanRowMatches } from '../../../../src/core/connectors/common/table/scanRow.js';
import { compileSubject } from '../../../../src/core/identity/compileSubject.js';
import { SubjectSchema } from '../../../../src/shared/subject.js';

/*
 * searchCsv tests each record's raw line with subject.mayConcern and scans the cells only when it
 * passes. That is a speed-up only if it never changes a finding: these rows are read both ways,
 * and every row must give the same matches. The rows are the cases where raw text and cells differ
 * (doubled quotes, quoted delimiters, multi-line cells, the name composed across two cells, a hash).
 */

const subject = compileSubject(
  SubjectSchema.parse({
    name: 'Jürgen Weiß',
    emails: ['j.weiss@beispiel-gmbh.de'],
    phones: ['0711 12345678'],
    customerIds: ['K-10442', 'AB"7;12'],
    ips: ['203.0.113.7'],
    otherIds: [{ label: 'Versichertennummer', value: '123 456 789' }],
  }),
);
const sha256 = createHash('sha256').update('+4971112345678').digest('hex');

const CSV = [
  'Kundennummer;Vorname;Nachname;Telefon;Notiz;Hash',
  'K-200001;Max;Fischer;0711 5550000;Rückruf erbeten;00ff',
  'K-10442;Anna;Schmidt;;;', // customer id
  'K-104421;Anna;Schmidt;;;', // look-alike: no match
  '"AB""7;12";Eva;Klein;;;', // the id with a quote and the delimiter, as Excel quotes it
  'K-1;Jürgen;Weiß;;;', // name only from the two cells together (weak)
  'K-2;Jürgen;"Weiß";;"mehrzeilig\r\nmit J.WEISS@Beispiel-GmbH.de\r\nin Zeile 3";', // multi-line cell
  'K-3;Tom;Berg;+49 (0)711 / 123 456 78;;', // phone with separators
  'K-4;Tom;Berg;;Versicherten-Nr. 123456789;', // digit id in another grouping
  `K-5;Tom;Berg;;;${sha256.toUpperCase()}`, // hashed caller id only
  'K-6;12;3456;;;', // digits across the two name cells: composed "12 3456", must agree either way
  'K-7;Lea;Roth;;IP 203.0.113.7 im Log;',
  'K-8;Lea;Roth;;IP 203.0.113.70 im Log;', // look-alike IP
  ';;; ;;', // every cell blank: no row at all
  'K-9;Ina;Lang;;', // a field short: a warning either way
  'K-10;Ina;Lang;;;;;', // two fields too many
  '',
].join('\r\n');

async function* strings(...parts: string[]): AsyncGenerator<string> {
  yield* parts;
}

async function records(filter?: RawFilter): Promise<CsvRecord[]> {
  const reader = new CsvRecordReader(';', 1, filter);
  const out: CsvRecord[] = [];
  for await (const line of physicalLines(strings(CSV), 1_000_000)) out.push(...reader.push(line));
  out.push(...(await reader.end()));
  return out;
}

describe('the raw-line prefilter of table rows', () => {
  it('gives every row the same matches as scanning each cell', async () => {
    const [header, ...rows] = await records({ passes: (raw) => subject.mayConcern(raw), keepCells: true });
    const { plan } = buildColumnPlan(header!.cells, { hashed: { Hash: 'sha256-e164' } });
    const [, ...plainRows] = await records();
    const filtered = rows.map((r) => scanRowMatches(plan, r.cells, subject, { rawMayConcern: r.rawPassed }));
    const full = plainRows.map((r) => scanRowMatches(plan, r.cells, subject));
    expect(filtered).toEqual(full);
    // The test means something only if the filter both skipped rows and let the right ones through.
    expect(rows.map((r) => r.rawPassed)).toEqual([false, true, true, true, true, true, true, true, false, false, true, true, false, false]);
    expect(full.map((m) => m.map((x) => x.type).sort().join('+'))).toEqual([
      '',
      'customerId',
      '',
      'customerId',
      'name',
      'email+name',
      'phone',
      'otherId',
      'phoneHash',
      '',
      'ip',
      '',
      '',
      '',
    ]);
  });

  it('without keepCells, leaves rejected rows unsplit but gives the same lines, warnings and matches', async () => {
    const filtered = await records({ passes: (raw) => subject.mayConcern(raw), keepCells: false });
    const full = await records();
    expect(filtered.map((r) => [r.line, r.problem])).toEqual(full.map((r) => [r.line, r.problem]));
    expect(full.filter((r) => r.problem).map((r) => r.line)).toEqual([17, 18]);
    const { plan } = buildColumnPlan(full[0]!.cells, {});
    const scan = (r: CsvRecord) => scanRowMatches(plan, r.cells, subject, { rawMayConcern: r.rawPassed });
    expect(filtered.slice(1).map(scan)).toEqual(full.slice(1).map(scan));
    // Rejected rows were not split: that is the point of it.
    expect(filtered.filter((r) => !r.rawPassed).every((r) => r.cells.length === 0)).toBe(true);
    expect(filtered.filter((r) => !r.rawPassed)).toHaveLength(5);
  });

  it('passes a raw line whose doubled quote hides an identifier', () => {
    expect(subject.mayConcern('"AB""7;12";Eva')).toBe(true);
    expect(subject.mayConcern('"AB""8;12";Eva')).toBe(false);
  });

  it('reads a file of many batches the same with and without the filter (whole batches tested at once)', async () => {
    // 3,000 ordinary rows with the tricky ones spread among them: several 32 KB batches, some clean.
    const [header, ...tricky] = CSV.trimEnd().split('\r\n');
    const lines = [header];
    for (let i = 0; i < 3000; i++) {
      lines.push(`K-3${String(i).padStart(5, '0')};Max;Muster;0711 555${String(i).padStart(4, '0')};"Notiz mit ""Zitat"" und ; Semikolon";`);
      if (i % 250 === 0) lines.push(tricky[(i / 250) % tricky.length]!);
    }
    const dir = mkdtempSync(join(tmpdir(), 'auskunft-rawfilter-'));
    try {
      const file = join(dir, 'crm.csv');
      writeFileSync(file, `${lines.join('\r\n')}\r\n`, 'latin1');
      const read = async (rawFilter?: RawFilter): Promise<CsvRecord[]> => {
        const out: CsvRecord[] = [];
        const reading = { path: 'crm.csv', expected: 'a CSV file', encoding: 'windows-1252', signal: new AbortController().signal, rawFilter };
        for await (const batch of csvRecordBatches(file, reading)) out.push(...batch);
        return out;
      };
      const full = await read();
      const filtered = await read({ passes: (raw) => subject.mayConcern(raw), keepCells: false });
      const { plan } = buildColumnPlan(full[0]!.cells, {});
      const scan = (r: CsvRecord) => scanRowMatches(plan, r.cells, subject, { rawMayConcern: r.rawPassed });
      expect(filtered.map((r) => [r.line, r.problem])).toEqual(full.map((r) => [r.line, r.problem]));
      expect(filtered.slice(1).map(scan)).toEqual(full.slice(1).map(scan));
      expect(full.slice(1).map(scan).filter((m) => m.length > 0).length).toBeGreaterThan(5);
      expect(filtered.filter((r) => !r.rawPassed).length).toBeGreaterThan(2800);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
