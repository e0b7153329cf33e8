import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../src/core/export/dossier.js';
import type { SearchResult } from '../../../src/shared/findings.js';
import { runCli, tempDir } from '../helpers/runCli.js';

describe('auskunft demo (npm run demo)', () => {
  it('runs the whole job on the sample workspace and says where the results are', async () => {
    const out = join(tempDir(), 'demo');
    const run = await runCli(['demo', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Findings: ${join(out, 'findings.json')}`);
    expect(run.stderr).toContain(`Dossier:  ${join(out, 'dossier.json')}`);

    const result = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as SearchResult;
    expect(result.sources.map((s) => [s.id, s.status])).toEqual([
      ['archive', 'ok'],
      ['mails', 'ok'],
      ['crm', 'ok'],
      ['weblog', 'ok'],
      ['callerid', 'ok'],
    ]);
    const found = (source: string) => result.findings.filter((f) => f.source === source).map((f) => f.locator.messageId ?? f.locator.line);
    // The sample's encoding traps: encoded From, QP soft break, base64 phone, and a cp1252 name-only mail.
    expect(found('archive')).toEqual(['angebot-2025-01-13@beispiel-gmbh.de', 'qp-soft-break@fluxpunkt.example', 'b64-phone@fluxpunkt.example', 'cp1252-name@fluxpunkt.example']);
    expect(found('mails').sort()).toEqual(['forwarded-rfc822@fluxpunkt.example', 'html-only@fluxpunkt.example', 'text-attachment@fluxpunkt.example']);
    expect(found('crm')).toEqual([3]); // line 3: after the sep= and header lines
    expect(found('weblog')).toEqual([1, 3, 4]);
    expect(found('callerid')).toEqual([2]);
    expect(result.findings.find((f) => f.source === 'callerid')!.matches[0]).toMatchObject({ type: 'phoneHash' });

    const dossier = JSON.parse(readFileSync(join(out, 'dossier.json'), 'utf8')) as Dossier;
    expect(dossier.dataFound).toBe(true);
    expect(dossier.heldForReview).toBe(1);
    const mail = dossier.activities.find((a) => a.id === 'contact-email')!;
    expect(mail.records).toHaveLength(6);
    expect(mail.legalBasis).toContain('Art. 6 Abs. 1 lit. b DSGVO – Vertragserfüllung');
    expect(mail.purposes.length).toBeGreaterThan(0);
    expect(mail.retention).toBeTruthy();
    // Register-only activities are part of the answer even without a local copy (Art. 15(1)).
    const analytics = dossier.activities.find((a) => a.id === 'google-analytics')!;
    expect(analytics).toMatchObject({ localCopy: false, records: [] });
    expect(analytics.transfers[0]).toMatchObject({ country: 'US' });
  });
});
