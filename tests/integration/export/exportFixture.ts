import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { REPO_ROOT, runCli, tempDir, writeFiles, type CliRun } from '../helpers/runCli.js';

/**
 * A copy of the sample workspace (assets/sample with its register) plus messages that exercise the
 * package: a hostile one whose subject and attachment names try to leave files/, and one with
 * Greek and Cyrillic names that the PDF font must carry.
 */
export function sampleWorkspace(): { dir: string; workspace: string; subject: string } {
  const root = tempDir('auskunft-export-');
  cpSync(join(REPO_ROOT, 'assets', 'sample'), join(root, 'sample'), { recursive: true });
  cpSync(join(REPO_ROOT, 'assets', 'register'), join(root, 'register'), { recursive: true });
  writeFiles(join(root, 'sample', 'mail', 'export'), {
    'hostile.eml': HOSTILE_EML,
    'international.eml': INTERNATIONAL_EML,
  });
  return { dir: root, workspace: join(root, 'sample', 'auskunft.yaml'), subject: join(root, 'sample', 'subject.yaml') };
}

const LONG_NAME = `${'Überlanger-Anhangname-'.repeat(20)}.pdf`;

const HOSTILE_EML = [
  'From: "Jürgen Weiß" <j.weiss@beispiel-gmbh.de>',
  'To: support@fluxpunkt.example',
  'Subject: ../../../../etc/passwd',
  'Date: Mon, 20 Jan 2025 10:00:00 +0100',
  'Message-ID: <hostile-names@fluxpunkt.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Anbei die Dateien.',
  '--b1',
  'Content-Type: text/plain; name="../../evil.sh"',
  'Content-Disposition: attachment; filename="../../evil.sh"',
  '',
  'echo pwned',
  '--b1',
  'Content-Type: text/plain',
  'Content-Disposition: attachment; filename="CON.txt"',
  '',
  'device name',
  '--b1',
  'Content-Type: application/octet-stream',
  'Content-Disposition: attachment; filename="C:\\Windows\\System32\\evil.dll"',
  'Content-Transfer-Encoding: base64',
  '',
  'TVqQAAMAAAAEAAAA',
  '--b1',
  'Content-Type: application/pdf',
  `Content-Disposition: attachment; filename="${LONG_NAME}"`,
  'Content-Transfer-Encoding: base64',
  '',
  'JVBERi0xLjQK',
  '--b1--',
  '',
].join('\r\n');

const INTERNATIONAL_EML = [
  'From: "Jürgen Weiß" <j.weiss@beispiel-gmbh.de>',
  'To: "Zoë Ødegård" <zoe@fluxpunkt.example>',
  'Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe_an_=D0=94=D0=BC=D0=B8=D1=82=D1=80=D0=B8=D0=B9?=',
  'Date: Tue, 21 Jan 2025 11:00:00 +0100',
  'Message-ID: <international@fluxpunkt.example>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Hallo Zoë Ødegård, bitte grüßen Sie Дмитрий und Σωκράτης von mir.',
  '',
].join('\r\n');

/** Create a case on a workspace through the CLI and search it; returns the case reference. */
export async function createSearchedCase(db: string, ws: { workspace: string; subject: string }, received = '2026-01-31'): Promise<string> {
  const created = await runCli(['case', 'create', '--workspace', ws.workspace, '--subject', ws.subject, '--received', received, '--db', db]);
  if (created.code !== 0) throw new Error(`case create failed: ${created.stderr}`);
  const caseId = created.stdout.trim();
  const searched = await runCli(['case', 'search', caseId, '--db', db]);
  if (searched.code !== 0) throw new Error(`case search failed: ${searched.stderr}`);
  return caseId;
}

/** `case show` as rows: id, strength, state, source, title. */
export async function showCase(db: string, caseId: string): Promise<{ id: string; strength: string; state: string; source: string; title: string }[]> {
  const shown = await runCli(['case', 'show', caseId, '--db', db]);
  return shown.stdout
    .trim()
    .split('\n')
    .map((line) => {
      const [id, strength, state, source, ...title] = line.split(/\s+/);
      return { id: id!, strength: strength!, state: state!, source: source!, title: title.join(' ') };
    });
}

export function expectOk(run: CliRun): CliRun {
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return run;
}

/**
 * The PDF's text as pdftotext extracts it (poppler): what a reader, and a redaction check, sees.
 * Whitespace runs (line and page breaks of the layout) are one space, so a sentence compares whole.
 */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).replace(/\s+/g, ' ');
}

/** Every file below a folder, as "/"-separated relative paths. */
export function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** A validator for one of the JSON Schemas in schemas/, with the two formats they use. */
export function schemaValidator(name: 'data' | 'manifest'): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  return ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as object);
}
