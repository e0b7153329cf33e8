import type { ImapFlow, ListResponse } from 'imapflow';

/** A mailbox to search, as LIST + STATUS reported it before the scan started. */
export interface MailboxEntry {
  /**
   * The decoded name, e.g. `Entwürfe`. On the wire it is modified UTF-7 (`Entw&APw-rfe`,
   * RFC 3501 §5.1.3) unless the server enabled UTF8=ACCEPT; imapflow decodes it, and the locator
   * shows what the officer sees in a mail client.
   */
  readonly path: string;
  /** From STATUS; missing if the server would not answer it (the scan then learns it at SELECT). */
  readonly messages?: number;
  readonly uidNext?: number;
  readonly uidValidity?: bigint;
  readonly highestModseq?: bigint;
}

export interface MailboxListing {
  readonly mailboxes: MailboxEntry[];
  /** Configured names the server does not have (or cannot select): reported as not covered. */
  readonly missing: string[];
}

/**
 * The mailboxes a search covers: every selectable one for `all`, including nested (`Archiv/2023`)
 * and non-ASCII names, or the configured ones. `\Noselect` / `\NonExistent` entries (RFC 3501
 * §7.2.2, RFC 5258) are hierarchy nodes without messages of their own; their children are listed
 * separately. LIST-STATUS (RFC 5819) or one STATUS per mailbox gives the totals for progress.
 */
export async function listMailboxes(client: ImapFlow, wanted: 'all' | ReadonlyArray<string>): Promise<MailboxListing> {
  const listed = await client.list({ statusQuery: { messages: true, uidNext: true, uidValidity: true, highestModseq: true } });
  const selectable = listed.filter(isSelectable);
  if (wanted === 'all') return { mailboxes: selectable.map(toEntry), missing: [] };

  const byName = new Map(selectable.map((m) => [normalizeName(m.path), m] as const));
  const mailboxes: MailboxEntry[] = [];
  const missing: string[] = [];
  for (const name of new Set(wanted)) {
    const found = byName.get(normalizeName(name));
    if (found) mailboxes.push(toEntry(found));
    else missing.push(name);
  }
  return { mailboxes, missing };
}

function isSelectable(entry: ListResponse): boolean {
  for (const flag of entry.flags) {
    const f = flag.toLowerCase();
    if (f === '\\noselect' || f === '\\nonexistent') return false;
  }
  return true;
}

/** INBOX is case-insensitive (RFC 3501 §5.1); every other name is compared as written, in NFC. */
function normalizeName(name: string): string {
  const nfc = name.normalize('NFC');
  return /^inbox$/i.test(nfc) ? 'INBOX' : nfc;
}

function toEntry(entry: ListResponse): MailboxEntry {
  const status = entry.status;
  return {
    path: entry.path,
    messages: status?.messages,
    uidNext: status?.uidNext,
    uidValidity: status?.uidValidity,
    highestModseq: status?.highestModseq,
  };
}
