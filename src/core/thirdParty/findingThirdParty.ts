import { simpleParser } from 'mailparser';
import type { Finding } from '../../shared/findings.js';
import { recordTexts } from '../../shared/recordFields.js';
import { OriginalNotKeptError, type Connector, type OriginalContext, type SourceBase } from '../connectors/connector.js';
import { AttachmentReadError, readAttachmentContent, type AttachmentContent, type AttachmentFile } from './attachmentContent.js';
import { attachmentHits, attachmentView, type AttachmentView, type ThirdPartyHit } from './attachmentView.js';
import type { ThirdPartyScanner } from './thirdPartyScan.js';

/** An attachment that could not be checked, named for the warning. */
export interface UncheckedAttachment {
  readonly name: string;
  readonly message: string;
}

/** What a finding holds of other people, and what could not be checked. */
export interface FindingThirdParty {
  readonly hits: ThirdPartyHit[];
  readonly attachments: AttachmentView[];
  readonly unchecked: UncheckedAttachment[];
}

/** A workspace source as far as reading an original back needs it. */
export interface OriginalSource {
  readonly config: SourceBase;
  readonly connector: Connector<SourceBase>;
}

export interface OriginalAccess {
  readonly sources: ReadonlyMap<string, OriginalSource>;
  readonly context: (sourceId: string) => OriginalContext;
}

/**
 * Another person's identifiers in a finding: in its record's texts (the body, headers, cells) and,
 * for a message with attachments, inside each attachment, read back from the source. An attachment
 * that cannot be read, or a message whose original is gone, is `unchecked`: nobody can say it is free
 * of other people's data, so it must not go out unseen.
 */
export async function findingThirdParty(finding: Finding, scanner: ThirdPartyScanner, access: OriginalAccess | null): Promise<FindingThirdParty> {
  const hits: ThirdPartyHit[] = [];
  for (const { field, text } of recordTexts(finding.record)) hits.push(...scanner.scan(text).map((s) => ({ field, ...s })));
  const listed = finding.record?.kind === 'mail' ? (finding.record.attachments ?? []) : [];
  if (listed.length === 0) return { hits, attachments: [], unchecked: [] };

  const names = listed.map((a) => a.filename ?? a.contentType).join(', ');
  let files: AttachmentFile[] | null;
  try {
    files = access ? await messageAttachments(finding, access) : null;
  } catch (err) {
    return { hits, attachments: [], unchecked: [{ name: names, message: `the message could not be read back to check its attachments (${err instanceof Error ? err.message : String(err)})` }] };
  }
  if (files === null) return { hits, attachments: [], unchecked: [{ name: names, message: 'the original message is no longer in its source; its attachments could not be checked' }] };
  const { attachments, unchecked } = await readAttachments(files);
  for (const { view, content } of attachments) hits.push(...attachmentHits(view, content, scanner));
  return { hits, attachments: attachments.map((a) => a.view), unchecked };
}

/** Each attachment read for its content; one that fails is named instead. */
export async function readAttachments(files: readonly AttachmentFile[]): Promise<{ attachments: { view: AttachmentView; content: AttachmentContent }[]; unchecked: UncheckedAttachment[] }> {
  const attachments: { view: AttachmentView; content: AttachmentContent }[] = [];
  const unchecked: UncheckedAttachment[] = [];
  for (const [index, file] of files.entries()) {
    const name = file.filename ?? file.contentType;
    try {
      const content = await readAttachmentContent(file);
      if (content.format !== 'binary') attachments.push({ view: attachmentView(index, name, content), content });
    } catch (err) {
      if (!(err instanceof AttachmentReadError)) throw err;
      unchecked.push({ name, message: err.message });
    }
  }
  return { attachments, unchecked };
}

/** A message's attachments from its original; null when the source no longer holds it. */
async function messageAttachments(finding: Finding, access: OriginalAccess): Promise<AttachmentFile[] | null> {
  const source = access.sources.get(finding.source);
  if (!source?.connector.readOriginal) return null;
  let original;
  try {
    original = await source.connector.readOriginal(source.config, finding.locator, access.context(finding.source));
  } catch (err) {
    if (err instanceof OriginalNotKeptError) return null;
    throw err;
  }
  if (!original) return null;
  const mail = await simpleParser(original.bytes, { skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true });
  return mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content }));
}
