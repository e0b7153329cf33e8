import type { Connector } from '../connector.js';
import { checkFolder } from '../common/mail/folderSource.js';
import { scanPageImage } from './ocr/scanPage.js';
import { readDocumentOriginal } from './readDocumentOriginal.js';
import { searchDocuments } from './searchDocuments.js';
import { documentsConfigSchema, type DocumentsConfig } from './documentsConfig.js';

/**
 * A folder of letters and files: PDF, DOCX, TXT, EML and scans (JPEG, PNG, TIFF; PDF pages without a
 * text layer), scans read by OCR. One finding per document; locator `{ path }`, plus `page` for the
 * first page that concerns the subject.
 */
export const documentsConnector: Connector<DocumentsConfig> = {
  type: 'documents',
  configSchema: documentsConfigSchema,
  check: (config, ctx) => checkFolder(config.path, ctx),
  search: (config, subject, ctx) => searchDocuments(config.path, subject, ctx, { ocr: config.ocr !== false }),
  readOriginal: (config, locator, ctx) => readDocumentOriginal(config.path, locator, ctx),
  readPageImage: (config, locator, page, rotation, ctx) => scanPageImage(config.path, locator, page, rotation, ctx),
};
