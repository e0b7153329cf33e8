import type { RedactionMark } from '../../../shared/api.js';
import type { RecordData } from '../../../shared/findings.js';
import { recordTexts } from '../../../shared/recordFields.js';
import type { Redaction } from '../../review/reviewTypes.js';

/**
 * Where each redaction hits the record's texts, to show it in place. The pattern is the one
 * core/review's compileRedactions applies to the copy (any case, any whitespace run between words),
 * so what the review screen marks is what the package removes.
 */
export function redactionMarks(
  record: RecordData | undefined,
  redactions: readonly Redaction[],
  extra: readonly { readonly field: string; readonly text: string }[] = [],
): RedactionMark[] {
  const marks: RedactionMark[] = [];
  // `extra`: texts beside the record's own, such as its attachments read back (core/thirdParty).
  const texts = [...recordTexts(record), ...extra];
  for (const r of redactions) {
    const words = r.text.normalize('NFC').trim().split(/\s+/).map(escapeRegExp);
    if (!words.length || !words[0]) continue;
    const pattern = new RegExp(words.join('\\s+'), 'giu');
    for (const { field, text } of texts) {
      // NFC keeps the offsets of the already-composed text the record holds (mailparser decodes to NFC).
      for (const m of text.normalize('NFC').matchAll(pattern)) marks.push({ field, start: m.index, end: m.index + m[0].length, redactionId: String(r.id) });
    }
  }
  return marks;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
