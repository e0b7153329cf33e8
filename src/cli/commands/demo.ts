import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSubject } from '../../core/config/loadSubject.js';
import { writeFileAtomic } from '../../core/export/atomicWrite.js';
import { buildDossier } from '../../core/export/dossier.js';
import { runSearch } from '../../core/search/runSearch.js';
import { loadWorkspace } from '../../core/workspace/loadWorkspace.js';
import { printSummary, progressLine, say } from '../output.js';
import { exitCodeFor } from './search.js';

/** The bundled sample workspace: a small company's mail, CRM and web log, and one person to find. */
export const SAMPLE_DIR = fileURLToPath(new URL('../../../assets/sample/', import.meta.url));

/** `auskunft demo`: the whole job on the sample workspace, then where to look at the results. */
export async function demoCommand(args: { out: string }): Promise<number> {
  const workspace = loadWorkspace(join(SAMPLE_DIR, 'auskunft.yaml'));
  const { subject, query } = loadSubject(join(SAMPLE_DIR, 'subject.yaml'));
  say(`Auskunft demo: searching ${workspace.sources.length} sources of the sample workspace for ${subject.name ?? 'the sample person'} …`);
  const progress = progressLine();
  const result = await runSearch(workspace, subject, query, { onProgress: progress.update });
  progress.done();

  const out = resolve(args.out);
  await mkdir(out, { recursive: true });
  const findingsFile = join(out, 'findings.json');
  const dossierFile = join(out, 'dossier.json');
  await writeFileAtomic(findingsFile, `${JSON.stringify(result, null, 2)}\n`);
  const dossier = buildDossier(result, workspace.register, workspace.controller, 'de');
  await writeFileAtomic(dossierFile, `${JSON.stringify(dossier, null, 2)}\n`);

  printSummary(result);
  say('');
  for (const activity of dossier.activities.filter((a) => a.records.length)) {
    say(`  ${activity.name}: ${activity.records.length} record(s) — ${activity.legalBasis.join('; ')}`);
  }
  say(`  ${dossier.heldForReview} weak finding(s) (name only) held for review`);
  say('');
  say(`Findings: ${findingsFile}`);
  say(`Dossier:  ${dossierFile}`);
  say(`Sample workspace: ${SAMPLE_DIR}`);
  return exitCodeFor(result);
}
