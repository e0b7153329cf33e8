import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderScan } from '../../tests/integration/connectors/documents/renderScan.js';
import { type CommandResult, commandWorks, formatTable, runBenchmark, runCommand, writeResults } from '../measure.js';

/**
 * bench/ocr: `auskunft search` over a folder of scanned A4 pages (documents source, OCR on) against
 * the `tesseract` CLI (Debian tesseract-ocr-deu, same languages) reading the same pages one after
 * another, in one run. Prints seconds per page for both, their ratio, and Auskunft's peak RSS.
 * Goal (issue text): no slower than 1.5× the CLI, ≤ 3 s per A4 page at 150–300 dpi, on 2 cores.
 *
 *   npm run build && node --import tsx bench/ocr/run.ts [--pages 12]
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = join(REPO, 'bench', '.corpus', 'ocr');

const LETTER = [
  'Fluxpunkt GmbH, Zementwerk 1, 72622 Nürtingen',
  'Sehr geehrte Damen und Herren,',
  'hiermit bitte ich um Auskunft nach Art. 15 DSGVO über alle',
  'Daten, die Sie zu meiner Person gespeichert haben.',
  'Meine Kundennummer lautet K-10442, meine E-Mail-Adresse',
  'j.weiss@beispiel-gmbh.de, Telefon 0711 12345678.',
  'Bitte senden Sie die Auskunft an meine Postanschrift.',
  'Mit freundlichen Grüßen',
  'Jürgen Weiß',
];

/** The page mix of a scanning office: clean and crooked scans, phone photos, faxes. */
const LOOKS = [
  { name: 'sauber', ext: 'png', look: {} },
  { name: 'schief', ext: 'jpg', look: { rotate: 2, noise: true, blur: 1, quality: 70 } },
  { name: 'fax', ext: 'tif', look: { fax: true } },
  { name: 'foto', ext: 'jpg', look: { lowContrast: true, noise: true, blur: 1.2, quality: 70 } },
] as const;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { pages: { type: 'string', default: '12' } } });
  const pages = Number(values.pages);
  if (!(await commandWorks('tesseract', ['--version']))) throw new Error('the tesseract CLI is missing (apt-get install tesseract-ocr-deu)');
  rmSync(CORPUS, { recursive: true, force: true });
  const scans = join(CORPUS, 'scans');
  mkdirSync(scans, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < pages; i++) {
    const { name, ext, look } = LOOKS[i % LOOKS.length]!;
    const file = join(scans, `${String(i + 1).padStart(3, '0')}-${name}.${ext}`);
    renderScan(file, LETTER, look);
    files.push(file);
  }
  writeFileSync(join(CORPUS, 'register.yaml'), 'activities:\n  - id: letters\n    name: { de: Briefe, en: Letters }\n    purposes: [{ de: Bearbeitung, en: Handling }]\n    categories: [contact.name]\n    legalBasis: ["6(1)(b)"]\n    recipients: []\n    retention: { de: 6 Jahre, en: 6 years }\n    automatedDecisions: false\n    localCopy: true\ncategories:\n  - { id: contact.name, name: { de: Name, en: Name } }\n');
  writeFileSync(join(CORPUS, 'auskunft.yaml'), 'controller:\n  name: Bench GmbH\n  address: "Weg 1, 70173 Stuttgart"\n  email: datenschutz@bench.example\n  supervisoryAuthority: LfDI BW\nregister: register.yaml\nsources:\n  - { id: post, type: documents, path: scans/, activities: [letters] }\n');
  writeFileSync(join(CORPUS, 'subject.yaml'), 'name: Jürgen Weiß\nemails: [j.weiss@beispiel-gmbh.de]\nphones: ["0711 12345678"]\ncustomerIds: [K-10442]\n');

  // The CLI reads each page as a user would script it: one process per page, one after another.
  let cliSeconds = 0;
  let cliHits = 0;
  for (const file of files) {
    const r = await runCommand('tesseract', [file, '-', '-l', 'deu+eng'], { measureRss: true });
    if (r.exitCode !== 0) throw new Error(`tesseract ${file} failed: ${r.stderr.trim()}`);
    cliSeconds += r.wallSeconds;
    if (r.stdout.includes('K-10442')) cliHits++;
  }
  const out = join(CORPUS, 'findings.json');
  const auskunft: CommandResult = await runCommand(process.execPath, [join(REPO, 'bin', 'auskunft.js'), 'search', '--workspace', join(CORPUS, 'auskunft.yaml'), '--subject', join(CORPUS, 'subject.yaml'), '--out', out], { measureRss: true });
  if (auskunft.exitCode !== 0) throw new Error(`auskunft search failed: ${auskunft.stderr.trim()}`);
  const findings = (JSON.parse(readFileSync(out, 'utf8')) as { findings: { strength: string }[] }).findings;
  const strong = findings.filter((f) => f.strength === 'strong').length;

  const perPage = auskunft.wallSeconds / pages;
  const cliPerPage = cliSeconds / pages;
  process.stdout.write(
    `${formatTable(
      ['pages', 'tesseract s/page', 'auskunft s/page', 'ratio', 'peak RSS MB', 'found (auskunft)', 'K-10442 read (cli)'],
      [[String(pages), cliPerPage.toFixed(2), perPage.toFixed(2), (perPage / cliPerPage).toFixed(2), ((auskunft.peakRssKb ?? 0) / 1024).toFixed(0), `${strong}/${pages}`, `${cliHits}/${pages}`]],
    )}\n`,
  );
  process.stdout.write('auskunft s/page includes Node start-up and starting the OCR workers; the CLI pays its start-up per page.\n');
  writeResults(resolve(CORPUS, 'results.json'), [{ pages, cliSeconds, auskunftSeconds: auskunft.wallSeconds, peakRssKb: auskunft.peakRssKb, strong, cliHits }]);
  return 0;
}

runBenchmark('bench/ocr', main);
