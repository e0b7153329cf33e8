import type { ReactNode } from 'react';
import type { Redaction, RedactionMark, RedactionSuggestion } from '../../../shared/api.js';

interface Mark {
  readonly start: number;
  readonly end: number;
  readonly kind: 'redacted' | 'suggested';
  readonly title: string;
}

/**
 * One record text with its redactions and suggestions marked. The DOM text is exactly the record's
 * text, so a selection maps back to it (selectionInRecord.ts). Redacted parts stay readable for the
 * officer; the package removes them.
 */
export function RedactableText(props: {
  field: string;
  text: string;
  marks: readonly RedactionMark[];
  redactions: readonly Redaction[];
  suggestions: readonly RedactionSuggestion[];
  block?: boolean;
}) {
  const { field, text, block } = props;
  const reasonOf = new Map(props.redactions.map((r) => [r.id, r.reason]));
  const redacted = props.marks.filter((m) => m.field === field);
  const marks: Mark[] = [
    ...redacted.map((m) => ({ start: m.start, end: m.end, kind: 'redacted' as const, title: reasonOf.get(m.redactionId) ?? '' })),
    ...props.suggestions
      .filter((s) => s.field === field && !redacted.some((m) => m.start < s.end && s.start < m.end))
      .map((s) => ({ start: s.start, end: s.end, kind: 'suggested' as const, title: s.reason })),
  ].sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [i, m] of marks.entries()) {
    if (m.start < at) continue;
    if (m.start > at) parts.push(<span key={`t${i}`}>{text.slice(at, m.start)}</span>);
    parts.push(
      <mark key={`m${i}`} className={m.kind} title={m.title}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  if (at < text.length) parts.push(<span key="rest">{text.slice(at)}</span>);
  const Tag = block ? 'div' : 'span';
  return (
    <Tag className={block ? 'record-text record-block' : 'record-text'} data-field={field}>
      {parts}
    </Tag>
  );
}
