import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';
import type { Locator } from '../../../../shared/findings.js';
import type { OriginalContext, OriginalFile } from '../../connector.js';
import { MAX_MESSAGE_BYTES } from './mailLimits.js';
import { splitMbox, type MboxFormat } from './mboxSplitter.js';

/**
 * Reading one message back needs only its own bytes: read in small pieces, not the 1 MiB a full scan
 * uses, so that exporting thousands of messages from one mbox does not read gigabytes.
 */
const ORIGINAL_READ_CHUNK = 16 * 1024;

/** Header bytes looked at for the Message-ID; headers longer than this are malformed or hostile. */
const MAX_HEADER_BYTES = 256 * 1024;

/** The message at `locator.offset` of an mbox, if it is still the message that was found there. */
export async function readMboxOriginal(configuredPath: string, format: MboxFormat, locator: Locator, ctx: OriginalContext): Promise<OriginalFile | null> {
  if (locator.offset === undefined) return null;
  const file = ctx.resolvePath(configuredPath);
  try {
    for await (const message of splitMbox(file, format, ctx.signal, { start: locator.offset, chunkSize: ORIGINAL_READ_CHUNK })) {
      if (message.offset !== locator.offset || message.raw.length > MAX_MESSAGE_BYTES) return null;
      return sameMessage(message.raw, locator) ? { filename: emlName(locator), bytes: message.raw } : null;
    }
  } catch (err) {
    if (isMissingFile(err)) return null;
    throw err;
  }
  return null;
}

/**
 * The file of a one-message-per-file source (eml folder, maildir). The path must stay inside the
 * configured folder: a locator comes from the case store, and a tampered one must not make the export
 * ship an arbitrary file. A maildir renames a message when its flags change (`…:2,S` → `…:2,RS`) or
 * when it is read (`new/` → `cur/`); `maildir` follows that rename by the unique part of the name.
 */
export async function readFileMessageOriginal(configuredPath: string, locator: Locator, ctx: OriginalContext, maildir: boolean): Promise<OriginalFile | null> {
  if (locator.path === undefined) return null;
  const root = ctx.resolvePath(configuredPath);
  const file = ctx.resolvePath(locator.path);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;

  let candidates = [file];
  if (maildir) candidates = [file, ...(await renamedMaildirFiles(file))];
  for (const candidate of candidates) {
    const bytes = await readBounded(candidate);
    if (bytes && sameMessage(bytes, locator)) return { filename: emlName(locator), bytes };
  }
  return null;
}

async function readBounded(file: string): Promise<Buffer | null> {
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size > MAX_MESSAGE_BYTES) return null;
    return await readFile(file);
  } catch (err) {
    if (isMissingFile(err)) return null;
    throw err;
  }
}

/** Files in the maildir's `cur/` and `new/` with the same unique name before the `:2,` flags. */
async function renamedMaildirFiles(file: string): Promise<string[]> {
  const unique = basename(file).split(':')[0]!;
  const mailbox = dirname(dirname(file));
  const found: string[] = [];
  for (const folder of ['cur', 'new']) {
    const names = await readdir(join(mailbox, folder)).catch(() => [] as string[]);
    for (const name of names) if (name.split(':')[0] === unique && join(mailbox, folder, name) !== file) found.push(join(mailbox, folder, name));
  }
  return found;
}

/** Whether the bytes are the message the finding was made on: same Message-ID, when it had one. */
function sameMessage(raw: Buffer, locator: Locator): boolean {
  if (locator.messageId === undefined) return true;
  return messageIdOf(raw) === locator.messageId;
}

/** The Message-ID header (RFC 5322 §3.6.4) without angle brackets, from the unfolded header block. */
export function messageIdOf(raw: Buffer): string | undefined {
  const head = raw.subarray(0, Math.min(raw.length, MAX_HEADER_BYTES)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const headers = (end < 0 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const m = /^message-id:(.*)$/im.exec(headers);
  // The same normalization as the scanner's (scanMessage.ts), so that ids compare equal.
  const id = m?.[1]?.trim().replace(/^<|>$/g, '').trim();
  return id || undefined;
}

function emlName(locator: Locator): string {
  return `${locator.messageId ?? 'message'}.eml`;
}

function isMissingFile(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
