import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DerivedTextCache } from '../../../../src/core/connectors/connector.js';
import { documentsConnector } from '../../../../src/core/connectors/documents/documentsConnector.js';
import { strengthOf } from '../../../../src/core/identity/compileSubject.js';
import { collect, fileSearchContext, subjectQuery, tempDirForFile, type Collected } from '../fileSearchContext.js';
import { imagePdf, multiPageTiff, renderScan } from './renderScan.js';

/**
 * OCR in the documents source, on scans rendered here with ImageMagick and img2pdf the way scanners,
 * fax servers and phones spoil them, plus the project's three scan samples (another person).
 */

const SUBJECT = { name: 'Jürgen Weiß', emails: ['j.weiss@beispiel-gmbh.de'], phones: ['0711 12345678'], customerIds: ['K-10442'] };
const LETTER = ['Sehr geehrte Damen und Herren,', 'hiermit widerrufe ich meinen Vertrag.', 'Kundennummer: K-10442', 'E-Mail: j.weiss@beispiel-gmbh.de', 'Mit freundlichen Grüßen', 'Jürgen Weiß'];
const OTHER = ['Sehr geehrte Damen und Herren,', 'bitte senden Sie mir den Katalog.', 'Mit freundlichen Grüßen', 'Petra Hoffmann'];

const dir = tempDirForFile('auskunft-ocr-');
const folder = join(dir, 'scans');
const fixtures = new URL('../../../fixtures/scans/', import.meta.url);

let result: Collected;

function copyInto(from: URL, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}
let cache: Map<string, string>;

const config = documentsConnector.configSchema.parse({ id: 'scans', type: 'documents', path: 'scans/' });
const search = async (textCache?: DerivedTextCache, subject: Record<string, unknown> = SUBJECT) => {
  const ctx = { ...fileSearchContext(dir), ...(textCache && { textCache }) };
  return collect(documentsConnector.search(config, subjectQuery(subject), ctx));
};
const finding = (path: string) => result.findings.find((f) => f.locator.path === `scans/${path}`);
const types = (path: string) => finding(path)?.matches.map((m) => m.type).sort();

beforeAll(async () => {
  renderScan(join(folder, 'sauber.png'), LETTER);
  renderScan(join(folder, 'schief-verrauscht.jpg'), LETTER, { rotate: 2, noise: true, blur: 1, quality: 70 });
  renderScan(join(folder, 'fax.tif'), LETTER, { fax: true });
  renderScan(join(folder, 'handyfoto.jpg'), LETTER, { lowContrast: true, noise: true, blur: 1.2, quality: 70 });
  renderScan(join(folder, 'quer.png'), LETTER, { rotate: 90 });
  renderScan(join(dir, 'p1.png'), OTHER);
  renderScan(join(dir, 'p2.png'), LETTER);
  multiPageTiff(join(folder, 'zwei-seiten.tif'), [join(dir, 'p1.png'), join(dir, 'p2.png')]);
  imagePdf(join(folder, 'zwei-seiten.pdf'), [join(dir, 'p1.png'), join(dir, 'p2.png')]);
  renderScan(join(folder, 'fremd.png'), OTHER);
  // Look-alikes of every identifier, and a letter that names the subject only by name.
  renderScan(join(folder, 'aehnlich.png'), ['Kundennummer: K-104421', 'E-Mail: xj.weiss@beispiel-gmbh.de', 'Tel. 0711 123456789', 'Herr Weissenborn']);
  renderScan(join(folder, 'nur-name.png'), ['Sehr geehrte Damen und Herren,', 'anbei die Unterlagen.', 'Jürgen Weiß']);
  // OCR-style noise as a person would type it: the hyphen lost, a letter O for the digit zero.
  renderScan(join(folder, 'verrauscht.png'), ['Kd.-Nr. K10442', 'Rückruf unter 0711 1234567B']);
  for (const name of ['widerruf-scan.pdf', 'telefonnotiz-fax.tif', 'telefonnotiz.jpg']) copyInto(new URL(name, fixtures), join(folder, 'muster', name));
  cache = new Map();
  result = await search({ get: (k) => cache.get(k), set: (k, v) => void cache.set(k, v) });
}, 180_000);

describe('OCR of scanned documents', () => {
  it('reads a clean scan, a crooked noisy JPEG, a G4 fax, a faint phone photo and a sideways page', () => {
    for (const name of ['sauber.png', 'schief-verrauscht.jpg', 'fax.tif', 'handyfoto.jpg', 'quer.png']) {
      expect(types(name), name).toContain('customerId');
      expect(strengthOf(finding(name)!.matches), name).toBe('strong');
    }
    for (const name of ['sauber.png', 'fax.tif', 'handyfoto.jpg', 'quer.png']) expect(types(name), name).toContain('email');
    // On the crooked noisy scan OCR reads "j-weiss@…": a valid address of someone else, so no
    // tolerance may take it for "j.weiss@…". The customer number on the same page still finds it.
    expect((finding('schief-verrauscht.jpg')!.record as { text: string }).text).toContain('j-weiss@beispiel-gmbh.de');
    expect(types('schief-verrauscht.jpg')).not.toContain('email');
    const sideways = finding('quer.png')!.record as { ocr: { rotation: number }[] };
    expect([90, 270]).toContain(sideways.ocr[0]!.rotation);
  });

  it('marks the text as machine-read, names the match field ocr, and keeps the confidence and word boxes', () => {
    const scan = finding('sauber.png')!;
    expect(scan.locator).toEqual({ path: 'scans/sauber.png', page: 1 });
    expect(scan.record).toMatchObject({ kind: 'document', machineRead: true, pages: 1 });
    const email = scan.matches.find((m) => m.type === 'email')!;
    expect(email).toMatchObject({ field: 'ocr', value: 'j.weiss@beispiel-gmbh.de' });
    expect(email.confidence).toBeGreaterThanOrEqual(70);
    const [page] = (scan.record as { ocr: { boxes: { value: string; x0: number; x1: number }[]; width: number }[] }).ocr;
    const box = page!.boxes.find((b) => b.value === 'j.weiss@beispiel-gmbh.de')!;
    expect(box.x1).toBeGreaterThan(box.x0);
    expect(box.x1).toBeLessThanOrEqual(page!.width);
  });

  it('names the page of a two-page TIFF and of an image-only PDF where the subject appears', () => {
    expect(finding('zwei-seiten.tif')?.locator).toEqual({ path: 'scans/zwei-seiten.tif', page: 2 });
    expect(finding('zwei-seiten.pdf')?.locator).toEqual({ path: 'scans/zwei-seiten.pdf', page: 2 });
    expect(finding('zwei-seiten.pdf')!.record).toMatchObject({ pages: 2, machineRead: true });
  });

  it('tolerates a lost hyphen and a letter for a digit, and says so', () => {
    const noisy = finding('verrauscht.png')!;
    expect(noisy.matches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'customerId', value: 'K-10442', tolerant: true }),
        expect.objectContaining({ type: 'phone', value: '+4971112345678', tolerant: true }),
      ]),
    );
  });

  it('never admits look-alikes, and a name-only letter is weak', () => {
    expect(finding('aehnlich.png')).toBeUndefined();
    expect(finding('fremd.png')).toBeUndefined();
    expect(types('nur-name.png')).toEqual(['name']);
    expect(strengthOf(finding('nur-name.png')!.matches)).toBe('weak');
  });

  it('finds the samples of another person only for her, never for the subject', async () => {
    expect(result.findings.filter((f) => f.locator.path!.startsWith('scans/muster/'))).toEqual([]);
    const anna = await search({ get: (k) => cache.get(k), set: (k, v) => void cache.set(k, v) }, { name: 'Anna Schmidt', emails: ['anna.schmidt@example.net'], phones: ['0151 23456789', '030 5550123'], customerIds: ['K-55501'] });
    const paths = anna.findings.filter((f) => strengthOf(f.matches) === 'strong').map((f) => f.locator.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['scans/muster/telefonnotiz-fax.tif', 'scans/muster/telefonnotiz.jpg', 'scans/muster/widerruf-scan.pdf']));
  });

  it('reports each page as progress and stops when cancelled', async () => {
    const ctx = fileSearchContext(dir);
    const pages: string[] = [];
    const cancelling = { ...ctx, progress: (p: { detail?: string }) => {
      if (p.detail?.includes('Seite')) pages.push(p.detail);
      if (pages.length === 2) ctx.abort.abort();
    } };
    await expect(collect(documentsConnector.search(config, subjectQuery(SUBJECT), cancelling))).rejects.toThrow();
    expect(pages[0]).toMatch(/^scans\/.+, Seite 1\/\d+$/);
    expect(pages.length).toBeLessThan(6); // stopped within the pages already being read
  });

  it('keeps every page it read in the cache, so a second search does no OCR', async () => {
    expect(cache.size).toBeGreaterThanOrEqual(14);
    const reads: string[] = [];
    const again = await search({ get: (k) => (reads.push(k), cache.get(k)), set: () => expect.fail('a cached page was read again') });
    expect(new Set(reads).size).toBe(cache.size);
    expect(again.findings.map((f) => [f.locator, f.matches])).toEqual(result.findings.map((f) => [f.locator, f.matches]));
  });
});
