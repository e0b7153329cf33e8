import { createHash } from 'node:crypto';
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { simpleParser, type Attachment } from 'mailparser';
import type { RecordData } from '../../shared/findings.js';
import { OriginalNotKeptError, SourceError, type Connector, type OriginalContext, type OriginalFile, type SourceBase } from '../connectors/connector.js';
import { decodeText, htmlToText, isTextLike } from '../connectors/common/mail/textPart.js';
import type { Lang } from '../register/localizedText.js';
import { ExportError } from './exportError.js';
import { compileRedactions, containsRedacted, redactDeep, type Redactor } from '../review/redactText.js';
import type { Redaction } from '../review/reviewTypes.js';
import { redactAttachment } from '../thirdParty/redactAttachment.js';
import { packageTexts, type PackageTexts } from './packageTexts.js';
import { writeRedactedRenderingPdf } from './redactedRenderingPdf.js';
import type { PackageFile, PackageItem, WithheldFile } from './responsePackage.js';
import { insideFolder, safeFileName, uniqueName } from './safeFileName.js';

/** The folder of originals inside the package. */
export const FILES_DIR = 'files';

/**
 * How many items are written at once: reading originals is I/O-bound, and a few in flight hide the
 * latency of small files without holding many large messages in memory.
 */
const CONCURRENT_ITEMS = 8;

/** A workspace source as the file writer needs it: its config and connector. */
export interface FileSource {
  readonly config: SourceBase;
  readonly connector: Connector<SourceBase>;
}

export interface FilesInput {
  readonly packageDir: string;
  /** The items in batches: the caller reads each batch from the case store when it is needed. */
  readonly batches: Iterable<readonly PackageItem[]>;
  readonly sources: ReadonlyMap<string, FileSource>;
  readonly context: (sourceId: string) => OriginalContext;
  /** Resolves a call recording's path, which is relative to the workspace. */
  readonly resolveWorkspacePath: (path: string) => string;
  /** Case-wide redactions; an original that contains one of their texts is not shipped. */
  readonly caseWideRedactions: readonly Redaction[];
  readonly itemRedactions: (item: PackageItem) => readonly Redaction[];
  readonly lang: Lang;
}

/** What was written for one item. `redactedBy` names the reasons when an original turned out to hold redacted text. */
export interface ItemFiles {
  readonly files: PackageFile[];
  readonly withheld: WithheldFile[];
  readonly redactedBy: string[];
  /** The original could not be read back (moved, changed since the search): a rendering was shipped instead. */
  readonly originalMissing: boolean;
}

/**
 * Write `files/`: per item a folder `files/0001/` with the message's `.eml`, its attachments and a
 * call's recording (Art. 15(3): the copy includes the data as held). A record with redactions never
 * ships its original: a rendering with the redactions applied goes in its place, and binary files that
 * cannot be redacted (attachments, recordings) are withheld and named in the letter instead. Every
 * name comes from hostile input and is sanitized; every path is checked to stay inside `files/`.
 */
export async function writePackageFiles(input: FilesInput): Promise<Map<number, ItemFiles>> {
  const filesDir = insideFolder(input.packageDir, FILES_DIR);
  await mkdir(filesDir, { recursive: true, mode: 0o700 });
  const texts = packageTexts(input.lang);
  const out = new Map<number, ItemFiles>();
  const shared: SharedFiles = new Map();
  let failed = false;
  for (const items of input.batches) {
    const early = readBatchOriginals(items, input);
    let next = 0;
    const worker = async () => {
      // After one failure the others stop too: a server that refused the password must not be asked
      // again for every remaining message (repeated failed logins can lock the account).
      while (!failed && next < items.length) {
        const item = items[next++]!;
        try {
          out.set(item.no, await writeItemFiles(item, filesDir, input, texts, shared, early.get(item.no)));
        } catch (err) {
          failed = true;
          throw err;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_ITEMS, items.length) }, worker));
  }
  return out;
}

/**
 * Attachments already written, by the SHA-256 of their bytes: the same file attached to several
 * mails (a terms-and-conditions PDF, a forwarded invoice) is one file in `files/`, which each of
 * those items lists.
 */
type SharedFiles = Map<string, Promise<PackageFile>>;

async function writeItemFiles(
  item: PackageItem,
  filesDir: string,
  input: FilesInput,
  texts: PackageTexts,
  shared: SharedFiles,
  early?: Promise<OriginalRead>,
): Promise<ItemFiles> {
  const folderName = String(item.no).padStart(4, '0');
  const folder = insideFolder(filesDir, folderName);
  const taken = new Set<string>();
  const files: PackageFile[] = [];
  const withheld: WithheldFile[] = [];
  const redactedBy: string[] = [];
  let originalMissing = false;
  let made = false;
  const put = async (name: string, role: PackageFile['role'], bytes: Buffer | string) => {
    if (!made) await mkdir(folder, { recursive: true, mode: 0o700 });
    made = true;
    const fileName = uniqueName(safeFileName(name), taken);
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    await writeFile(insideFolder(folder, fileName), data, { mode: 0o600 });
    const file: PackageFile = { path: `${FILES_DIR}/${folderName}/${fileName}`, role, size: data.length };
    files.push(file);
    return file;
  };
  // Set before the write is awaited, so that a worker writing the same attachment at once waits for it.
  const putAttachment = async (name: string, bytes: Buffer) => {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const known = shared.get(hash);
    if (known) {
      files.push(await known);
      return;
    }
    const written = put(name, 'attachment', bytes);
    shared.set(hash, written);
    await written;
  };
  /** A file written by `write` at its path (a PDF rendering streams to its file). */
  const putWritten = async (name: string, role: PackageFile['role'], write: (path: string) => Promise<unknown>) => {
    if (!made) await mkdir(folder, { recursive: true, mode: 0o700 });
    made = true;
    const fileName = uniqueName(safeFileName(name), taken);
    const path = insideFolder(folder, fileName);
    await write(path);
    files.push({ path: `${FILES_DIR}/${folderName}/${fileName}`, role, size: (await stat(path)).size });
  };
  const redactor = compileRedactions(input.itemRedactions(item), texts.placeholder);
  const baseName = safeFileName(item.title, item.kind === 'mail' ? 'nachricht' : 'datensatz');

  const source = input.sources.get(item.source.id);
  const wantsOriginal = ORIGINAL_KINDS.has(item.kind);
  const read = wantsOriginal && source ? await (early ?? readOriginalOf(source, item, input)) : { original: null, kept: false };
  const original = read.original;
  if (wantsOriginal && read.kept && original === null) originalMissing = true;

  let redacted = item.redacted;
  // Parsing a message costs more than copying it: only when its attachments go out as files of their
  // own, or when its parts must be checked for redacted text.
  const hasAttachments = item.data?.kind === 'mail' && (item.data.attachments?.length ?? 0) > 0;
  const mustParse = item.kind === 'mail' && (hasAttachments || redacted || input.caseWideRedactions.length > 0);
  const parsed = original && mustParse ? await parseMessage(original.bytes) : undefined;
  // A case-wide redaction may hit a part of the original the record does not show (an HTML part, an
  // attachment, an encoded header): then the original must not go out either.
  if (!redacted && original && input.caseWideRedactions.length > 0) {
    const text = await originalText(original);
    const searchable = [original.bytes.toString('utf8'), original.bytes.toString('latin1'), ...(parsed?.searchable ?? []), ...(text ?? [])];
    const hits = text === null ? [...input.caseWideRedactions] : input.caseWideRedactions.filter((r) => containsRedacted(searchable, compileRedactions([r], texts.placeholder)));
    if (hits.length > 0) {
      redacted = true;
      redactedBy.push(...new Set(hits.map((r) => r.reason)));
    }
  }
  // Case-wide redactions apply to what is rendered from the original, too.
  const renderRedactor = redactedBy.length > 0 ? compileRedactions([...input.itemRedactions(item), ...input.caseWideRedactions], texts.placeholder) : redactor;

  // A ticket of a format without a record per ticket ships nothing here, as before: the letter and
  // data.json carry it as found. Likewise a row: only one whose source keeps it (an Outlook contact).
  if (item.kind === 'mail' || item.kind === 'document' || ((item.kind === 'ticket' || item.kind === 'row') && read.kept)) {
    if (original && !redacted) {
      await put(item.kind === 'mail' ? `${baseName}.eml` : original.filename, 'original', original.bytes);
      for (const a of parsed?.attachments ?? []) await putAttachment(a.filename ?? fallbackAttachmentName(a), a.content);
    } else {
      await put(`${baseName}.txt`, redacted ? 'redacted-copy' : 'copy', renderRecordText(item, texts, redacted ? renderRedactor : undefined));
      if (parsed) {
        for (const a of parsed.attachments) {
          const name = renderRedactor.apply(a.filename ?? fallbackAttachmentName(a));
          // Each attachment is redacted in its own way (core/thirdParty/redactAttachment): a table in
          // its format with the cells blanked, a PDF or DOCX as a marked text rendering, text as text.
          // What cannot be read or redacted (an image, an archive, a damaged file) stays out, named.
          const redacted = await redactAttachment({ filename: a.filename, contentType: a.contentType, content: a.content }, renderRedactor);
          if (redacted.kind === 'table') {
            const ext = extname(name);
            await put(texts.redactedFileName(name.slice(0, name.length - ext.length), ext), 'redacted-copy', redacted.bytes);
          } else if (redacted.kind === 'text' && (redacted.format === 'pdf' || redacted.format === 'docx')) {
            const ext = extname(name);
            await putWritten(texts.redactedFileName(name.slice(0, name.length - ext.length), '.pdf'), 'redacted-copy', (path) => writeRedactedRenderingPdf(path, name, redacted.text, texts, input.lang));
          } else if (redacted.kind === 'text') {
            await put(`${name}.txt`, 'redacted-copy', redacted.text);
          } else {
            withheld.push({ name, reason: redacted.unreadable !== null ? texts.unreadableFile : texts.withheldFile });
          }
        }
      } else if (item.data?.kind === 'mail') {
        for (const a of item.data.attachments ?? []) {
          withheld.push({ name: a.filename ?? fallbackAttachmentName(a), reason: redacted ? texts.withheldFile : texts.originalUnavailable });
        }
      }
    }
  }

  if (item.data?.kind === 'call' && item.data.recording) {
    const name = basename(item.data.recording.replace(/\\/g, '/'));
    if (redacted) {
      withheld.push({ name: redactor.apply(name), reason: texts.withheldFile });
    } else {
      const path = resolve(input.resolveWorkspacePath(item.data.recording));
      const info = await stat(path).catch(() => undefined);
      if (info?.isFile()) {
        if (!made) await mkdir(folder, { recursive: true, mode: 0o700 });
        made = true;
        const fileName = uniqueName(safeFileName(name, 'aufzeichnung'), taken);
        await copyFile(path, insideFolder(folder, fileName));
        files.push({ path: `${FILES_DIR}/${folderName}/${fileName}`, role: 'recording', size: info.size });
      } else {
        withheld.push({ name, reason: texts.recordingMissing });
      }
    }
  }
  // Kept for every item to the end of the export: the usual empty lists are one shared list, not one each.
  return { files, withheld: withheld.length ? withheld : NONE, redactedBy: redactedBy.length ? redactedBy : NONE, originalMissing };
}

/** An empty list shared by the items that have nothing to list; frozen, so nobody adds to it. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/**
 * Kinds of record whose source may hold an original: a message, a document, a helpdesk's ticket
 * record, an Outlook contact (a `row`, shipped as .vcf). Sources without readOriginal ship none.
 */
const ORIGINAL_KINDS: ReadonlySet<string> = new Set(['mail', 'document', 'ticket', 'row']);

/**
 * The original of an item from its source. `kept` is false when the source keeps no original per
 * record (OriginalNotKeptError): then nothing is missing. A source that cannot be read now (server
 * down, mailbox renumbered) stops the export with the reason rather than silently shipping less.
 */
async function readOriginalOf(source: FileSource, item: PackageItem, input: FilesInput): Promise<OriginalRead> {
  if (!source.connector.readOriginal) return { original: null, kept: false };
  try {
    return { original: await source.connector.readOriginal(source.config, item.locator, input.context(item.source.id)), kept: true };
  } catch (err) {
    return notRead(err, [item]);
  }
}

interface OriginalRead {
  readonly original: OriginalFile | null;
  readonly kept: boolean;
}

function notRead(err: unknown, items: readonly PackageItem[]): OriginalRead {
  if (err instanceof OriginalNotKeptError) return { original: null, kept: false };
  if (err instanceof SourceError) throw new ExportError(`record ${items.map((i) => i.no).join(', ')} (source "${items[0]!.source.id}"): ${err.message}`);
  throw err;
}

/**
 * The originals of a batch's items from sources that read several at once (Connector.readOriginals),
 * one call per source, by item number; the other items are read one by one. Started at once, while
 * the batch's other items are written.
 */
function readBatchOriginals(items: readonly PackageItem[], input: FilesInput): Map<number, Promise<OriginalRead>> {
  const bySource = new Map<string, PackageItem[]>();
  for (const item of items) {
    if (!ORIGINAL_KINDS.has(item.kind) || !input.sources.get(item.source.id)?.connector.readOriginals) continue;
    let list = bySource.get(item.source.id);
    if (!list) bySource.set(item.source.id, (list = []));
    list.push(item);
  }
  const early = new Map<number, Promise<OriginalRead>>();
  for (const [sourceId, group] of bySource) {
    const source = input.sources.get(sourceId)!;
    const all = source.connector.readOriginals!(source.config, group.map((item) => item.locator), input.context(sourceId)).then(
      (originals): OriginalRead[] => originals.map((original) => ({ original, kept: true })),
      (err: unknown) => group.map(() => notRead(err, group)),
    );
    group.forEach((item, i) => {
      const read = all.then((reads) => reads[i]!);
      // The item that awaits it reports a failure; the others may never be awaited (the export stops
      // at the first failure), and must not end the process as unhandled rejections.
      read.catch(() => undefined);
      early.set(item.no, read);
    });
  }
  return early;
}

/**
 * The original's text where its bytes hide it; null when it cannot be extracted again, and then the
 * original cannot be shown to be free of redacted text.
 */
async function originalText(original: OriginalFile): Promise<string[] | null> {
  if (!original.searchable) return [];
  try {
    return await original.searchable();
  } catch {
    return null;
  }
}

interface ParsedMessage {
  readonly attachments: Attachment[];
  /** Decoded text of every part, to check a case-wide redaction against. */
  readonly searchable: string[];
}

async function parseMessage(bytes: Buffer): Promise<ParsedMessage> {
  // The message was at most MAX_MESSAGE_BYTES when it was searched, and originals are read one at a
  // time per worker, so parsing it whole stays bounded.
  const mail = await simpleParser(bytes, { skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true });
  const searchable = [mail.text ?? '', typeof mail.html === 'string' ? htmlToText(mail.html) : '', mail.subject ?? ''];
  for (const a of mail.attachments) if (isTextLike(a.contentType)) searchable.push(decodeText(a.content, undefined));
  return { attachments: mail.attachments, searchable };
}

function fallbackAttachmentName(a: { contentType: string }): string {
  const sub = a.contentType.split('/')[1]?.split(/[;+]/)[0] ?? 'bin';
  return `anhang.${a.contentType === 'message/rfc822' ? 'eml' : sub}`;
}

/** A record as plain text, with the redactions applied: shipped instead of an original that had to be redacted. */
export function renderRecordText(item: PackageItem, texts: PackageTexts, redactor?: Redactor): string {
  const data: RecordData | null = redactor ? redactDeep(item.data, redactor) : item.data;
  const lines: string[] = [texts.itemHeading(item.no, item.title), ''];
  if (item.redacted) lines.push(texts.redactedNote(item.redactionReasons.join('; ')), '');
  if (data?.kind === 'mail') {
    const h = texts.mailHeaders;
    for (const [label, value] of [[h.from, data.from], [h.to, data.to], [h.cc, data.cc], [h.subject, data.subject], [h.date, data.date]] as const) {
      if (value) lines.push(`${label}: ${value}`);
    }
    if (data.attachments?.length) lines.push(`${texts.attachments}: ${data.attachments.map((a) => a.filename ?? a.contentType).join(', ')}`);
    lines.push('', data.text ?? texts.noText);
  } else if (data?.kind === 'document') {
    if (data.machineRead) lines.push(texts.machineRead, '');
    lines.push(data.text ?? texts.noText);
  } else if (data) {
    lines.push(JSON.stringify(data, null, 2));
  }
  return `${lines.join('\n')}\n`;
}
