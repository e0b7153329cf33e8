import { resolve } from 'node:path';
import type { Finding } from '../../../shared/findings.js';
import { OriginalNotKeptError, SourceError } from '../../connectors/connector.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Keychain } from '../ports.js';
import { keychainSecrets } from '../sources/secretResolver.js';

/** Drawing one page gives up after this long; the review still shows the recognised text. */
const READ_PAGE_TIMEOUT_MS = 20_000;

/**
 * One OCR'd page of a scanned finding, read back from its source on demand, as a PNG `data:` URL.
 * The case store keeps only the text and the word boxes, never the image. Null when the finding was
 * not read by OCR on that page, or its source no longer holds the file.
 */
export async function scanPage(finding: Finding, workspace: Workspace, keychain: Keychain, page: number): Promise<{ image: string | null; scale: number }> {
  const none = { image: null, scale: 1 };
  const record = finding.record;
  const read = record?.kind === 'document' ? record.ocr?.find((p) => p.page === page) : undefined;
  const source = workspace.sources.find((s) => s.config.id === finding.source);
  if (!read || !source?.connector.readPageImage) return none;
  const result = await source.connector
    .readPageImage(source.config, finding.locator, page, read.rotation, {
      signal: AbortSignal.timeout(READ_PAGE_TIMEOUT_MS),
      sourceId: source.config.id,
      resolvePath: (path) => resolve(workspace.dir, path),
      resolveSecret: keychainSecrets(keychain),
    })
    .catch((err: unknown) => {
      if (err instanceof SourceError || err instanceof OriginalNotKeptError || (err instanceof Error && /^(ImageReadError|PdfReadError)$/.test(err.name))) return null;
      throw err;
    });
  return result ? { image: `data:image/png;base64,${result.png.toString('base64')}`, scale: result.scale } : none;
}
