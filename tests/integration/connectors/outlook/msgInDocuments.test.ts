import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentsConnector } from '../../../../src/core/connectors/documents/documentsConnector.js';
import { collect, fileSearchContext, subjectQuery, tempDirForFile } from '../fileSearchContext.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/outlook');

describe('.msg files in a documents folder', () => {
  const dir = tempDirForFile('auskunft-msg-docs-');
  mkdirSync(join(dir, 'ablage'));
  copyFileSync(join(FIXTURES, 'WithEmbeddedMsg.msg'), join(dir, 'ablage/weitergeleitet.msg'));
  writeFileSync(join(dir, 'ablage/kaputt.msg'), 'keine Outlook-Datei');
  const config = { id: 'docs', type: 'documents' as const, path: 'ablage' };

  it('are searched like Outlook items, embedded messages included, and broken ones are named', async () => {
    const { findings, warnings } = await collect(documentsConnector.search(config, subjectQuery({ emails: ['from@domain.com'] }), fileSearchContext(dir)));
    expect(findings.map((f) => f.locator)).toEqual([{ path: 'ablage/weitergeleitet.msg' }]);
    expect(findings[0]!.matches.map((m) => m.field)).toContain('attachment:Weekly report.eml:from');
    expect(warnings).toEqual([expect.objectContaining({ locator: { path: 'ablage/kaputt.msg' }, uncovered: true, message: expect.stringMatching(/Outlook \.msg/) })]);
  });

  it('ship the .msg itself as the original, with its text for the redaction check', async () => {
    const original = await documentsConnector.readOriginal!(config, { path: 'ablage/weitergeleitet.msg' }, fileSearchContext(dir));
    expect(original!.filename).toBe('weitergeleitet.msg');
    expect((await original!.searchable!()).join('\n')).toMatch(/from@test\.com[\s\S]*This is a message body/);
  });
});
