import type { RecordData } from './findings.js';

/** One piece of a record's text that can be read, searched for third-party data and redacted. */
export interface RecordText {
  /** Stable key of the text within its record: "text", "subject", "field:E-Mail", "article:2". */
  readonly field: string;
  /** What the officer sees as its label (a header or column name). */
  readonly label: string;
  readonly text: string;
}

/**
 * The texts of a record in display order. Redactions address text by `field` plus a character
 * range, so the review screen, third-party detection and the export must agree on these keys: they
 * all use this function.
 */
export function recordTexts(record: RecordData | undefined): RecordText[] {
  if (!record) return [];
  const out: RecordText[] = [];
  const add = (field: string, label: string, text: string | undefined) => {
    if (text) out.push({ field, label, text });
  };
  switch (record.kind) {
    case 'mail':
      add('from', 'From', record.from);
      add('to', 'To', record.to);
      add('cc', 'Cc', record.cc);
      add('subject', 'Subject', record.subject);
      add('text', 'Text', record.text);
      break;
    case 'row':
    case 'call':
      for (const f of record.fields) add(`field:${f.name}`, f.name, f.value);
      break;
    case 'ticket':
      add('title', 'Title', record.title);
      for (const f of record.fields) add(`field:${f.name}`, f.name, f.value);
      record.articles.forEach((a, i) => add(`article:${i}`, [a.from, a.date].filter(Boolean).join(' · ') || `#${i + 1}`, a.text));
      break;
    case 'logline':
      add('text', 'Line', record.text);
      for (const f of record.fields ?? []) add(`field:${f.name}`, f.name, f.value);
      break;
    case 'document':
      add('text', 'Text', record.text);
      break;
  }
  return out;
}
