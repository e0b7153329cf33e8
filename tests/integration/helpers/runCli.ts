import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { SearchResult } from '../../../src/shared/findings.js';

/** The repository root; the CLI under test is the compiled one (`npm run build`), exactly what users run. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Run `auskunft ARGS` as a user would, in `cwd`, with extra environment variables; `via` is a command
 * the CLI runs under (`['unshare', '-n', '--']`: without a network).
 */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; via?: readonly string[] } = {}): Promise<CliRun> {
  const [command, ...commandArgs] = [...(options.via ?? []), process.execPath, join(REPO_ROOT, 'bin', 'auskunft.js'), ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(command!, commandArgs, {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A fresh temp folder for one test. */
export function tempDir(prefix = 'auskunft-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write files (relative path → content) below `dir`, creating folders. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** A minimal register with one activity per kind of source, enough for search tests. */
export const TEST_REGISTER = `
activities:
  - id: contact-email
    name: { de: Kontaktaufnahme per E-Mail, en: Contact by email }
    purposes: [{ de: Bearbeitung Ihrer Anfrage, en: Handling your enquiry }]
    categories: [contact.name, contact.email, communication.content]
    legalBasis: ["6(1)(b)"]
    recipients: []
    retention: { de: Bis zum Ende gesetzlicher Aufbewahrungsfristen, en: Until statutory retention periods end }
    automatedDecisions: false
    localCopy: true
    sourceTypes: [mbox, eml, maildir, imap]
categories:
  - { id: contact.name, name: { de: Name, en: Name } }
  - { id: contact.email, name: { de: E-Mail-Adresse, en: Email address } }
  - { id: communication.content, name: { de: Inhalt der Kommunikation, en: Content of communication } }
`;

/** A register with one activity of contact email data, searched in sources of `sourceTypes`. */
export function oneActivityRegister(id: string, name: string, sourceTypes: readonly string[]): string {
  return `
activities:
  - id: ${id}
    name: ${name}
    purposes: [{ de: Bearbeitung Ihrer Anfrage, en: Handling your enquiry }]
    categories: [contact.email]
    legalBasis: ["6(1)(b)"]
    recipients: []
    retention: { de: Sechs Jahre, en: Six years }
    automatedDecisions: false
    localCopy: true
    sourceTypes: [${sourceTypes.join(', ')}]
categories:
  - { id: contact.email, name: { de: E-Mail-Adresse, en: Email address } }
`;
}

export const TEST_CONTROLLER = `controller:
  name: Firma GmbH
  address: "Musterweg 1, 72622 Nürtingen"
  email: datenschutz@firma.example
  supervisoryAuthority: "LfDI Baden-Württemberg, Lautenschlagerstraße 20, 70173 Stuttgart"
`;

/** Write a workspace with the given sources YAML and a subject, run `auskunft search`, parse the output. */
export async function searchWorkspace(dir: string, sourcesYaml: string, subjectYaml: string): Promise<CliRun & { result?: SearchResult }> {
  writeFiles(dir, {
    'register.yaml': TEST_REGISTER,
    'auskunft.yaml': `${TEST_CONTROLLER}register: register.yaml\nsources:\n${sourcesYaml}`,
    'subject.yaml': subjectYaml,
  });
  const out = join(dir, 'findings.json');
  const run = await runCli(['search', '--workspace', join(dir, 'auskunft.yaml'), '--subject', join(dir, 'subject.yaml'), '--out', out]);
  let result: SearchResult | undefined;
  try {
    result = JSON.parse(readFileSync(out, 'utf8')) as SearchResult;
  } catch {
    result = undefined;
  }
  return { ...run, result };
}

/** `auskunft case create` for the bundled sample workspace and subject in the case store `db`; its case id. */
export async function createSampleCase(db: string): Promise<string> {
  const sample = join(REPO_ROOT, 'assets', 'sample');
  const created = await runCli(['case', 'create', '--workspace', join(sample, 'auskunft.yaml'), '--subject', join(sample, 'subject.yaml'), '--received', '2026-01-31', '--db', db]);
  expect(created.code, created.stderr).toBe(0);
  return created.stdout.trim();
}

/**
 * The whole job through the CLI for the workspace `dir/auskunft.yaml` and subject `dir/subject.yaml`:
 * create a case (store `dir/cases.db`), search, include the strong findings, `decide` what else is
 * asked (each a `case decide` argument list), export to `dir/antwort` and verify it. The package folder.
 */
export async function exportCaseViaCli(dir: string, decide: readonly (readonly string[])[] = []): Promise<string> {
  const db = join(dir, 'cases.db');
  const run = async (args: readonly string[]) => {
    const r = await runCli([...args, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    return r;
  };
  const caseId = (await run(['case', 'create', '--workspace', join(dir, 'auskunft.yaml'), '--subject', join(dir, 'subject.yaml'), '--received', '2026-01-31'])).stdout.trim();
  await run(['case', 'search', caseId]);
  await run(['case', 'decide', caseId, '--strong', '--include']);
  for (const args of decide) await run(['case', 'decide', caseId, ...args]);
  const out = join(dir, 'antwort');
  await run(['export', caseId, '--out', out]);
  expect((await runCli(['verify', out])).code).toBe(0);
  return out;
}
