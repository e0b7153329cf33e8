/** Longest name shown in a finding's title; the whole card is in the record. */
const MAX_LABEL_CHARS = 60;

/** "kontakte.vcf, Zeile 12: Anna Müller", in the style of the table connector's row titles. */
export function contactTitle(fileName: string, line: number, label: string): string {
  const shown = label.replace(/\s+/g, ' ').trim();
  const cut = shown.length > MAX_LABEL_CHARS ? `${shown.slice(0, MAX_LABEL_CHARS - 1)}…` : shown;
  return `${fileName}, Zeile ${line}${cut ? `: ${cut}` : ''}`;
}
