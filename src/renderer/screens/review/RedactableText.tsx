import type { ReactNode } from 'react';
import type { Redaction, RedactionMark, RedactionSuggestion } from '../../../shared/api.js';
import { longUrls } from './longUrls.js';

interface Mark {
  readonly start: number;
  readonly end: number;
  readonly kind: 'redacted' | 'suggested' | 'match';
  readonly title: string;
}

/** Every place `terms` occur in `text`, ignoring case (the identifiers a finding was found by). */
export function termPositions(text: string, terms: readonly string[]): { start: number; end: number }[] {
  const lower = text.toLowerCase();
  // toLowerCase keeps the length for the scripts identifiers are written in; if not, offsets would lie.
  if (lower.length !== text.length) return [];
  const out: { start: number; end: number }[] = [];
  for (const term of new Set(terms.map((t) => t.trim().toLowerCase()).filter((t) => t.length >= 2))) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) out.push({ start: at, end: at + term.length });
  }
  return out;
}

/**
 * A stretch of plain text, a long link in it shown as "[Link: host]": the full URL stays in the DOM
 * (hidden, and its tooltip), so a selection still maps to the record's characters (selectionInRecord.ts).
 */
function plainText(text: string, key: string, linkLabel: (host: string) => string): ReactNode {
  const urls = longUrls(text);
  if (!urls.length) return <span key={key}>{text}</span>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [i, u] of urls.entries()) {
    if (u.start > at) parts.push(text.slice(at, u.start));
    parts.push(
      // The label is CSS content and the URL is not rendered: neither changes the DOM text's offsets.
      <span key={i} className="long-url" data-label={linkLabel(u.host)} title={u.url}>
        <span className="long-url-full">{text.slice(u.start, u.end)}</span>
      </span>,
    );
    at = u.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <span key={key}>{parts}</span>;
}

/**
 * One record text with its redactions, suggestions and the identifiers it was found by marked. The
 * DOM text is exactly the record's text, so a selection maps back to it (selectionInRecord.ts).
 * Redacted parts stay readable for the officer; the package removes them.
 */
export function RedactableText(props: {
  field: string;
  text: string;
  marks: readonly RedactionMark[];
  redactions: readonly Redaction[];
  suggestions: readonly RedactionSuggestion[];
  /** The texts that matched the person's identifiers, highlighted wherever they occur. */
  highlights?: readonly string[];
  /** The tooltip of a highlighted identifier, and the label of a shortened link. */
  matchTitle?: string;
  linkLabel?: (host: string) => string;
  block?: boolean;
}) {
  const { field, text, block } = props;
  const reasonOf = new Map(props.redactions.map((r) => [r.id, r.reason]));
  const redacted = props.marks.filter((m) => m.field === field);
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  const suggested = props.suggestions.filter((s) => s.field === field && !redacted.some((m) => overlaps(m, s)));
  const taken = [...redacted, ...suggested];
  const marks: Mark[] = [
    ...redacted.map((m) => ({ start: m.start, end: m.end, kind: 'redacted' as const, title: reasonOf.get(m.redactionId) ?? '' })),
    ...suggested.map((s) => ({ start: s.start, end: s.end, kind: 'suggested' as const, title: s.reason })),
    ...termPositions(text, props.highlights ?? [])
      .filter((p) => !taken.some((m) => overlaps(m, p)))
      .map((p) => ({ ...p, kind: 'match' as const, title: props.matchTitle ?? '' })),
  ].sort((a, b) => a.start - b.start);
  const linkLabel = props.linkLabel ?? ((host: string) => `[Link: ${host}]`);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [i, m] of marks.entries()) {
    if (m.start < at) continue;
    if (m.start > at) parts.push(plainText(text.slice(at, m.start), `t${i}`, linkLabel));
    parts.push(
      <mark key={`m${i}`} className={m.kind} title={m.title}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  if (at < text.length) parts.push(plainText(text.slice(at), 'rest', linkLabel));
  const Tag = block ? 'div' : 'span';
  return (
    <Tag className={block ? 'record-text record-block' : 'record-text'} data-field={field}>
      {parts}
    </Tag>
  );
}
