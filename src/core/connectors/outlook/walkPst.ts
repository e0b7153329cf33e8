import { PSTFile, type PSTFolder, type PSTMessage } from 'pst-extractor';
import type { DescriptorIndexNode } from 'pst-extractor/dist/DescriptorIndexNode.class.js';
import { PSTUtil } from 'pst-extractor/dist/PSTUtil.class.js';
import type { OutlookItem } from '../common/outlook/outlookItem.js';
import { errorText, readPstItem } from './pstItem.js';

/** What the PST worker hands the connector, one at a time. */
export type PstEvent =
  | { readonly type: 'store'; readonly passwordProtected: boolean; readonly unicode: boolean }
  | { readonly type: 'item'; readonly folder: string; readonly item: OutlookItem }
  | { readonly type: 'warning'; readonly folder: string; readonly item?: number; readonly message: string; readonly uncovered: boolean }
  | { readonly type: 'folder'; readonly folder: string; readonly declared: number; readonly read: number }
  | { readonly type: 'done' }
  | { readonly type: 'fatal'; readonly message: string };

/** MS-PST 2.4.1: the root folder, and the usual node of the IPM subtree ("Top of Personal Folders"). */
const NID_ROOT_FOLDER = 0x122;
const NID_IPM_SUBTREE = 0x8022;
/** MS-PST 2.2.2.1: NID types of folders and of search folders (views on items stored elsewhere). */
const NID_TYPE_SEARCH_FOLDER = 0x03;
/** PR_PST_PASSWORD (MS-PST 2.4.8.1): the CRC-32 of the store's password, 0 when it has none. */
const PR_PST_PASSWORD = 0x67ff;
/** The row property of a contents table that names the item's node id. */
const PR_LTP_ROW_ID = 0x67f2;

interface Row {
  readonly nid: number;
  readonly load: () => unknown;
}

/**
 * Every item of a PST/OST store, folder by folder, depth first. Items are listed from each folder's
 * contents table, not through pst-extractor's getNextChild: that stops at the declared count and
 * skips an unreadable item with a console line, both of which would lose items silently.
 *
 * Search folders (Search Root, "All Messages", Reminders, To-Do Search) are skipped: they are views
 * on items stored in other folders, and their declared counts are what made the sum of contentCount
 * twice the items read. Every other folder is compared with its own declared count (PR_CONTENT_COUNT).
 */
export function* walkPst(file: string, logged: string[]): Generator<PstEvent, void, undefined> {
  yield* withPst(file, function* (pst) {
    try {
      const store = pst.getMessageStore();
      const storeTable = store as unknown as { getIntItem(id: number): number };
      yield { type: 'store', passwordProtected: storeTable.getIntItem(PR_PST_PASSWORD) !== 0, unicode: pst.pstFileType !== 14 };
      const root = pst.getRootFolder();
      yield* walkFolder(pst, root, [], logged);
    } catch (err) {
      yield { type: 'fatal', message: `the store cannot be read (${errorText(err)})` };
    }
  });
}

/** Opens the store for `use` and closes it however `use` ends; a store that cannot be opened is one fatal event. */
function* withPst<E>(file: string, use: (pst: PSTFile) => Generator<E, void, undefined>): Generator<E | PstEvent, void, undefined> {
  let pst: PSTFile;
  try {
    pst = new PSTFile(file);
  } catch (err) {
    yield { type: 'fatal', message: openError(err) };
    return;
  }
  try {
    yield* use(pst);
  } finally {
    try {
      pst.close();
    } catch {
      // already closed or never fully opened
    }
  }
}

function* walkFolder(pst: PSTFile, folder: PSTFolder, path: string[], logged: string[]): Generator<PstEvent, void, undefined> {
  const name = path.join('/');
  const nid = Number(folder.descriptorNodeId);
  if ((nid & 0x1f) === NID_TYPE_SEARCH_FOLDER) return;
  logged.length = 0;
  let rows: Row[] = [];
  let declared = 0;
  try {
    declared = folder.contentCount;
    rows = contentRows(pst, folder);
  } catch (err) {
    yield { type: 'warning', folder: name, message: `folder cannot be read (${errorText(err)}); its items were not searched`, uncovered: true };
  }
  let read = 0;
  for (const row of rows) {
    logged.length = 0;
    let item: OutlookItem;
    try {
      const loaded = row.load();
      if (!isMessage(loaded)) continue;
      item = readPstItem(loaded);
    } catch (err) {
      yield { type: 'warning', folder: name, item: row.nid, message: `item cannot be read (${errorText(err)}); not searched`, uncovered: true };
      continue;
    }
    read++;
    const notes = logged.filter((line) => !/unknown message type/i.test(line));
    yield { type: 'item', folder: name, item: notes.length ? { ...item, problems: [...item.problems, ...notes] } : item };
  }
  yield { type: 'folder', folder: name, declared, read };

  let subfolders: PSTFolder[] = [];
  try {
    if (folder.hasSubfolders) subfolders = folder.getSubFolders();
  } catch (err) {
    yield { type: 'warning', folder: name, message: `subfolders cannot be listed (${errorText(err)}); they were not searched`, uncovered: true };
  }
  for (const sub of subfolders) {
    const subNid = Number(sub.descriptorNodeId);
    // The root and the IPM subtree carry no name a person sees: "Posteingang/Projekte", not "Top of Personal Folders/Posteingang/Projekte".
    const hidden = subNid === NID_IPM_SUBTREE || subNid === NID_ROOT_FOLDER;
    yield* walkFolder(pst, sub, hidden ? path : [...path, sub.displayName], logged);
  }
}

/** The folder's items by their contents table, or by the descriptor tree when the table is damaged. */
function contentRows(pst: PSTFile, folder: PSTFolder): Row[] {
  const internals = folder as unknown as {
    initEmailsTable(): void;
    emailsTable: { rowCount: number; getItems(start: number, count: number): Map<number, { entryValueReference: number }>[] } | null;
    fallbackEmailsTable: DescriptorIndexNode[] | null;
  };
  internals.initEmailsTable();
  const table = internals.emailsTable;
  if (table) {
    const rows: Row[] = [];
    for (let i = 0; i < table.rowCount; i++) {
      const nid = table.getItems(i, 1)[0]?.get(PR_LTP_ROW_ID)?.entryValueReference;
      if (nid === undefined) continue;
      rows.push({ nid, load: () => PSTUtil.detectAndLoadPSTObject(pst, pst.getDescriptorIndexNode(longOf(folder, nid))) });
    }
    return rows;
  }
  return (internals.fallbackEmailsTable ?? []).map((node) => ({ nid: node.descriptorIdentifier, load: () => PSTUtil.detectAndLoadPSTObject(pst, node) }));
}

/** pst-extractor wants its own `long` type for node ids; take its constructor from a value it made. */
function longOf(folder: PSTFolder, value: number): ReturnType<PSTFolder['descriptorNodeId']['add']> {
  const Long = folder.descriptorNodeId.constructor as unknown as { fromNumber(n: number): ReturnType<PSTFolder['descriptorNodeId']['add']> };
  return Long.fromNumber(value);
}

function isMessage(value: unknown): value is PSTMessage {
  return typeof value === 'object' && value !== null && 'messageClass' in value && !('contentCount' in value);
}

function openError(err: unknown): string {
  const text = errorText(err);
  if (/Invalid file header/i.test(text)) return 'not an Outlook data file (no PST/OST header)';
  if (/ENOENT/.test(text)) return 'file does not exist';
  return `cannot be opened as an Outlook data file: damaged or truncated (${text.replace(/: .*$/, '')})`;
}

/** The items with these node ids, in order (for originals); null where the store has no such item now. */
export function* readPstItems(file: string, nids: readonly number[]): Generator<PstEvent | { readonly type: 'missing'; readonly nid: number }, void, undefined> {
  yield* withPst(file, function* (pst): Generator<PstEvent | { readonly type: 'missing'; readonly nid: number }, void, undefined> {
    const root = pst.getRootFolder();
    for (const nid of nids) {
      try {
        const loaded: unknown = PSTUtil.detectAndLoadPSTObject(pst, pst.getDescriptorIndexNode(longOf(root, nid)));
        if (isMessage(loaded)) yield { type: 'item', folder: '', item: readPstItem(loaded) };
        else yield { type: 'missing', nid };
      } catch {
        yield { type: 'missing', nid };
      }
    }
  });
}
