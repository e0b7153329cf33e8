import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Finding } from '../../../shared/findings.js';
import { OriginalNotKeptError, SourceError } from '../../connectors/connector.js';
import { MAX_MESSAGE_BYTES } from '../../connectors/common/mail/mailLimits.js';
import { splitMbox, type MboxFormat } from '../../connectors/common/mail/mboxSplitter.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Keychain } from '../ports.js';
import { keychainSecrets } from '../sources/secretResolver.js';

/**
 * HTML larger than this is not shown as HTML (the text view still shows the whole message): a
 * multi-megabyte newsletter would only slow the review screen down.
 */
export const MAX_HTML_CHARS = 5 * 1024 * 1024;

/** Reading one original back (an IMAP fetch) gives up after this long; the text view still works. */
const READ_ORIGINAL_TIMEOUT_MS = 20_000;

/** Source types whose locator names a file the message can be read back from. */
const FILE_MAIL_TYPES = new Set(['mbox', 'eml', 'maildir']);

/** Whether a finding's original message can be read back (from its file, or through its connector). */
export function hasLocalOriginal(finding: Finding, workspace: Workspace): boolean {
  const source = workspace.sources.find((s) => s.config.id === finding.source);
  if (finding.record?.kind !== 'mail' || !source) return false;
  return source.connector.readOriginal !== undefined || (FILE_MAIL_TYPES.has(source.config.type) && typeof finding.locator.path === 'string');
}

/**
 * The HTML part of a finding's original message, read back from its file, with `cid:` images turned
 * into `data:` URLs (mailparser does this). It is returned unsanitized: the renderer sanitizes it with
 * DOMPurify and shows it in a sandboxed iframe whose CSP loads nothing remote. The case store keeps
 * only the text: the HTML is read from the source on demand, so it is never copied into the store.
 */
export async function mailHtml(finding: Finding, workspace: Workspace, keychain: Keychain): Promise<string | null> {
  if (!hasLocalOriginal(finding, workspace)) return null;
  const source = workspace.sources.find((s) => s.config.id === finding.source)!;
  let raw: Buffer | undefined;
  if (source.connector.readOriginal) {
    // The connector knows how to find its record again (and checks it is still the same one).
    const original = await source.connector
      .readOriginal(source.config, finding.locator, {
        signal: AbortSignal.timeout(READ_ORIGINAL_TIMEOUT_MS),
        sourceId: source.config.id,
        resolvePath: (path) => resolve(workspace.dir, path),
        resolveSecret: keychainSecrets(keychain),
      })
      // A server that is down or renumbered its mailbox: the review shows the text the search kept.
      .catch((err: unknown) => {
        if (err instanceof SourceError || err instanceof OriginalNotKeptError) return null;
        throw err;
      });
    raw = original?.bytes;
  } else if (source.config.type === 'mbox') {
    const file = resolve(workspace.dir, finding.locator.path!);
    const format = ((source.config as { format?: MboxFormat }).format ?? 'mboxrd') as MboxFormat;
    for await (const message of splitMbox(file, format)) {
      if (message.offset === finding.locator.offset) {
        raw = message.raw;
        break;
      }
      if (message.offset > (finding.locator.offset ?? 0)) break;
    }
  } else {
    const file = resolve(workspace.dir, finding.locator.path!);
    const info = await stat(file).catch(() => undefined);
    if (info && info.size <= MAX_MESSAGE_BYTES) raw = await readFile(file);
  }
  if (!raw || raw.length > MAX_MESSAGE_BYTES) return null;
  // skipImageLinks stays off: it is what turns inline `cid:` parts into `data:` URLs.
  const parsed = await simpleParser(raw, { skipTextToHtml: true, skipTextLinks: true });
  const html = typeof parsed.html === 'string' ? parsed.html : null;
  return html && html.length <= MAX_HTML_CHARS ? html : null;
}
