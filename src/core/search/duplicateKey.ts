import { createHash } from 'node:crypto';
import type { Finding } from '../../shared/findings.js';

/**
 * The key under which findings that are the same piece of data fall together: the same mail read
 * from IMAP and from an mbox, from two folders, or from an archive and its backup. Null when the
 * finding must stand alone.
 *
 * A mail's key is its Message-ID plus a hash of its content as decoded (sender, recipients,
 * subject, date, body text, and each attachment's name, type and size). Transport headers
 * (Received, Return-Path, X-*, the mbox "From " line, IMAP flags) never enter the record, so the
 * copies of one mail agree however they were stored; two different mails that reuse a Message-ID
 * (broken clients) differ in content and stay apart, and a draft and its sent copy, which carry
 * different Message-IDs, stay apart too. Attachments count by size rather than bytes: an IMAP
 * search may never fetch a binary part that an mbox search reads.
 *
 * Any other record falls together only when it is identical in every field, title and date included
 * (conservative: two rows of different people never share one).
 */
export function duplicateKeyOf(finding: Pick<Finding, 'locator' | 'title' | 'date' | 'record'>): string | null {
  const record = finding.record;
  if (record === undefined) return null;
  if (record.kind === 'mail') {
    const messageId = finding.locator.messageId ?? null;
    // Without a Message-ID and without a date, two short mails ("Danke!") of one sender to one
    // recipient could be different mails with the same words.
    if (messageId === null && record.date === undefined) return null;
    const attachments = (record.attachments ?? []).map((a) => [a.filename ?? '', a.contentType.toLowerCase(), a.size]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const content = [record.from ?? '', record.to ?? '', record.cc ?? '', record.subject ?? '', record.date ?? '', normalizeText(record.text ?? ''), attachments];
    return `mail:${sha256(JSON.stringify([messageId, content]))}`;
  }
  return `${record.kind}:${sha256(JSON.stringify([finding.title, finding.date, record]))}`;
}

/** Line ends and trailing blanks differ between a server's copy and a file's (CRLF, mbox "From " quoting). */
function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/^>(>*From )/, '$1').trimEnd())
    .join('\n')
    .trim();
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
}
