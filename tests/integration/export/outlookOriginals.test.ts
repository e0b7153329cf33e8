import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { exportCaseViaCli, oneActivityRegister, tempDir, TEST_CONTROLLER, writeFiles } from '../helpers/runCli.js';
import { schemaValidator } from './exportFixture.js';

/**
 * An `outlook` source end to end through the CLI: its items land in the package as `.eml` (a mail
 * from a PST and a .msg) and `.vcf` (a contact), the locators in data.json validate against
 * schemas/data.schema.json, and `auskunft verify` accepts the package.
 */
const FIXTURES = join(import.meta.dirname, '../../fixtures/outlook');

const REGISTER = oneActivityRegister('mail', '{ de: E-Mail, en: Email }', ['outlook']);

describe('outlook originals in the package', { timeout: 180_000 }, () => {
  it('ships items as .eml and contacts as .vcf, with locators the schema accepts', async () => {
    const dir = tempDir('auskunft-outlook-export-');
    writeFiles(dir, {
      'register.yaml': REGISTER,
      'auskunft.yaml': `${TEST_CONTROLLER}register: register.yaml\nsources:\n  - { id: outlook, type: outlook, path: outlook }\n`,
      'subject.yaml': 'emails: [BerthaABuell@armyspy.com, from@domain.com]\n',
    });
    mkdirSync(join(dir, 'outlook'));
    for (const name of ['SampleContacts.pst', 'WithEmbeddedMsg.msg']) copyFileSync(join(FIXTURES, name), join(dir, 'outlook', name));
    const out = await exportCaseViaCli(dir);

    const data = JSON.parse(readFileSync(join(out, 'data.json'), 'utf8')) as { items: { locator: Record<string, unknown>; files: { path: string; role: string }[] }[] };
    const validate = schemaValidator('data');
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    const contact = data.items.find((i) => i.locator.file === 'outlook/SampleContacts.pst')!;
    expect(contact.locator).toMatchObject({ folder: 'Contacts', item: expect.any(Number) });
    expect(contact.files.map((f) => f.role)).toEqual(['original']);
    expect(readFileSync(join(out, contact.files[0]!.path), 'utf8')).toMatch(/^BEGIN:VCARD[\s\S]*BerthaABuell@armyspy\.com/);
    const msg = data.items.find((i) => i.locator.file === 'outlook/WithEmbeddedMsg.msg')!;
    expect(msg.files[0]!.path).toMatch(/\.eml$/);
    const parsed = await simpleParser(readFileSync(join(out, msg.files[0]!.path)));
    expect(parsed.subject).toBe('Subj');
    expect(parsed.attachments.map((a) => a.contentType)).toContain('message/rfc822');
  });
});
