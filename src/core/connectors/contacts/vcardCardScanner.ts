import type { Match } from '../../../shared/findings.js';
import type { SubjectQuery } from '../../domain/subjectQuery.js';
// eslint-disable-next-line no-restricted-imports -- known cross-connector import, to move into common/ (issue 14 follow-up)
import { matchNumberCell } from '../calls/scanCall.js';
import type { SearchEvent } from '../connector.js';
import { dedupeMatches } from '../common/table/scanRow.js';
import { MAX_CARD_RECORD_CHARS, MAX_PROBLEMS_LISTED, MAX_PROPERTY_CHARS, MAX_STRAY_LINES_KEPT } from './contactsLimits.js';
import { contactTitle } from './contactTitle.js';
import type { ContentLine } from './vcardUnfolder.js';
import { parseProperty, type VCardProperty } from './vcardProperty.js';
import { decodeValue, hasUnknownCharset, structuredComponents, telephoneNumber, unescapeText, type ValueTransport } from './vcardValue.js';

/** Properties that frame a card or only label another one: not fields of the record. */
const FRAMING = new Set(['BEGIN', 'END', 'VERSION', 'X-ABLABEL']);

interface ScannedProperty {
  readonly group: string | undefined;
  readonly name: string;
  readonly types: ReadonlyArray<string>;
  readonly value: string;
  readonly matches: Match[];
}

interface Card {
  readonly line: number;
  readonly properties: ScannedProperty[];
  readonly labels: Map<string, string>;
  readonly problems: string[];
  /** Problems beyond MAX_PROBLEMS_LISTED, only counted. */
  moreProblems: number;
  uncovered: boolean;
  recordChars: number;
  /** Depth of vCard 2.1 AGENT cards nested in this one (their properties belong to this card). */
  agentDepth: number;
  lastWasEmptyAgent: boolean;
  fn?: string;
  name?: string;
  org?: string;
  email?: string;
  rev?: string;
}

interface StrayBlock {
  readonly line: number;
  count: number;
  readonly kept: Array<{ name: string; value: string }>;
  readonly matches: Match[];
}

/**
 * Collects content lines into cards and scans each property as it arrives, so a card is never
 * re-read. One finding per card that concerns the subject (locator: the BEGIN:VCARD line), one
 * warning per card that could not be read cleanly. Lines outside any card are searched as text too.
 */
export class VCardCardScanner {
  scanned = 0;
  private card: Card | undefined;
  private stray: StrayBlock | undefined;

  constructor(
    private readonly subject: SubjectQuery,
    private readonly transport: ValueTransport,
    private readonly path: string,
    private readonly fileName: string,
  ) {}

  push(content: ContentLine): SearchEvent[] {
    const out: SearchEvent[] = [];
    const property = parseProperty(content.text);
    const isBegin = property?.name === 'BEGIN' && /^vcard$/i.test(property.value.trim());
    const isEnd = property?.name === 'END' && /^vcard$/i.test(property.value.trim());
    const card = this.card;

    if (!card) {
      if (isBegin) {
        this.closeStray(out);
        this.card = newCard(content.line);
      } else {
        this.addStray(content);
      }
      return out;
    }
    if (isBegin) {
      if (card.lastWasEmptyAgent) {
        card.agentDepth++;
        card.lastWasEmptyAgent = false;
        return out;
      }
      addProblem(card, `no END:VCARD before the next BEGIN:VCARD on line ${content.line}`);
      this.closeCard(out);
      this.card = newCard(content.line);
      return out;
    }
    if (isEnd) {
      if (card.agentDepth > 0) card.agentDepth--;
      else this.closeCard(out);
      return out;
    }
    this.addProperty(card, content, property);
    return out;
  }

  /** At the end of the file: an open card or block of stray lines is reported too. */
  end(): SearchEvent[] {
    const out: SearchEvent[] = [];
    if (this.card) {
      addProblem(this.card, 'the file ends inside this card (no END:VCARD)');
      this.closeCard(out);
    }
    this.closeStray(out);
    return out;
  }

  private addProperty(card: Card, content: ContentLine, property: VCardProperty | null): void {
    card.lastWasEmptyAgent = false;
    if (!property) {
      // Not a property (a stray line, a broken fold): still searched, so nothing in it is missed.
      addProblem(card, `line ${content.line} is not a vCard property`);
      const text = this.transport.text(content.text, undefined);
      this.keep(card, { group: undefined, name: `Zeile ${content.line}`, types: [], value: text, matches: this.subject.scanText(text, `Zeile ${content.line}`) });
      return;
    }
    if (content.truncated) {
      addProblem(card, `${property.name} on line ${content.line} is longer than ${MAX_PROPERTY_CHARS} characters; only its start was searched`);
      card.uncovered = true;
    }
    if (property.name === 'X-ABLABEL') {
      if (property.group !== undefined) card.labels.set(property.group, appleLabel(unescapeText(decodeValue(property, this.transport))));
      return;
    }
    if (FRAMING.has(property.name)) return;
    const name = card.agentDepth > 0 ? `AGENT.${property.name}` : property.name;
    if (content.binaryChars !== undefined) {
      // Photos, logos, sounds and keys are data, not text: never decoded, never searched.
      const bytes = Math.floor((content.binaryChars * 3) / 4);
      this.keep(card, { group: property.group, name, types: property.types, value: `[binary data, about ${bytes} bytes, not searched]`, matches: [] });
      return;
    }
    if (hasUnknownCharset(property)) addProblem(card, `${property.name} on line ${content.line} names the unknown charset "${property.charset}"; read as UTF-8`);
    const decoded = decodeValue(property, this.transport);
    if (property.name === 'AGENT' && decoded.trim() === '') {
      card.lastWasEmptyAgent = true;
      return;
    }
    const { shown, searched } = readable(property.name, decoded);
    const matches =
      property.name === 'TEL'
        ? matchNumberCell({ field: name, value: telephoneNumber(shown), internationalWithoutPlus: false }, this.subject)
        : searched.flatMap((text) => this.subject.scanText(text, name));
    this.keep(card, { group: property.group, name, types: property.types, value: shown, matches });
    if (card.agentDepth > 0) return;
    if (property.name === 'FN' && shown) card.fn ??= shown;
    else if (property.name === 'N') card.name ??= searched[0];
    else if (property.name === 'ORG' && shown) card.org ??= shown;
    else if (property.name === 'EMAIL' && shown) card.email ??= shown;
    else if (property.name === 'REV') card.rev ??= shown;
  }

  /**
   * Adds a property to the card's record. Past MAX_CARD_RECORD_CHARS only properties that matched
   * are kept (without their value), so a card that never ends cannot fill the memory.
   */
  private keep(card: Card, property: ScannedProperty): void {
    const room = MAX_CARD_RECORD_CHARS - card.recordChars;
    if (room <= 0) {
      if (property.matches.length) card.properties.push({ ...property, value: `[not kept: the card is longer than ${MAX_CARD_RECORD_CHARS} characters]` });
      return;
    }
    const value = property.value.length > room ? `${property.value.slice(0, room)}… [cut: the card is longer than ${MAX_CARD_RECORD_CHARS} characters]` : property.value;
    card.recordChars += property.value.length;
    card.properties.push({ ...property, value });
  }

  private closeCard(out: SearchEvent[]): void {
    const card = this.card;
    this.card = undefined;
    if (!card) return;
    this.scanned++;
    const locator = { path: this.path, line: card.line };
    if (card.problems.length) {
      const more = card.moreProblems ? `; and ${card.moreProblems} more problem(s)` : '';
      out.push({ kind: 'warning', locator, message: card.problems.join('; ') + more, ...(card.uncovered && { uncovered: true }) });
    }
    const fields = card.properties.map((p) => ({ p, name: fieldName(p, card.labels) }));
    const matches = dedupeMatches(fields.flatMap(({ p, name }) => p.matches.map((m) => ({ ...m, field: name }))));
    if (!matches.length) return;
    const label = card.fn ?? card.name ?? card.org ?? card.email ?? '';
    out.push({
      kind: 'finding',
      locator,
      matches,
      title: contactTitle(this.fileName, card.line, label),
      date: card.rev === undefined ? null : revisionDate(card.rev),
      record: { kind: 'row', fields: fields.map(({ p, name }) => ({ name, value: p.value })) },
    });
  }

  private addStray(content: ContentLine): void {
    const stray = (this.stray ??= { line: content.line, count: 0, kept: [], matches: [] });
    stray.count++;
    const field = `Zeile ${content.line}`;
    const text = this.transport.text(content.text, undefined);
    const matches = this.subject.scanText(text, field);
    // The finding needs only the first matching lines; the rest are in the source, at the warning's line.
    if (!matches.length || stray.kept.length >= MAX_STRAY_LINES_KEPT) return;
    stray.matches.push(...matches);
    stray.kept.push({ name: field, value: text.slice(0, MAX_PROPERTY_CHARS) });
  }

  private closeStray(out: SearchEvent[]): void {
    const stray = this.stray;
    this.stray = undefined;
    if (!stray) return;
    const locator = { path: this.path, line: stray.line };
    out.push({ kind: 'warning', locator, message: `${stray.count} line(s) outside BEGIN:VCARD…END:VCARD; searched as plain text` });
    if (!stray.matches.length) return;
    out.push({
      kind: 'finding',
      locator,
      matches: dedupeMatches(stray.matches),
      title: contactTitle(this.fileName, stray.line, 'Text außerhalb einer vCard'),
      date: null,
      record: { kind: 'row', fields: stray.kept },
    });
  }
}

function addProblem(card: Card, problem: string): void {
  if (card.problems.length < MAX_PROBLEMS_LISTED) card.problems.push(problem);
  else card.moreProblems++;
}

function newCard(line: number): Card {
  return { line, properties: [], labels: new Map(), problems: [], moreProblems: 0, uncovered: false, recordChars: 0, agentDepth: 0, lastWasEmptyAgent: false };
}

/**
 * How a value is shown in the record and what is searched. Structured names are searched in reading
 * order ("Mr. John Richter Doe Sr.") so that the name matcher sees given and family name together.
 */
function readable(name: string, decoded: string): { shown: string; searched: string[] } {
  if (name === 'N') {
    // Components may list several values ("Richter,James"): commas are separators, not name parts.
    const [family = '', given = '', additional = '', prefix = '', suffix = ''] = structuredComponents(decoded).map((c) => c.replace(/,/g, ' ').trim());
    const shown = [family, given, additional, prefix, suffix].filter(Boolean).join('; ');
    // Given and family name side by side as well: middle names and titles would keep them apart.
    const full = [prefix, given, additional, family, suffix].filter(Boolean).join(' ');
    const short = [given, family].filter(Boolean).join(' ');
    return { shown, searched: short === full ? [full] : [short, full] };
  }
  if (name === 'ADR' || name === 'ORG') {
    const joined = structuredComponents(decoded).filter(Boolean).join(', ');
    return { shown: joined, searched: [joined] };
  }
  const text = unescapeText(decoded);
  return { shown: text, searched: [text] };
}

/** Apple's built-in labels are written `_$!<Mobile>!$_`; custom labels are plain text. */
function appleLabel(label: string): string {
  return label.replace(/^_\$!<(.*)>!\$_$/, '$1').trim();
}

/** "EMAIL (INTERNET, Work)": the property, its types and the label its group gives it. */
function fieldName(property: ScannedProperty, labels: ReadonlyMap<string, string>): string {
  const label = property.group === undefined ? undefined : labels.get(property.group);
  const qualifiers = [...property.types, ...(label ? [label] : [])];
  return qualifiers.length ? `${property.name} (${qualifiers.join(', ')})` : property.name;
}

/** REV as ISO 8601 ("20120305T131933Z" → "2012-03-05T13:19:33Z"), or null. */
export function revisionDate(rev: string): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})(?:[.,]\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(rev.trim());
  if (!m) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4] === undefined) return day;
  const zone = m[7] === undefined ? '' : m[7] === 'Z' ? 'Z' : m[7].includes(':') ? m[7] : `${m[7].slice(0, 3)}:${m[7].slice(3)}`;
  return `${day}T${m[4]}:${m[5]}:${m[6]}${zone}`;
}
