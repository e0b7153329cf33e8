import { open, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { Locator } from '../../../shared/findings.js';
import type { SubjectQuery } from '../../domain/subjectQuery.js';
import { SourceError, type CheckResult, type Connector, type OriginalContext, type OriginalFile, type SearchContext, type SearchEvent } from '../connector.js';
import { locatorPath, PROGRESS_EVERY } from '../common/mail/mailFiles.js';
import { MAX_MESSAGE_BYTES } from '../common/mail/mailLimits.js';
import { walkFiles, type UnreadableFolder } from '../common/mail/walkFiles.js';
import { outlookConfigSchema, type OutlookConfig } from './outlookConfig.js';
import type { OutlookItem } from '../common/outlook/outlookItem.js';
import { readMsg } from '../common/outlook/readMsg.js';
import { readPst } from './readPst.js';
import { originalOf, scanOutlookItem } from '../common/outlook/scanOutlookItem.js';

const isOutlookFile = (_path: string, name: string) => /\.(pst|ost|msg)$/i.test(name);
const isMsgFile = (file: string) => /\.msg$/i.test(file);

/** Magic numbers: PST/OST start with "!BDN" (MS-PST 2.2.2.6), .msg is an OLE compound file (MS-CFB 2.2). */
const PST_MAGIC = Buffer.from('!BDN', 'latin1');
const CFB_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');

interface Root {
  readonly absolute: string;
  readonly configured: string;
  readonly single: boolean;
}

/**
 * Outlook data files: PST archives, OST offline copies and `.msg` items, one finding per item.
 * Locator `{ file, folder, item, subject }`; `item` is the PST node id, absent for a `.msg`.
 */
export const outlookConnector: Connector<OutlookConfig> = {
  type: 'outlook',
  configSchema: outlookConfigSchema,
  check: (config, ctx) => checkOutlook(config, ctx),
  search: (config, subject, ctx) => searchOutlook(config, subject, ctx),
  readOriginal: async (config, locator, ctx) => (await readOutlookOriginals(config, [locator], ctx))[0] ?? null,
  readOriginals: (config, locators, ctx) => readOutlookOriginals(config, locators, ctx),
};

async function resolveRoot(config: OutlookConfig, ctx: Pick<SearchContext, 'resolvePath'>): Promise<Root> {
  const absolute = ctx.resolvePath(config.path);
  const info = await stat(absolute).catch((err: NodeJS.ErrnoException) => {
    throw new SourceError(`${config.path} ${err.code === 'ENOENT' ? 'does not exist' : `cannot be read (${err.code})`}`);
  });
  if (info.isFile() && !isOutlookFile(absolute, absolute)) throw new SourceError(`${config.path} is not a .pst, .ost or .msg file`);
  if (!info.isFile() && !info.isDirectory()) throw new SourceError(`${config.path} is neither a file nor a folder`);
  return { absolute, configured: config.path, single: info.isFile() };
}

async function checkOutlook(config: OutlookConfig, ctx: SearchContext): Promise<CheckResult> {
  try {
    const root = await resolveRoot(config, ctx);
    if (!root.single) return { ok: true, message: `folder ${config.path} is readable` };
    const problem = await headerProblem(root.absolute);
    return problem ? { ok: false, message: `${config.path}: ${problem}` } : { ok: true, message: `${config.path} is an Outlook data file` };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}

async function* searchOutlook(config: OutlookConfig, subject: SubjectQuery, ctx: SearchContext): AsyncGenerator<SearchEvent> {
  const root = await resolveRoot(config, ctx);
  const unreadable: UnreadableFolder[] = [];
  const files = root.single ? single(root.absolute) : walkFiles(root.absolute, isOutlookFile, (problem) => unreadable.push(problem));
  const counter = { scanned: 0 };
  for await (const absolute of files) {
    ctx.signal.throwIfAborted();
    const file = root.single ? root.configured.replace(/\\/g, '/') : locatorPath(root, absolute);
    if (isMsgFile(absolute)) yield* searchMsgFile(absolute, file, subject, ctx, counter, root.single);
    else yield* searchStore(absolute, file, subject, ctx, counter, root.single);
  }
  for (const { folder, reason } of unreadable) {
    yield { kind: 'warning', locator: { path: folder }, message: `cannot list folder (${reason}); its Outlook files were not searched`, uncovered: true };
  }
  ctx.progress({ scanned: counter.scanned });
}

async function* single(file: string): AsyncGenerator<string> {
  yield file;
}

async function* searchStore(absolute: string, file: string, subject: SubjectQuery, ctx: SearchContext, counter: { scanned: number }, single: boolean): AsyncGenerator<SearchEvent> {
  const problem = await headerProblem(absolute);
  if (problem) {
    // One configured file that is no store fails the source; inside a folder it is one file not searched.
    if (single) throw new SourceError(`${file}: ${problem}`);
    yield { kind: 'warning', locator: { file }, message: `${problem}; not searched`, uncovered: true };
    return;
  }
  let items = 0;
  for await (const event of readPst(absolute, ctx.signal)) {
    switch (event.type) {
      case 'store':
        if (event.passwordProtected) {
          yield { kind: 'warning', locator: { file }, message: 'the store is password-protected; a PST password is only a checksum, so its items were read without it' };
        }
        break;
      case 'item': {
        items++;
        const where: Locator = { file, folder: event.folder, item: event.item.nid, subject: event.item.subject };
        yield* itemEvents(event.item, where, subject);
        if (++counter.scanned % PROGRESS_EVERY === 0) ctx.progress({ scanned: counter.scanned, detail: `${file} ${event.folder}` });
        break;
      }
      case 'folder':
        if (event.declared !== event.read) {
          yield { kind: 'warning', locator: { file, folder: event.folder }, message: `the folder declares ${event.declared} items, ${event.read} were read`, uncovered: event.read < event.declared };
        }
        break;
      case 'warning':
        yield { kind: 'warning', locator: { file, folder: event.folder, ...(event.item !== undefined ? { item: event.item } : {}) }, message: event.message, uncovered: event.uncovered };
        break;
      case 'fatal':
        if (single && items === 0) throw new SourceError(`${file}: ${event.message}`);
        yield { kind: 'warning', locator: { file }, message: `${event.message}; ${items ? `searched up to item ${items}, the rest not` : 'not searched'}`, uncovered: true };
        return;
      default:
        break;
    }
  }
}

async function* searchMsgFile(absolute: string, file: string, subject: SubjectQuery, ctx: SearchContext, counter: { scanned: number }, single: boolean): AsyncGenerator<SearchEvent> {
  let item: OutlookItem;
  try {
    item = await readMsgFile(absolute);
  } catch (err) {
    const message = (err as Error).message;
    if (single) throw new SourceError(`${file}: ${message}`);
    yield { kind: 'warning', locator: { file }, message: `${message}; not searched`, uncovered: true };
    return;
  }
  yield* itemEvents(item, { file, subject: item.subject }, subject);
  if (++counter.scanned % PROGRESS_EVERY === 0) ctx.progress({ scanned: counter.scanned });
}

async function* itemEvents(item: OutlookItem, locator: Locator, subject: SubjectQuery): AsyncGenerator<SearchEvent> {
  const scan = await scanOutlookItem(item, subject);
  if (scan.problems.length) yield { kind: 'warning', locator, message: scan.problems.join('; ') };
  if (scan.matches.length) yield { kind: 'finding', locator, matches: scan.matches, title: scan.title, date: scan.date, record: scan.record };
}

/** A `.msg` file as an item; a file that is empty, too large or no .msg is an error naming why. */
export async function readMsgFile(absolute: string): Promise<OutlookItem> {
  const info = await stat(absolute);
  if (info.size === 0) throw new Error('empty file (0 bytes)');
  if (info.size > MAX_MESSAGE_BYTES) throw new Error(`.msg of ${info.size} bytes exceeds the ${MAX_MESSAGE_BYTES}-byte limit`);
  const bytes = await readFile(absolute);
  if (!bytes.subarray(0, 8).equals(CFB_MAGIC)) throw new Error('not an Outlook .msg file (no compound file header)');
  try {
    return readMsg(bytes);
  } catch (err) {
    throw new Error(`cannot be read as an Outlook .msg file (${(err as Error).message.split('\n')[0]})`);
  }
}

/** Why a file cannot be a PST/OST store, or null. Checked before the worker starts: a clear line instead of a parser error. */
async function headerProblem(absolute: string): Promise<string | null> {
  const handle = await open(absolute, 'r').catch((err: NodeJS.ErrnoException) => err);
  if (handle instanceof Error) return `cannot be read (${handle.code ?? handle.message})`;
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    if (bytesRead === 0) return 'empty file (0 bytes)';
    if (isMsgFile(absolute)) return head.equals(CFB_MAGIC) ? null : 'not an Outlook .msg file (no compound file header)';
    return head.subarray(0, 4).equals(PST_MAGIC) ? null : 'not an Outlook data file (no PST/OST header)';
  } finally {
    await handle.close();
  }
}

/**
 * The originals of found items: each item read again from its store by node id (or its `.msg` file),
 * as `.eml` or `.vcf`. One worker per store for the whole batch. Null where the file is no longer
 * there, the path leaves the configured source, or the item at that id now has another subject.
 */
async function readOutlookOriginals(config: OutlookConfig, locators: readonly Locator[], ctx: OriginalContext): Promise<(OriginalFile | null)[]> {
  const out: (OriginalFile | null)[] = locators.map(() => null);
  let root: Root;
  try {
    root = await resolveRoot(config, ctx);
  } catch {
    return out;
  }
  const byStore = new Map<string, number[]>();
  for (const [index, locator] of locators.entries()) {
    const absolute = locatedFile(root, locator);
    if (!absolute) continue;
    if (isMsgFile(absolute)) {
      const item = await readMsgFile(absolute).catch(() => null);
      if (item && item.subject === (locator.subject ?? item.subject)) out[index] = originalOf(item);
      continue;
    }
    if (locator.item === undefined) continue;
    byStore.set(absolute, [...(byStore.get(absolute) ?? []), index]);
  }
  for (const [absolute, indexes] of byStore) {
    if (await headerProblem(absolute)) continue;
    let at = 0;
    for await (const event of readPst(absolute, ctx.signal, indexes.map((i) => locators[i]!.item!))) {
      if (event.type === 'fatal' || event.type === 'done') break;
      if (event.type !== 'item' && event.type !== 'missing') continue;
      const index = indexes[at++]!;
      const locator = locators[index]!;
      if (event.type === 'item' && event.item.subject === (locator.subject ?? event.item.subject)) out[index] = originalOf(event.item);
      if (at >= indexes.length) break;
    }
  }
  return out;
}

/** The absolute file a locator names, if it lies inside the configured source (a tampered locator must not ship an arbitrary file). */
function locatedFile(root: Root, locator: Locator): string | null {
  if (locator.file === undefined) return null;
  if (root.single) return locator.file === root.configured.replace(/\\/g, '/') ? root.absolute : null;
  const prefix = root.configured.replace(/\\/g, '/').replace(/\/+$/, '');
  if (!locator.file.startsWith(`${prefix}/`)) return null;
  const below = locator.file.slice(prefix.length + 1);
  const absolute = join(root.absolute, ...below.split('/'));
  const inside = relative(root.absolute, absolute);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? absolute : null;
}
