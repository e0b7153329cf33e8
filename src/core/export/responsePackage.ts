import type { Finding, Locator, Match, RecordData, SearchResult } from '../../shared/findings.js';
import type { Subject } from '../../shared/subject.js';
import type { ResponseDeadline } from '../cases/deadline.js';
import { localize, type Lang } from '../register/localizedText.js';
import type { Register } from '../register/registerSchema.js';
import { compileRedactions, redactDeep } from '../review/redactText.js';
import { redactionsFor, type CaseReview } from '../review/reviewTypes.js';
import type { CaseId } from '../store/ids.js';
import { letterheadOf, type Controller } from '../workspace/workspace.js';
import { describeActivity, type ActivityInformation } from './dossier.js';
import type { PackageLimits } from './packageLimits.js';

/** Version of `data.json` (schemas/data.schema.json). Change the format only additively within a version. */
export const PACKAGE_SCHEMA_VERSION = 1;

/** The kind of a record in the copy; `record` for a finding whose source kept no record content. */
export type ItemKind = RecordData['kind'] | 'record';

/** The order of the copy: the kinds a person recognizes first come first. */
export const ITEM_KIND_ORDER: readonly ItemKind[] = ['mail', 'row', 'call', 'ticket', 'logline', 'document', 'record'];

/** A file in `files/` that belongs to an item; `path` is relative to the package folder, with `/`. */
export interface PackageFile {
  readonly path: string;
  /**
   * original: the record as the source holds it (a message's `.eml`); redacted-copy: a rendering of
   * the record with the redactions applied, shipped instead of the original; copy: a rendering of the
   * record as found, when the source no longer holds the original; attachment: a file attached to a
   * message; recording: a call's audio.
   */
  readonly role: 'original' | 'copy' | 'redacted-copy' | 'attachment' | 'recording';
  readonly size: number;
}

/** A file that belongs to an item but is not enclosed, and why (Art. 15(4)). */
export interface WithheldFile {
  readonly name: string;
  readonly reason: string;
}

/** One record of the copy (Art. 15(3)), redactions applied. */
export interface PackageItem {
  /** The record's number in the letter, in data.json and as its folder in `files/`. */
  readonly no: number;
  readonly id: string;
  readonly kind: ItemKind;
  readonly source: { readonly id: string; readonly type: string };
  readonly locator: Locator;
  /**
   * Every place the record was found, its own first, when it was found more than once (the same mail
   * in two mailboxes or in an archive and its backup): one item, with all its locations.
   */
  readonly locations?: ItemLocation[];
  readonly title: string;
  readonly date: string | null;
  readonly activities: string[];
  readonly categories: string[];
  readonly matches: Match[];
  readonly data: RecordData | null;
  readonly redacted: boolean;
  readonly redactionReasons: string[];
  readonly files: PackageFile[];
  readonly withheld: WithheldFile[];
}

/** One place where an item's record was found. */
export interface ItemLocation {
  readonly id: string;
  readonly source: { readonly id: string; readonly type: string };
  readonly locator: Locator;
}

/** One register activity with its Art. 15(1)/(2) information and the numbers of its items. */
export interface PackageActivity extends ActivityInformation {
  readonly legalBasisCodes: string[];
  /** The categories of the person's data actually found for this activity. */
  readonly categoriesFound: { id: string; name: string }[];
  readonly items: number[];
}

/** The content of `data.json`: the same answer as the PDF, machine-readable. */
export interface ResponsePackage {
  readonly schemaVersion: number;
  readonly lang: Lang;
  readonly generatedAt: string;
  readonly controller: Controller;
  readonly case: {
    readonly reference: CaseId;
    readonly receivedOn: string;
    readonly deadline: { readonly due: string; readonly extendedDue: string | null; readonly extensionReason: string | null; readonly extensionReasonCodes?: readonly string[] };
  };
  /** The identifiers the person gave us and we searched for: they are their data too. */
  readonly subject: Subject;
  /** Art. 15(1): whether we process personal data about the person. */
  readonly dataProcessed: boolean;
  /** Source types searched completely or partly (not those that failed). */
  readonly searched: string[];
  /** Activities with data about the person first, then those without a local copy. */
  readonly activities: PackageActivity[];
  readonly items: PackageItem[];
  readonly redactions: { readonly records: number; readonly reasons: string[] };
  /** What the answer covers and what it leaves out, and why (packageLimits.ts). */
  readonly limits: PackageLimits;
}

/**
 * The package as its writers read it: the head, the redaction summary, and the items, read from the
 * case store batch by batch (`items`) rather than held all at once.
 */
export interface StreamedPackage extends Omit<ResponsePackage, 'items'> {
  /** The items in the order of the copy, without their content. */
  readonly slots: readonly ItemSlot[];
  /** Each item's files, by its number. */
  readonly itemFiles: ReadonlyMap<number, Pick<PackageItem, 'files' | 'withheld'>>;
  /** The full items of these slots, in their order. */
  readonly items: (slots: readonly ItemSlot[]) => PackageItem[];
}

/** The slots in batches of at most `size`, each with its items read at once. */
export function* itemBatches(pkg: Pick<StreamedPackage, 'items'>, slots: readonly ItemSlot[], size: number): Generator<PackageItem[]> {
  for (let at = 0; at < slots.length; at += size) yield pkg.items(slots.slice(at, at + size));
}

/**
 * An included finding's place in the copy, without its content: the export plans the package with
 * these and reads the records themselves batch by batch (findingsByKeys), so that a large copy is
 * never held in memory as a whole.
 */
export interface ItemSlot {
  /** The record's number in the copy. */
  readonly no: number;
  /** Where the export finds the finding again: its row in the case store (or its index in a list). */
  readonly key: number;
  readonly id: string;
  readonly kind: ItemKind;
  readonly source: string;
  readonly activities: readonly string[];
  readonly categories: readonly string[];
  /** The other findings of the same data (duplicate group), merged into this item. */
  readonly copies: readonly FindingCopy[];
}

/** A finding merged into another's item because it is the same data found elsewhere. */
export interface FindingCopy {
  readonly id: string;
  readonly source: string;
  readonly locator: Locator;
}

/** What the order of the copy depends on: an included finding without its content. */
export interface FindingPlace {
  readonly key: number;
  readonly id: string;
  readonly source: string;
  readonly kind: ItemKind;
  readonly locator: Locator;
  readonly date: string | null;
  readonly activities: readonly string[];
  readonly categories: readonly string[];
  /** Findings with the same key are one item (search/duplicateKey.ts); null or absent: on its own. */
  readonly duplicateKey?: string | null;
}

/** The package without its items, the redaction summary and the limits, which depend on the records and their files. */
export type PackageHead = Omit<ResponsePackage, 'items' | 'redactions' | 'limits'>;

export interface HeadInput {
  readonly caseId: CaseId;
  readonly subject: Subject;
  readonly deadline: ResponseDeadline;
  readonly controller: Controller;
  readonly register: Register;
  /** The sources of the case's latest search run. */
  readonly sources: SearchResult['sources'];
  readonly lang: Lang;
  readonly now: Date;
}

/**
 * Number the included findings in the order of the copy. Findings of one duplicate group are one
 * item: the first in that order carries it, the others are its copies, and the item lists the
 * activities and categories of all of them (two sources may serve different activities).
 */
export function planItems(included: readonly FindingPlace[], sources: SearchResult['sources']): ItemSlot[] {
  const sourceOrder = new Map(sources.map((s, i) => [s.id, i]));
  const sorted = [...included].sort((a, b) => compareFindings(a, b, sourceOrder));
  const slots: { place: FindingPlace; copies: FindingCopy[]; activities: readonly string[]; categories: readonly string[] }[] = [];
  const byKey = new Map<string, (typeof slots)[number]>();
  for (const f of sorted) {
    const first = f.duplicateKey ? byKey.get(f.duplicateKey) : undefined;
    if (first) {
      first.copies.push({ id: f.id, source: f.source, locator: f.locator });
      first.activities = union(first.activities, f.activities);
      first.categories = union(first.categories, f.categories);
      continue;
    }
    const slot = { place: f, copies: [], activities: f.activities, categories: f.categories };
    slots.push(slot);
    if (f.duplicateKey) byKey.set(f.duplicateKey, slot);
  }
  return slots.map(({ place: f, copies, activities, categories }, i) => ({
    no: i + 1,
    key: f.key,
    id: f.id,
    kind: f.kind,
    source: f.source,
    activities,
    categories,
    copies: copies.length ? copies : NO_COPIES,
  }));
}

/** Shared by every item found once (most of them): one empty list, not one each. */
const NO_COPIES: readonly FindingCopy[] = Object.freeze([]);

function union(a: readonly string[], b: readonly string[]): readonly string[] {
  return b.every((x) => a.includes(x)) ? a : [...new Set([...a, ...b])];
}

/** The locations of a slot's copies, for redactItem; empty for an item found once. */
export function copyLocations(slot: Pick<ItemSlot, 'copies'>, sourceType: ReadonlyMap<string, string>): ItemLocation[] {
  return slot.copies.map((c) => ({ id: c.id, source: { id: c.source, type: sourceType.get(c.source) ?? 'unknown' }, locator: c.locator }));
}

/** The finding ids of an item: its own and those of its copies (their redactions apply to it too). */
export function itemFindingIds(item: Pick<PackageItem, 'id' | 'locations'>): string[] {
  return item.locations ? item.locations.map((l) => l.id) : [item.id];
}

/** Everything of the package but the records: the case, the activities with their item numbers. */
export function buildPackageHead(input: HeadInput, slots: readonly ItemSlot[]): PackageHead {
  const { register, lang } = input;
  const itemsByActivity = new Map<string, ItemSlot[]>();
  for (const slot of slots) {
    for (const id of slot.activities) {
      const list = itemsByActivity.get(id);
      if (list) list.push(slot);
      else itemsByActivity.set(id, [slot]);
    }
  }
  const categoryName = new Map(register.categories.map((c) => [c.id, localize(c.name, lang)]));
  const activities: PackageActivity[] = [];
  for (const activity of register.activities) {
    const its = itemsByActivity.get(activity.id) ?? [];
    if (its.length === 0) continue;
    const found = [...new Set(its.flatMap((it) => it.categories))];
    activities.push({
      ...describeActivity(activity, register, lang),
      legalBasisCodes: [...activity.legalBasis],
      categoriesFound: found.map((id) => ({ id, name: categoryName.get(id) ?? id })),
      items: its.map((it) => it.no),
    });
  }
  for (const activity of register.activities) {
    if (activity.localCopy || itemsByActivity.has(activity.id)) continue;
    activities.push({ ...describeActivity(activity, register, lang), legalBasisCodes: [...activity.legalBasis], categoriesFound: [], items: [] });
  }

  return {
    schemaVersion: PACKAGE_SCHEMA_VERSION,
    lang,
    generatedAt: input.now.toISOString(),
    controller: letterheadOf(input.controller),
    case: {
      reference: input.caseId,
      receivedOn: input.deadline.receivedOn,
      deadline: { due: input.deadline.due, extendedDue: input.deadline.extendedDue, extensionReason: input.deadline.extensionReason, extensionReasonCodes: [...input.deadline.extensionReasonCodes] },
    },
    subject: input.subject,
    dataProcessed: slots.length > 0,
    searched: [...new Set(input.sources.filter((s) => s.status !== 'failed').map((s) => s.type))],
    activities,
  };
}

/** How many records are redacted, and the reasons. */
export function redactionSummary(items: Iterable<{ readonly redacted: boolean; readonly redactionReasons: readonly string[] }>): ResponsePackage['redactions'] {
  let records = 0;
  const reasons = new Set<string>();
  for (const item of items) {
    if (!item.redacted) continue;
    records++;
    for (const r of item.redactionReasons) reasons.add(r);
  }
  return { records, reasons: [...reasons] };
}

/** The record of one included finding as it goes into the package, redactions applied; files are added by the package writer. */
export function redactItem(f: Finding, no: number, type: string, review: CaseReview, placeholder: string, copies: readonly ItemLocation[] = []): PackageItem {
  const ids = [f.id, ...copies.map((c) => c.id)];
  // A redaction the officer put on any copy of the data applies to the item.
  const redactions = copies.length === 0 ? redactionsFor(review, f.id) : review.redactions.filter((r) => r.findingId === null || ids.includes(r.findingId));
  const own = redactions.filter((r) => r.findingId !== null);
  const item: PackageItem = {
    no,
    id: f.id,
    kind: f.record?.kind ?? 'record',
    source: { id: f.source, type },
    locator: f.locator,
    ...(copies.length ? { locations: [{ id: f.id, source: { id: f.source, type }, locator: f.locator }, ...copies] } : {}),
    title: f.title,
    date: f.date,
    activities: f.activities,
    categories: f.categories,
    matches: f.matches,
    data: f.record ?? null,
    redacted: false,
    redactionReasons: [],
    files: [],
    withheld: [],
  };
  if (redactions.length === 0) return item;

  const reasons = new Set(own.map((r) => r.reason));
  // Case-wide redactions count for this record only where their text occurs in it.
  for (const r of redactions) {
    if (r.findingId !== null) continue;
    const probe = compileRedactions([r], placeholder);
    redactDeep({ t: item.title, l: item.locator, d: item.data, m: item.matches }, probe);
    if (probe.replaced > 0) reasons.add(r.reason);
  }
  const redactor = compileRedactions(redactions, placeholder);
  const redacted = {
    ...item,
    locator: redactDeep(item.locator, redactor),
    ...(item.locations ? { locations: redactDeep(item.locations, redactor) } : {}),
    title: redactDeep(item.title, redactor),
    matches: redactDeep(item.matches, redactor),
    data: redactDeep(item.data, redactor),
  };
  // A redaction the officer put on this record marks it redacted even where the text did not occur
  // in what the record shows: the text may sit in a part of the original the record does not show.
  const isRedacted = own.length > 0 || redactor.replaced > 0;
  return { ...redacted, redacted: isRedacted, redactionReasons: isRedacted ? [...reasons] : [] };
}

function compareFindings(a: FindingPlace, b: FindingPlace, sourceOrder: ReadonlyMap<string, number>): number {
  const kind = (f: FindingPlace) => ITEM_KIND_ORDER.indexOf(f.kind);
  return (
    kind(a) - kind(b) ||
    (sourceOrder.get(a.source) ?? 0) - (sourceOrder.get(b.source) ?? 0) ||
    // Within a source: the order of the source itself (mbox offset, line number), which is the
    // order a person would find the records in when checking by hand.
    (a.locator.offset ?? a.locator.line ?? a.locator.row ?? 0) - (b.locator.offset ?? b.locator.line ?? b.locator.row ?? 0) ||
    (a.locator.path ?? '').localeCompare(b.locator.path ?? '') ||
    (a.date ?? '').localeCompare(b.date ?? '') ||
    a.id.localeCompare(b.id)
  );
}
