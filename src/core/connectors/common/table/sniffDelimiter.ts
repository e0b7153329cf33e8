/**
 * The delimiter of a CSV, from its first lines: csv-parse cannot detect it, and `delimiter: [';', ',']`
 * would split on both (LIBRARIES.md). The candidate that splits the header into the most fields while
 * giving the following records the same field count wins. Delimiters inside quotes do not count.
 */

const CANDIDATES = [';', ',', '\t', '|'] as const;

/** Fields per record for one delimiter, honouring quotes (also quoted line breaks). */
function fieldCounts(text: string, delimiter: string): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let fields = 1;
  let recordHasText = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === delimiter) fields++;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (recordHasText) counts.push(fields);
      fields = 1;
      recordHasText = false;
      continue;
    }
    recordHasText = true;
  }
  if (recordHasText) counts.push(fields);
  return counts;
}

/** The delimiter for these lines (with terminators), or `,` when no candidate splits anything. */
export function sniffDelimiter(lines: ReadonlyArray<string>): string {
  const text = lines.join('');
  let best: { delimiter: string; consistency: number; fields: number } | undefined;
  for (const delimiter of CANDIDATES) {
    const [header, ...rows] = fieldCounts(text, delimiter);
    if (header === undefined || header < 2) continue;
    const consistency = rows.length ? rows.filter((n) => n === header).length / rows.length : 1;
    const better = !best || consistency > best.consistency || (consistency === best.consistency && header > best.fields);
    if (better) best = { delimiter, consistency, fields: header };
  }
  return best?.delimiter ?? ',';
}

/** The delimiter named by Excel's optional first line `sep=;`, or undefined. */
export function excelSeparatorLine(line: string): string | undefined {
  const m = /^"?sep=(.)"?\s*$/i.exec(line.replace(/^\uFEFF/, ''));
  return m?.[1];
}
