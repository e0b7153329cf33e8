import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import libmime from 'libmime';
import { describe, expect, it } from 'vitest';
import { outlookConnector } from '../../../../src/core/connectors/outlook/outlookConnector.js';
import { strengthOf } from '../../../../src/core/identity/strengthOf.js';
import { collect, fileSearchContext, subjectQuery, tempDirForFile } from '../fileSearchContext.js';

/**
 * Equivalence with independent readers (Debian pst-utils and libemail-outlook-message-perl): every
 * address that `readpst -e -D -b` finds in an item of a fixture store, or `msgconvert` in a .msg,
 * must give Auskunft a strong finding for that same item (same folder and subject).
 */
const FIXTURES = join(import.meta.dirname, '../../../fixtures/outlook');
const STORES = readdirSync(FIXTURES).filter((name) => name.endsWith('.pst'));
const MESSAGES = readdirSync(FIXTURES).filter((name) => name.endsWith('.msg'));
const ADDRESS = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

interface ExportedItem {
  readonly folder: string;
  readonly subject: string;
  readonly addresses: Set<string>;
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesBelow(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * The text of an exported file with quoted-printable soft breaks joined, so no address is cut in two,
 * and without ids that only look like addresses: Message-IDs, Content-IDs and `cid:` links are no
 * personal data the mail scanner looks at (its SKIPPED_HEADERS).
 */
function exportedText(file: string): string {
  return readFileSync(file, 'latin1')
    .replace(/=\r?\n/g, '')
    .replace(/^(message-id|in-reply-to|references|content-id|x-ms-tnef-correlator):.*(\r?\n[ \t].*)*/gim, '')
    .replace(/cid:[^\s"'>]+/gi, '');
}

function exportedSubject(file: string, text: string): string {
  const header = /\.vcf$/.test(file) ? /^FN:(.*)$/m : /\.ics$/.test(file) ? /^SUMMARY:(.*)$/m : /^Subject: *(.*(?:\r?\n[ \t].*)*)/m;
  const raw = header.exec(text)?.[1] ?? '';
  return libmime.decodeWords(raw.replace(/\r?\n[ \t]/g, ' ')).replace(/\\,/g, ',').trim();
}

function readpstItems(store: string, out: string): ExportedItem[] {
  execFileSync('readpst', ['-e', '-D', '-b', '-q', '-o', out, store]);
  return filesBelow(out).map((file) => {
    const text = exportedText(file);
    const folder = relative(out, file).split(sep).slice(1, -1).join('/'); // without the store's name
    return { folder, subject: exportedSubject(file, text), addresses: new Set((text.match(ADDRESS) ?? []).map((a) => a.toLowerCase())) };
  });
}

describe('outlook source against readpst and msgconvert', () => {
  const dir = tempDirForFile('auskunft-outlook-eq-');

  for (const store of STORES) {
    it(`covers every item readpst finds an address in: ${store}`, async () => {
      const out = join(dir, basename(store, '.pst'));
      execFileSync('mkdir', ['-p', out]);
      const exported = readpstItems(join(FIXTURES, store), out);
      const addresses = new Set(exported.flatMap((item) => [...item.addresses]));
      const ctx = fileSearchContext(FIXTURES);
      if (!addresses.size) {
        // A store without addresses (PersonalStorage.pst holds empty folders): read without a gap.
        const { warnings } = await collect(outlookConnector.search({ id: 'o', type: 'outlook', path: store }, subjectQuery({ emails: ['nobody@example.org'] }), ctx));
        expect(warnings.filter((w) => w.uncovered)).toEqual([]);
        return;
      }
      const { findings } = await collect(outlookConnector.search({ id: 'o', type: 'outlook', path: store }, subjectQuery({ emails: [...addresses] }), ctx));
      for (const address of addresses) {
        // readpst names a contact by its display name and Auskunft by its subject: those compare by folder and count.
        const strong = findings.filter((f) => strengthOf(f.matches) === 'strong' && f.matches.some((m) => m.type === 'email' && m.value === address));
        const expected = exported.filter((item) => item.addresses.has(address));
        for (const folder of new Set(expected.map((item) => item.folder))) {
          const inFolder = expected.filter((item) => item.folder === folder);
          const found = strong.filter((f) => f.locator.folder === folder);
          expect(found.length, `${store} ${folder} ${address}`).toBeGreaterThanOrEqual(inFolder.length);
          if (!/Contacts/.test(folder)) {
            for (const item of inFolder) expect(found.map((f) => f.locator.subject), `${store} ${folder} ${address}`).toContain(item.subject);
          }
        }
      }
    }, 120_000);
  }

  it('covers every address msgconvert finds in a .msg', async () => {
    let converted = 0;
    for (const name of MESSAGES) {
      const copy = join(dir, name);
      copyFileSync(join(FIXTURES, name), copy);
      try {
        execFileSync('msgconvert', ['--outfile', `${copy}.eml`, copy], { stdio: 'ignore' });
      } catch {
        continue; // msgconvert fails on some code pages (CP50220); Auskunft's own tests cover those files
      }
      if (!statSync(`${copy}.eml`).size) continue;
      converted++;
      const addresses = [...new Set((exportedText(`${copy}.eml`).match(ADDRESS) ?? []).map((a) => a.toLowerCase()))];
      if (!addresses.length) continue;
      const { findings } = await collect(outlookConnector.search({ id: 'o', type: 'outlook', path: name }, subjectQuery({ emails: addresses }), fileSearchContext(FIXTURES)));
      expect(findings, name).toHaveLength(1);
      const found = new Set(findings[0]!.matches.filter((m) => m.type === 'email').map((m) => m.value));
      for (const address of addresses) expect([...found], `${name} ${address}`).toContain(address);
      expect(strengthOf(findings[0]!.matches), name).toBe('strong');
    }
    expect(converted).toBeGreaterThanOrEqual(6);
  }, 120_000);
});
