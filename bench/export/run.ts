import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatTable, runCommand, type CommandResult } from '../measure.js';

/**
 * bench/export: `auskunft export` of a case with N included findings (mail, table rows, calls with
 * recordings, web-log lines) to the full package: PDF, data.json, files/, manifest, encrypted ZIP and
 * the internal report. Prints wall time and peak RSS per size, and the RSS ratio between sizes, which
 * shows whether memory stays flat. Goal (issue 5): 5,000 findings in < 15 s with flat memory.
 * It prints numbers, not verdicts: exit 0 unless the benchmark itself or the CLI failed.
 *
 *   npm run build && node --import tsx bench/export/run.ts [--sizes 1000,5000] [--keep]
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS_ROOT = join(REPO, 'bench', '.corpus');
const CLI = join(REPO, 'bin', 'auskunft.js');
const PASSWORD = 'Benchmark-Passwort 2026';

/** Shares of the findings per kind: what an officer at an IT service provider typically finds. */
const MIX = { mail: 0.4, row: 0.3, call: 0.15, log: 0.15 } as const;
/** Records about other people in each source, so the search also has to skip things. */
const NOISE_PER_MATCH = 1;

const SUBJECT = { name: 'Jürgen Weiß', email: 'j.weiss@beispiel-gmbh.de', phone: '+49 711 12345678', ip: '203.0.113.77' };

function registerYaml(): string {
  return readFileSync(join(REPO, 'assets', 'register', 'example.de.yaml'), 'utf8');
}

function workspaceYaml(): string {
  return `# Written by bench/export/run.ts
controller:
  name: Fluxpunkt GmbH
  address: "Zementwerk 1, 72622 Nürtingen"
  email: datenschutz@fluxpunkt.example
  supervisoryAuthority: "LfDI Baden-Württemberg, Lautenschlagerstraße 20, 70173 Stuttgart"
register: register.yaml
sources:
  - { id: archive, type: mbox, path: archive.mbox, activities: [contact-email] }
  - { id: crm, type: table, path: kunden.csv, activities: [orders] }
  - id: calls
    type: calls
    format: generic
    path: anrufe.csv
    columns: { number: Nummer, start: Beginn, duration: Dauer, direction: Richtung, name: Name }
    recordings: { folder: aufnahmen, column: Aufnahme }
    activities: [contact-phone]
  - { id: weblog, type: weblog, path: access.log, activities: [web-logs] }
`;
}

/** Write the corpus for `n` findings; returns the workspace folder. Deterministic, so runs compare. */
function generateCorpus(n: number): string {
  const dir = join(CORPUS_ROOT, `export-${n}`);
  if (existsSync(join(dir, 'auskunft.yaml'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'aufnahmen'), { recursive: true });
  const count = (share: number) => Math.round(n * share);
  const text = (i: number) =>
    `Guten Tag,\n\nzu Ihrer Anfrage ${i}: die Telefonanlage wird am Montag geprüft. Rückfragen bitte an unseren Support.\n` +
    `${'Mit diesem Absatz ist die Nachricht so lang wie eine übliche Geschäftsmail mit Signatur und Zitat. '.repeat(4)}\n\nMit freundlichen Grüßen\nFluxpunkt Support\n`;

  const mbox: string[] = [];
  for (let i = 0; i < count(MIX.mail) * (1 + NOISE_PER_MATCH); i++) {
    const mine = i % (1 + NOISE_PER_MATCH) === 0;
    const to = mine ? `"${SUBJECT.name}" <${SUBJECT.email}>` : `"Erika Muster" <erika${i}@muster.example>`;
    mbox.push(
      [
        `From support@fluxpunkt.example Mon Jan 20 10:${String(i % 60).padStart(2, '0')}:00 2025`,
        'From: "Fluxpunkt Support" <support@fluxpunkt.example>',
        `To: ${to}`,
        `Subject: Ihre Anfrage Nr. ${i}`,
        `Message-ID: <bench-${i}@fluxpunkt.example>`,
        'Date: Mon, 20 Jan 2025 10:00:00 +0100',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        text(i),
      ].join('\n'),
    );
  }
  writeFileSync(join(dir, 'archive.mbox'), `${mbox.join('\n')}\n`);

  const rows = ['Kundennummer;Vorname;Nachname;Firma;Telefon;E-Mail;Notiz'];
  for (let i = 0; i < count(MIX.row) * (1 + NOISE_PER_MATCH); i++) {
    const mine = i % (1 + NOISE_PER_MATCH) === 0;
    rows.push(mine ? `K-${10000 + i};Jürgen;Weiß;Beispiel GmbH;0711 12345678;${SUBJECT.email};Bestellung ${i}, Lieferung an Werk 2` : `K-${10000 + i};Erika;Muster;Muster AG;0711 765${String(i).padStart(4, '0')};erika${i}@muster.example;`);
  }
  writeFileSync(join(dir, 'kunden.csv'), `${rows.join('\n')}\n`);

  const calls = ['Beginn;Richtung;Nummer;Name;Dauer;Aufnahme'];
  for (let i = 0; i < count(MIX.call) * (1 + NOISE_PER_MATCH); i++) {
    const mine = i % (1 + NOISE_PER_MATCH) === 0;
    const recording = mine ? `anruf-${i}.wav` : '';
    if (recording) writeFileSync(join(dir, 'aufnahmen', recording), Buffer.alloc(16 * 1024, i % 251));
    calls.push(`2025-01-${String((i % 28) + 1).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00;eingehend;${mine ? '0711 12345678' : `0711 7654${String(i).padStart(4, '0')}`};${mine ? 'Beispiel GmbH' : 'Muster AG'};0:0${i % 10};${recording}`);
  }
  writeFileSync(join(dir, 'anrufe.csv'), `${calls.join('\n')}\n`);

  const log: string[] = [];
  for (let i = 0; i < count(MIX.log) * (1 + NOISE_PER_MATCH); i++) {
    const ip = i % (1 + NOISE_PER_MATCH) === 0 ? SUBJECT.ip : `198.51.100.${i % 250}`;
    log.push(`${ip} - - [13/Jan/2025:09:${String(i % 60).padStart(2, '0')}:11 +0100] "GET /seite/${i} HTTP/1.1" 200 5120 "https://www.fluxpunkt.example/" "Mozilla/5.0 (X11; Linux x86_64)"`);
  }
  writeFileSync(join(dir, 'access.log'), `${log.join('\n')}\n`);

  writeFileSync(join(dir, 'register.yaml'), registerYaml());
  writeFileSync(join(dir, 'subject.yaml'), `name: ${SUBJECT.name}\nemails: [${SUBJECT.email}]\nphones: ["${SUBJECT.phone}"]\nips: [${SUBJECT.ip}]\n`);
  writeFileSync(join(dir, 'auskunft.yaml'), workspaceYaml());
  return dir;
}

async function cli(args: string[], env: NodeJS.ProcessEnv = {}, measureRss = false): Promise<CommandResult> {
  const result = await runCommand(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, measureRss, timeoutMs: 15 * 60_000 });
  if (result.exitCode !== 0 && result.exitCode !== 3) throw new Error(`auskunft ${args[0]} failed (${result.exitCode}): ${result.stderr.trim()}`);
  return result;
}

interface Row {
  readonly size: number;
  readonly included: number;
  readonly search: CommandResult;
  readonly exported: CommandResult;
  readonly pages: string;
  readonly files: string;
  readonly zipMb: string;
}

async function measure(size: number): Promise<Row> {
  const dir = generateCorpus(size);
  const work = join(dir, 'run');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const db = join(work, 'cases.db');
  const created = await cli(['case', 'create', '--workspace', join(dir, 'auskunft.yaml'), '--subject', join(dir, 'subject.yaml'), '--received', '2026-01-31', '--db', db]);
  const caseId = created.stdout.trim();
  const search = await cli(['case', 'search', caseId, '--db', db], {}, true);
  await cli(['case', 'decide', caseId, '--strong', '--include', '--db', db]);
  const out = join(work, 'antwort');
  const exported = await cli(['export', caseId, '--out', out, '--password-env', 'BENCH_ZIP_PASSWORD', '--db', db], { BENCH_ZIP_PASSWORD: PASSWORD }, true);
  const report = JSON.parse(readFileSync(join(out, 'intern', 'Bericht-intern.json'), 'utf8')) as { counts: { included: number }; package: { pdf: { pages: number } }; files: { shipped: number } };
  const zipBytes = readFileSync(join(out, 'Auskunft.zip')).length;
  return {
    size,
    included: report.counts.included,
    search,
    exported,
    pages: String(report.package.pdf.pages),
    files: String(report.files.shipped),
    zipMb: (zipBytes / 1024 / 1024).toFixed(1),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,5000' }, keep: { type: 'boolean', default: false } } });
  const sizes = values.sizes.split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
  if (!existsSync(join(REPO, 'dist', 'cli', 'main.js'))) throw new Error('run `npm run build` first');
  const rows: Row[] = [];
  for (const size of sizes) {
    process.stderr.write(`export benchmark: ${size} findings …\n`);
    rows.push(await measure(size));
  }
  const mb = (kb: number | undefined) => (kb === undefined ? 'n/a' : (kb / 1024).toFixed(0));
  console.log(
    formatTable(
      ['findings', 'included', 'search s', 'export s', 'export CPU s', 'export peak RSS MB', 'PDF pages', 'files', 'zip MB'],
      rows.map((r) => [
        String(r.size),
        String(r.included),
        r.search.wallSeconds.toFixed(1),
        r.exported.wallSeconds.toFixed(1),
        r.exported.userSeconds === undefined ? 'n/a' : (r.exported.userSeconds + (r.exported.systemSeconds ?? 0)).toFixed(1),
        mb(r.exported.peakRssKb),
        r.pages,
        r.files,
        r.zipMb,
      ]),
    ),
  );
  const [first, last] = [rows[0], rows.at(-1)];
  if (first && last && first !== last && first.exported.peakRssKb && last.exported.peakRssKb) {
    console.log(
      `\n${last.size / first.size}x the findings: ${(last.exported.wallSeconds / first.exported.wallSeconds).toFixed(2)}x the time, ` +
        `${(last.exported.peakRssKb / first.exported.peakRssKb).toFixed(2)}x the peak RSS (flat memory: close to 1).`,
    );
  }
  console.log(`goal: ${rows.find((r) => r.size === 5000) ? `5,000 findings exported in ${rows.find((r) => r.size === 5000)!.exported.wallSeconds.toFixed(1)} s (goal < 15 s)` : 'run with --sizes including 5000'}`);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`load average while measuring: ${load} (on ${(await import('node:os')).cpus().length} cores; other processes slow the numbers down)`);
  if (!values.keep) for (const r of rows) rmSync(join(CORPUS_ROOT, `export-${r.size}`, 'run'), { recursive: true, force: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench/export: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
