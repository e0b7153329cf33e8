import type { Locator } from '../../shared/findings.js';
import type { Lang } from '../register/localizedText.js';
import { formatDate, formatDateTime, packageTexts, SOURCE_KIND_NAMES, type PackageTexts } from './packageTexts.js';
import { PdfWriter } from './pdfWriter.js';
import { extensionReasonText } from '../cases/extensionReasons.js';
import { somethingWithheld } from './packageLimits.js';
import { ITEM_KIND_ORDER, itemBatches, type ItemKind, type ItemSlot, type PackageActivity, type PackageItem, type StreamedPackage } from './responsePackage.js';
import { keyText } from '../../shared/locatorLine.js';

/** Call lists with more columns than this are printed record by record: a wider table would be unreadable on A4. */
const MAX_TABLE_COLUMNS = 7;

interface TocEntry {
  readonly title: string;
  readonly level: number;
  readonly destination: string;
}

/**
 * Write the letter to the data subject (`Auskunft.pdf` / `Access.pdf`): the letter with the Art. 15(1)
 * confirmation and the deadline, a table of contents, the overview, the Art. 15(1)(a)–(h) and 15(2)
 * information per activity, the rights (Art. 15(1)(e), (f)) and the copy (Art. 15(3)). Without
 * included records it is the "no data" letter: the confirmation that no data is processed, the
 * activities without a local copy, and the rights. Returns the number of pages.
 */
export async function writeLetterPdf(file: string, pkg: StreamedPackage): Promise<number> {
  const t = packageTexts(pkg.lang);
  const pdf = new PdfWriter(file, {
    lang: pkg.lang === 'de' ? 'de-DE' : 'en-GB',
    title: t.documentTitle(pkg.case.reference),
    author: pkg.controller.name,
  });
  try {
    return await writeLetter(pdf, pkg, t);
  } catch (err) {
    pdf.abandon();
    throw err;
  }
}

async function writeLetter(pdf: PdfWriter, pkg: StreamedPackage, t: PackageTexts): Promise<number> {
  pdf.setFooter((page, total) => t.footer(pkg.case.reference, page, total));

  // The table of contents is planned before anything is written, so it can stand right after the
  // letter; each section records its page as it is written, and the numbers are filled in at the end.
  const registerOnly = pkg.activities.filter((a) => a.items.length === 0);
  const kinds = ITEM_KIND_ORDER.filter((k) => pkg.slots.some((i) => i.kind === k));
  const activitySections = pkg.dataProcessed ? pkg.activities : registerOnly;
  const toc: TocEntry[] = [
    { title: t.letterHeading, level: 1, destination: 'letter' },
    { title: t.limitsHeading, level: 1, destination: 'limits' },
    ...(pkg.dataProcessed ? [{ title: t.overviewHeading, level: 1, destination: 'overview' }, { title: t.activitiesHeading, level: 1, destination: 'activities' }] : []),
    ...(!pkg.dataProcessed && registerOnly.length ? [{ title: t.registerOnlyHeading, level: 1, destination: 'register-only' }] : []),
    ...activitySections.map((a) => ({ title: a.name, level: 2, destination: `activity-${a.id}` })),
    { title: t.rightsHeading, level: 1, destination: 'rights' },
    ...(pkg.dataProcessed ? [{ title: t.copyHeading, level: 1, destination: 'copy' }] : []),
    ...(pkg.dataProcessed ? kinds.map((k) => ({ title: t.kindHeadings[k] ?? k, level: 2, destination: `kind-${k}` })) : []),
  ];
  const pages = new Map<string, number>();
  const mark = (destination: string, page: number) => void pages.set(destination, page);

  mark('letter', writeLetterSection(pdf, pkg, t));
  pdf.newPage();
  mark('limits', writeLimits(pdf, pkg, t));

  pdf.newPage();
  const tocPage = pdf.pageIndex;
  const tocSection = pdf.begin('Sect');
  pdf.heading(1, t.tocHeading, 'toc');
  const tocElement = pdf.begin('TOC');
  for (const entry of toc) pdf.tocLine(tocElement, entry.title, () => pages.get(entry.destination) ?? tocPage, entry.destination, entry.level);
  pdf.end(tocElement, tocSection);
  pdf.end(tocSection);

  if (pkg.dataProcessed) {
    pdf.newPage();
    mark('overview', writeOverview(pdf, pkg, t));
    pdf.begin('Sect');
    mark('activities', pdf.heading(1, t.activitiesHeading, 'activities'));
    pdf.paragraph(t.activitiesIntro);
    for (const activity of pkg.activities) mark(`activity-${activity.id}`, writeActivity(pdf, activity, t, `activity-${activity.id}`));
    pdf.end(pdf.structure);
  } else if (registerOnly.length > 0) {
    pdf.newPage();
    pdf.begin('Sect');
    mark('register-only', pdf.heading(1, t.registerOnlyHeading, 'register-only'));
    pdf.paragraph(t.registerOnlyIntro);
    for (const activity of registerOnly) mark(`activity-${activity.id}`, writeActivity(pdf, activity, t, `activity-${activity.id}`));
    pdf.end(pdf.structure);
  }

  pdf.newPage();
  mark('rights', writeRights(pdf, pkg, t, 'rights'));

  if (pkg.dataProcessed) {
    pdf.newPage();
    pdf.begin('Sect');
    mark('copy', pdf.heading(1, t.copyHeading, 'copy'));
    pdf.paragraph(t.copyIntro);
    for (const kind of kinds) {
      mark(`kind-${kind}`, pdf.heading(2, t.kindHeadings[kind] ?? kind, `kind-${kind}`));
      await writeKind(pdf, kind, pkg.slots.filter((i) => i.kind === kind), pkg, t);
    }
    pdf.end(pdf.structure);
  }

  // Bookmarks, the reader's sidebar: the same entries as the table of contents.
  let parent: PDFKit.PDFOutline | undefined;
  for (const entry of toc) {
    const item = pdf.bookmark(entry.title, pages.get(entry.destination) ?? tocPage, entry.level === 1 ? undefined : parent);
    if (entry.level === 1) parent = item;
    if (entry.destination === 'letter') pdf.bookmark(t.tocHeading, tocPage);
  }
  return pdf.finish();
}

function writeLetterSection(pdf: PdfWriter, pkg: StreamedPackage, t: PackageTexts): number {
  const c = pkg.controller;
  const lang = pkg.lang;
  pdf.begin('Sect');
  pdf.paragraph(c.name, { font: 'bold', size: 12, gapAfter: 0.1 });
  pdf.paragraph([c.address, c.email, c.phone].filter(Boolean).join('\n'), { size: 8.5, color: '#333333', gapAfter: 1.2 });
  const recipient = [pkg.subject.name, pkg.subject.emails[0]].filter(Boolean).join(', ');
  const date = formatDate(pkg.generatedAt, lang);
  pdf.paragraph(
    [recipient ? `${t.to}: ${recipient}` : null, `${t.date}: ${date}`, `${t.ourReference}: ${pkg.case.reference}`].filter((l): l is string => l !== null).join('\n'),
    { gapAfter: 1 },
  );
  const page = pdf.heading(1, t.letterHeading, 'letter');
  const received = formatDate(pkg.case.receivedOn, lang);
  pdf.paragraph(t.subjectLine(received), { font: 'bold' });
  pdf.paragraph(t.greeting(pkg.subject.name ?? null));
  if (pkg.dataProcessed) {
    pdf.paragraph(t.receivedAndConfirmed(received));
    pdf.paragraph(t.whatYouGet, { gapAfter: 0.2 });
    pdf.list(t.whatYouGetItems);
  } else {
    pdf.paragraph(t.noDataConfirmation(received));
    if (pkg.activities.some((a) => !a.localCopy)) pdf.paragraph(t.registerOnlyNoData);
    for (const line of t.noDataItems) pdf.paragraph(line);
  }
  const kinds = [...new Set(pkg.searched.map((type) => SOURCE_KIND_NAMES[lang][type] ?? type))];
  if (kinds.length) pdf.paragraph(t.searchedSystems(kinds.join(', ')));
  pdf.paragraph(t.deadlineSentence(formatDate(pkg.case.deadline.due, lang)));
  if (pkg.case.deadline.extendedDue && pkg.case.deadline.extensionReason) {
    const reasons = extensionReasonText(pkg.case.deadline.extensionReasonCodes ?? [], pkg.case.deadline.extensionReason, lang);
    pdf.paragraph(t.extensionSentence(formatDate(pkg.case.deadline.extendedDue, lang), reasons));
  }
  if (pkg.redactions.records > 0) pdf.paragraph(t.redactionSentence(pkg.redactions.records, pkg.redactions.reasons.join('; ')));
  let withheld = 0;
  for (const f of pkg.itemFiles.values()) withheld += f.withheld.filter((w) => w.reason === t.withheldFile).length;
  if (withheld > 0) pdf.paragraph(t.withheldSentence(withheld));
  pdf.paragraph(t.questions(c.email, c.dpo ? [c.dpo.name, c.dpo.email].filter(Boolean).join(', ') : null), { gapAfter: 1 });
  pdf.paragraph(t.closing, { gapAfter: 0.2 });
  pdf.paragraph(c.name);
  pdf.end(pdf.structure);
  return page;
}

/**
 * What the answer covers and what it leaves out (Art. 12(4), 15(4); EDPB Guidelines 01/2022): the
 * sources searched, the activities not searched or checked by hand, the data others hold and how
 * to obtain it, the redactions and withheld files with their legal reason, and then, because
 * something was held back, the complaint (Art. 77) and the court remedy (Art. 79).
 */
function writeLimits(pdf: PdfWriter, pkg: StreamedPackage, t: PackageTexts): number {
  const { limits } = pkg;
  pdf.begin('Sect');
  const page = pdf.heading(1, t.limitsHeading, 'limits');
  pdf.paragraph(t.limitsSearched, { gapAfter: 0.2 });
  pdf.list(limits.searchedSources.map((s) => t.searchedSource(s.id, SOURCE_KIND_NAMES[pkg.lang][s.type] ?? s.type, s.status !== 'ok')));
  if (limits.confirmedNoData.length) pdf.paragraph(t.limitsConfirmedNoData(limits.confirmedNoData.map((a) => a.name).join(', ')));
  if (limits.notSearched.length) pdf.paragraph(t.limitsNotSearched(limits.notSearched.map((a) => a.name).join(', ')));
  const heldByOthers = pkg.activities.filter((a) => a.access !== null && a.items.length === 0);
  if (heldByOthers.length) {
    pdf.paragraph(t.limitsHeldByOthers, { gapAfter: 0.2 });
    pdf.list(heldByOthers.map((a) => `${a.name}: ${a.access}`));
  }
  const withheld = somethingWithheld(limits);
  if (!withheld) pdf.paragraph(t.limitsNothingWithheld);
  else {
    const lines = [limits.redactedItems ? t.limitsRedacted(limits.redactedItems) : null, limits.withheldFiles ? t.limitsWithheld(limits.withheldFiles) : null];
    pdf.paragraph([...lines.filter(Boolean), t.reasonThirdParties].join(' '));
    pdf.paragraph(t.remediesIntro, { gapAfter: 0.2 });
    pdf.list([t.complaintRemedy(pkg.controller.supervisoryAuthority), t.courtRemedy]);
  }
  pdf.end(pdf.structure);
  return page;
}

function writeOverview(pdf: PdfWriter, pkg: StreamedPackage, t: PackageTexts): number {
  pdf.begin('Sect');
  const page = pdf.heading(1, t.overviewHeading, 'overview');
  pdf.paragraph(t.overviewIntro);
  const withData = pkg.activities.filter((a) => a.items.length > 0);
  pdf.table(
    [
      { header: t.overviewColumns[0], width: 0.3 },
      { header: t.overviewColumns[1], width: 0.55 },
      { header: t.overviewColumns[2], width: 0.15 },
    ],
    withData.map((a) => [a.name, a.categoriesFound.map((c) => c.name).join('; '), String(a.items.length)]),
  );
  const registerOnly = pkg.activities.filter((a) => a.items.length === 0);
  if (registerOnly.length) {
    pdf.heading(2, t.registerOnlyHeading, 'register-only');
    pdf.paragraph(t.registerOnlyIntro);
    pdf.list(registerOnly.map((a) => a.name));
  }
  pdf.end(pdf.structure);
  return page;
}

function writeActivity(pdf: PdfWriter, a: PackageActivity, t: PackageTexts, destination: string): number {
  const outer = pdf.structure;
  pdf.begin('Sect');
  const page = pdf.heading(2, a.name, destination);
  pdf.labelled(t.purposes, a.purposes);
  pdf.labelled(t.legalBasis, a.legalBasis);
  pdf.labelled(t.categories, a.categories.map((c) => c.name));
  pdf.labelled(t.recipients, a.recipients.length ? a.recipients.map((r) => `${r.name} (${t.recipientRole[r.role as keyof PackageTexts['recipientRole']] ?? r.role})`) : [t.noRecipients]);
  pdf.labelled(t.transfers, a.transfers.length ? a.transfers.map((x) => t.transferLine(x.country, x.recipient, x.safeguard)) : [t.noTransfers]);
  pdf.labelled(t.retention, a.retention);
  pdf.labelled(t.source, a.source ?? t.sourceNotRecorded);
  pdf.labelled(t.automatedDecisions, a.automatedDecisions ?? t.noAutomatedDecisions);
  if (a.access) pdf.labelled(t.accessLabel, a.access);
  pdf.labelled(t.copyOfActivity, a.items.length ? t.recordsInCopy(a.items.length, numberRanges(a.items)) : t.noLocalCopy);
  pdf.end(pdf.structure, outer);
  return page;
}

function writeRights(pdf: PdfWriter, pkg: StreamedPackage, t: PackageTexts, destination: string): number {
  pdf.begin('Sect');
  const page = pdf.heading(1, t.rightsHeading, destination);
  for (const right of t.rights) pdf.labelled(right.title, right.text);
  if (pkg.activities.some((a) => a.legalBasisCodes.some((c) => c === '6(1)(a)' || c === '9(2)(a)'))) {
    pdf.labelled(t.consentWithdrawal.title, t.consentWithdrawal.text);
  }
  pdf.labelled(t.complaintTitle, [t.complaintText, `${t.authorityLabel}: ${pkg.controller.supervisoryAuthority}`]);
  pdf.end(pdf.structure);
  return page;
}

/** Rows per table chunk of a call list or log, between which the output is flushed (PdfWriter.breathe). */
const TABLE_CHUNK_ROWS = 200;
/** Records read from the case store at once for the copy: only one batch of record data is in memory. */
const ITEM_BATCH = 10;

async function writeKind(pdf: PdfWriter, kind: ItemKind, slots: readonly ItemSlot[], pkg: StreamedPackage, t: PackageTexts): Promise<void> {
  const outer = pdf.structure;
  pdf.begin('Sect');
  const activityName = new Map(pkg.activities.map((a) => [a.id, a.name]));
  if (kind === 'call' || kind === 'logline') {
    // One table per source: the rows of one call list or log share their columns.
    for (const source of [...new Set(slots.map((i) => i.source))]) {
      const rows = slots.filter((i) => i.source === source);
      let first = true;
      for (const chunk of itemBatches(pkg, rows, TABLE_CHUNK_ROWS)) {
        writeRecordTable(pdf, kind, chunk, pkg.lang, t, activityName, first);
        first = false;
        await pdf.breathe(chunk.length);
      }
    }
  } else {
    for (const batch of itemBatches(pkg, slots, ITEM_BATCH)) {
      for (const item of batch) {
        writeItem(pdf, item, pkg.lang, t, activityName);
        await pdf.breathe();
      }
    }
  }
  pdf.end(pdf.structure, outer);
}

/**
 * One record: its heading, then one small paragraph with where it was found, its files and (for a
 * mail) the headers, then its content. Few, larger paragraphs: each text call costs pdfkit a layout
 * and a structure element, and a copy has thousands of records.
 */
function writeItem(pdf: PdfWriter, item: PackageItem, lang: Lang, t: PackageTexts, activityName: ReadonlyMap<string, string>): void {
  pdf.ensureSpace(80);
  pdf.heading(3, t.itemHeading(item.no, item.title || '—'));
  const meta = [metaLine(item, lang, t, activityName), ...fileLines(item, t)];
  if (item.redacted) meta.push(t.redactedNote(item.redactionReasons.join('; ')));
  const data = item.data;
  const fields = (list: readonly { name: string; value: string }[]) => list.map((f) => `${f.name}: ${f.value}`).join('\n');
  switch (data?.kind) {
    case 'mail': {
      const h = t.mailHeaders;
      const headers = [
        [h.from, data.from],
        [h.to, data.to],
        [h.cc, data.cc],
        [h.subject, data.subject],
        [h.date, data.date ? formatDateTime(data.date, lang) : undefined],
      ]
        .filter(([, v]) => v)
        .map(([k, v]) => `${k}: ${v}`);
      if (data.attachments?.length) headers.push(`${t.attachments}: ${data.attachments.map((a) => `${a.filename ?? a.contentType} (${formatSize(a.size)})`).join(', ')}`);
      pdf.paragraph([...headers, ...meta].join('\n'), { size: 8, color: '#333333', gapAfter: 0.3 });
      pdf.paragraph(data.text?.trim() ? data.text : t.noText, { gapAfter: 0.8 });
      break;
    }
    case 'row':
      // "Field: value", one per line: the record as the table holds it.
      pdf.paragraph(meta.join('\n'), { size: 7.5, color: '#444444', gapAfter: 0.2 });
      pdf.paragraph(fields(data.fields), { gapAfter: 0.8 });
      break;
    case 'ticket':
      pdf.paragraph(meta.join('\n'), { size: 7.5, color: '#444444', gapAfter: 0.2 });
      if (data.fields.length) pdf.table([{ header: t.field, width: 0.3 }, { header: t.value, width: 0.7 }], data.fields.map((f) => [f.name, f.value]));
      data.articles.forEach((a, i) => {
        pdf.paragraph(t.ticketArticle(i + 1, a.from ?? '', a.date ? formatDateTime(a.date, lang) : ''), { font: 'bold', size: 8.5, gapAfter: 0.1 });
        pdf.paragraph(a.text.trim() ? a.text : t.noText);
      });
      pdf.doc.moveDown(0.4);
      break;
    case 'document':
      if (data.pages) meta.push(t.documentPages(data.pages));
      if (data.machineRead) meta.push(t.machineRead);
      pdf.paragraph(meta.join('\n'), { size: 7.5, color: '#444444', gapAfter: 0.2 });
      pdf.paragraph(data.text?.trim() ? data.text : t.noText, { gapAfter: 0.8 });
      break;
    case 'call':
    case 'logline':
      // Printed as tables by writeRecordTable, unless a call list has too many columns for A4.
      pdf.paragraph(meta.join('\n'), { size: 7.5, color: '#444444', gapAfter: 0.2 });
      pdf.paragraph(fields(recordFields(item)), { gapAfter: 0.8 });
      break;
    default:
      pdf.paragraph(meta.join('\n'), { size: 7.5, color: '#444444', gapAfter: 0.2 });
      pdf.paragraph(item.matches.map((m) => `${m.field ?? m.type}: ${m.found ?? m.value}`).join('\n'), { gapAfter: 0.8 });
  }
}

function writeRecordTable(
  pdf: PdfWriter,
  kind: 'call' | 'logline',
  items: readonly PackageItem[],
  lang: Lang,
  t: PackageTexts,
  activityName: ReadonlyMap<string, string>,
  firstChunk: boolean,
): void {
  const first = items[0];
  if (!first) return;
  if (firstChunk) pdf.paragraph(metaLine({ ...first, locator: {}, locations: undefined }, lang, t, activityName), { size: 7.5, color: '#444444', gapAfter: 0.25 });
  const withFiles = items.some((i) => i.files.length || i.withheld.length);
  if (kind === 'logline') {
    const columns = [
      { header: t.number, width: 0.08 },
      { header: t.line, width: 0.1 },
      { header: t.content, width: withFiles ? 0.6 : 0.82 },
      ...(withFiles ? [{ header: t.files, width: 0.22 }] : []),
    ];
    pdf.table(
      columns,
      items.map((i) => [String(i.no), i.locator.line !== undefined ? String(i.locator.line) : '', i.data?.kind === 'logline' ? i.data.text : i.title, ...(withFiles ? [fileCell(i)] : [])]),
      { font: 'mono', size: 7 },
    );
  } else {
    const names = [...new Set(items.flatMap((i) => recordFields(i).map((f) => f.name)))];
    if (names.length + 1 > MAX_TABLE_COLUMNS) {
      for (const item of items) writeItem(pdf, item, lang, t, activityName);
      return;
    }
    const share = (withFiles ? 0.78 : 0.92) / Math.max(1, names.length);
    pdf.table(
      [{ header: t.number, width: 0.08 }, ...names.map((n) => ({ header: n, width: share })), ...(withFiles ? [{ header: t.files, width: 0.14 }] : [])],
      items.map((i) => {
        const values = new Map(recordFields(i).map((f) => [f.name, f.value]));
        return [String(i.no), ...names.map((n) => values.get(n) ?? ''), ...(withFiles ? [fileCell(i)] : [])];
      }),
      { size: 7.5 },
    );
  }
  if (items.some((i) => i.redacted)) {
    const redacted = items.filter((i) => i.redacted);
    pdf.paragraph(`${t.number} ${redacted.map((i) => i.no).join(', ')}: ${t.redactedNote([...new Set(redacted.flatMap((i) => i.redactionReasons))].join('; '))}`, { size: 8 });
  }
}

function recordFields(item: PackageItem): { name: string; value: string }[] {
  const d = item.data;
  if (!d) return [];
  if (d.kind === 'call' || d.kind === 'row' || d.kind === 'ticket') return d.fields;
  if (d.kind === 'logline') return d.fields ?? [{ name: 'text', value: d.text }];
  return [];
}

function fileCell(item: PackageItem): string {
  return [...item.files.map((f) => f.path), ...item.withheld.map((w) => `${w.name} (${w.reason})`)].join('\n');
}

function fileLines(item: PackageItem, t: PackageTexts): string[] {
  const lines = [...item.files.map((f) => f.path), ...item.withheld.map((w) => `${w.name} – ${w.reason}`)];
  return lines.length ? [`${t.files}: ${lines.join('; ')}`] : [];
}

function metaLine(item: PackageItem, lang: Lang, t: PackageTexts, activityName: ReadonlyMap<string, string>): string {
  // The same record found in several places is one item that names every place, separated by "|".
  const where = (item.locations ?? [{ source: item.source, locator: item.locator }])
    .map((l) => [`${lang === 'de' ? 'Quelle' : 'source'} ${l.source.id}`, describeLocator(l.locator, lang)].filter(Boolean).join(', '))
    .join(' | ');
  const activities = item.activities.map((id) => activityName.get(id) ?? id).join('; ');
  return `${t.foundIn}: ${where}${activities ? ` · ${t.activity}: ${activities}` : ''}`;
}

/**
 * Where a record was found, in words a person can follow: "Datei archive.mbox, Zeile 12". The byte
 * offset in an mbox and the UIDVALIDITY mean nothing to a reader and stay in data.json.
 */
export function describeLocator(l: Locator, lang: Lang): string {
  const de = lang === 'de';
  const parts: string[] = [];
  if (l.table !== undefined) {
    // "Tabelle public.customers, Schlüssel id=42"; without a key, the row's place in the table's order.
    parts.push(`${de ? 'Tabelle' : 'table'} ${l.table}`);
    if (l.key) parts.push(`${de ? 'Schlüssel' : 'key'} ${keyText(l.key)}`);
    else if (l.row !== undefined) parts.push(`${de ? 'Zeile' : 'row'} ${l.row}`);
    return parts.join(', ');
  }
  if (l.path !== undefined) parts.push(`${de ? 'Datei' : 'file'} ${l.path}`);
  if (l.file !== undefined) parts.push(`${de ? 'Datei' : 'file'} ${l.file}`);
  if (l.folder) parts.push(`${de ? 'Ordner' : 'folder'} ${l.folder}`);
  if (l.item !== undefined && l.item > 0) parts.push(`${de ? 'Element' : 'item'} ${l.item}`);
  if (l.mailbox !== undefined) parts.push(`${de ? 'Postfach' : 'mailbox'} ${l.mailbox}`);
  if (l.uid !== undefined) parts.push(`UID ${l.uid}`);
  if (l.sheet !== undefined) parts.push(`${de ? 'Blatt' : 'sheet'} ${l.sheet}`);
  if (l.row !== undefined) parts.push(`${de ? 'Zeile' : 'row'} ${l.row}`);
  if (l.line !== undefined) parts.push(`${de ? 'Zeile' : 'line'} ${l.line}`);
  if (l.ticket !== undefined) parts.push(`Ticket ${l.ticket}`);
  if (l.page !== undefined) parts.push(`${de ? 'Seite' : 'page'} ${l.page}`);
  if (l.messageId !== undefined) parts.push(`Message-ID <${l.messageId}>`);
  return parts.join(', ');
}

/** "1–5, 8, 10–12" */
export function numberRanges(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return out.join(', ');
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
