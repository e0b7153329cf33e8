import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppService } from '../../../src/core/app/index.js';
import type { ApiInput, ApiMethodName, ApiOutput } from '../../../src/shared/api.js';
import { callApi, copySampleWorkspace, searchedSampleCase, startSampleApp, stopSampleApp } from './sampleApp.js';

/** The letter's limits through the API the renderer uses: activity override, "keine Daten", the intern folder, the late extension. */
describe('letter limits through the application service', { timeout: 120_000 }, () => {
  let dir: string;
  let app: AppService;
  let now: Date;
  const call = <M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => callApi(app, method, input);

  beforeEach(() => {
    dir = copySampleWorkspace('auskunft-limits-');
    now = new Date('2026-02-10T10:00:00Z');
    app = startSampleApp(dir, { dbKey: 'limits-key', now: () => now, emit: () => undefined });
  });
  afterEach(() => stopSampleApp(app, dir));

  it('overrides a finding\'s activity, confirms an unsearched activity, and writes the internal report beside the package', async () => {
    const caseId = await searchedSampleCase(app);
    const list = await call('review.list', { caseId, lang: 'de' });
    const mail = list.rows.find((r) => r.kind === 'mail' && r.strength === 'strong')!;
    await call('review.decide', { caseId, findingIds: [mail.id], decision: 'include', reason: null });
    const detail = await call('review.setActivities', { caseId, findingId: mail.id, activities: ['orders'], lang: 'de' });
    expect(detail).toMatchObject({ activitiesOverridden: true, finding: { activities: ['orders'] } });
    expect((await call('review.list', { caseId, lang: 'de' })).rows.find((r) => r.id === mail.id)!.activities).toEqual(['orders']);
    await expect(call('review.setActivities', { caseId, findingId: mail.id, activities: ['nope'], lang: 'de' })).rejects.toThrow(/unknown activity nope/);

    const preview = await call('exports.preview', { caseId });
    expect(preview.unsearched.map((a) => a.id)).toContain('contact-letter');
    const confirmed = await call('exports.confirmNoData', { caseId, activityIds: ['contact-letter'] });
    expect(confirmed.unsearched.find((a) => a.id === 'contact-letter')).toMatchObject({ confirmed: true });

    const started = await call('exports.start', { caseId, lang: 'de', password: null, acceptUndecided: true });
    await app.idle();
    const status = (await call('exports.status', { exportId: started.exportId }))!;
    expect(status.state, status.error ?? '').toBe('done');
    expect(status.internPath).toBe(`${status.path}.intern`);
    expect(status.files.some((f) => f.name.startsWith('intern'))).toBe(false);
    expect(existsSync(join(status.internPath!, 'Bericht-intern.json'))).toBe(true);
    expect(status.summary!.notSearched).not.toContain('contact-letter');
    const data = JSON.parse(readFileSync(join(status.path!, 'data.json'), 'utf8')) as { items: { id: string; activities: string[] }[] };
    expect(data.items.find((i) => i.id === mail.id)!.activities).toEqual(['orders']);
  });

  it('refuses an extension after the first month, and the deadline stays', async () => {
    const created = await call('cases.create', { receivedOn: '2026-01-05', subject: { name: 'X Y', emails: ['x@example.org'], phones: [], customerIds: [], ips: [], otherIds: [] }, identityVerification: { method: 'knownContact', note: '' } });
    await expect(call('cases.extend', { caseId: created.id, reason: 'zu spät', reasonCodes: ['many-systems'], lang: 'de' })).rejects.toThrow(/ended on 2026-02-05.*deadline stays 2026-02-05/);
    expect((await call('cases.get', { caseId: created.id, lang: 'de' })).effectiveDueOn).toBe('2026-02-05');
  });
});
