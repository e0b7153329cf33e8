import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchApiCall, type AppService } from '../../../src/core/app/index.js';
import type { ApiEvent, ApiInput, ApiMethodName, ApiOutput } from '../../../src/shared/api.js';
import { SAMPLE_SUBJECT as SUBJECT, callApi, copySampleWorkspace, searchedSampleCase, stopSampleApp, startSampleApp } from './sampleApp.js';

describe('the application service over a real case store and the sample workspace', () => {
  let dir: string;
  let app: AppService;
  let events: ApiEvent[];
  let now: Date;
  const call = <M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => callApi(app, method, input);
  const start = () => startSampleApp(dir, { dbKey: 'integration-key', now: () => now, emit: (e) => events.push(e) });

  beforeEach(() => {
    dir = copySampleWorkspace('auskunft-app-');
    events = [];
    now = new Date('2026-02-10T10:00:00Z');
    app = start();
  });
  afterEach(() => stopSampleApp(app, dir));
  const searchedCase = () => searchedSampleCase(app);

  it('computes deadlines and warnings, and extends with a drafted notice', async () => {
    const created = await call('cases.create', { receivedOn: '2026-01-31', subject: SUBJECT, identityVerification: { method: 'callback', note: 'Rückruf' } });
    expect(created).toMatchObject({ dueOn: '2026-02-28', effectiveDueOn: '2026-02-28', daysLeft: 18, warning: null, status: 'open' });
    now = new Date('2026-02-25T10:00:00Z');
    expect((await call('cases.get', { caseId: created.id, lang: 'de' })).warning).toBe('dueSoon');
    const extended = await call('cases.extend', { caseId: created.id, reason: 'Sehr viele Systeme', lang: 'de' });
    expect(extended.extension).toMatchObject({ until: '2026-04-28', reason: 'Sehr viele Systeme' });
    expect(extended.extension!.notice).toContain('28.04.2026');
    await expect(call('cases.extend', { caseId: created.id, reason: 'noch einmal', lang: 'de' })).rejects.toThrow(/already extended/);
    now = new Date('2026-05-01T10:00:00Z');
    expect((await call('cases.list', {}))[0]).toMatchObject({ warning: 'overdue', daysLeft: -3 });
    expect(events.some((e) => e.type === 'cases')).toBe(true);
  });

  it('refuses a request from the future and an identifier that cannot be searched for', async () => {
    await expect(call('cases.create', { receivedOn: '2026-03-01', subject: SUBJECT, identityVerification: { method: 'knownContact', note: '' } })).rejects.toThrow(/future/);
    await expect(call('cases.create', { receivedOn: '2026-02-01', subject: { phones: ['12345678'] }, identityVerification: { method: 'knownContact', note: '' } })).rejects.toThrow();
  });

  it('checks and records a subject at entry: normal forms, merges, the controller\'s role addresses, per-identifier verification, an open case for the same person', async () => {
    const subject = { name: 'Jürgen Weiß', emails: ['J.Weiss@Beispiel-GmbH.de', 'j.weiss@beispiel-gmbh.de', 'support@fluxpunkt.example'], phones: [], customerIds: [' K-10442 '], ips: ['2001:0db8::0007'], otherIds: [] };
    const check = await call('cases.checkSubject', { subject, identityVerification: null });
    expect(check.identifiers.map((i) => [i.type, i.value, i.written.length])).toEqual([
      ['name', 'Jürgen Weiß', 1],
      ['email', 'j.weiss@beispiel-gmbh.de', 2],
      ['email', 'support@fluxpunkt.example', 1],
      ['customerId', 'K-10442', 1],
      ['ip', '2001:db8::7', 1],
    ]);
    expect(check.warnings.filter((w) => w.kind !== 'unverified').map((w) => [w.kind, w.value])).toEqual([['controller-address', 'support@fluxpunkt.example']]);

    const created = await call('cases.create', { receivedOn: '2026-02-01', subject, identityVerification: { method: 'customerAccount', note: 'Kundenkonto', identifiers: ['K-10442', 'J.WEISS@beispiel-gmbh.de'] } });
    expect(created.subject).toMatchObject({ emails: ['j.weiss@beispiel-gmbh.de', 'support@fluxpunkt.example'], customerIds: ['K-10442'], ips: ['2001:db8::7'] });
    expect(created.identifiers.filter((i) => i.verification).map((i) => [i.value, i.verification!.method])).toEqual([
      ['j.weiss@beispiel-gmbh.de', 'customerAccount'],
      ['K-10442', 'customerAccount'],
    ]);
    expect(created.identifierWarnings.map((w) => [w.kind, w.value])).toEqual([
      ['controller-address', 'support@fluxpunkt.example'],
      ['unverified', 'support@fluxpunkt.example'],
      ['unverified', '2001:db8::7'],
    ]);
    const again = await call('cases.checkSubject', { subject: { emails: ['j.weiss@beispiel-gmbh.de'], phones: [], customerIds: [], ips: [], otherIds: [] }, identityVerification: null });
    expect(again.warnings).toContainEqual(expect.objectContaining({ kind: 'open-case', caseId: created.id, value: 'j.weiss@beispiel-gmbh.de' }));
  });

  it('searches with progress events, then reviews: decisions, redactions, audit log', async () => {
    const caseId = await searchedCase();
    const status = await call('search.status', { caseId });
    expect(status!.state).toBe('done');
    expect(status!.sources.every((s) => s.state === 'ok')).toBe(true);
    expect(events.filter((e) => e.type === 'search').length).toBeGreaterThan(1);
    expect((await call('cases.get', { caseId, lang: 'de' })).status).toBe('review');

    const list = await call('review.list', { caseId, lang: 'de' });
    expect(list.rows.length).toBeGreaterThanOrEqual(7);
    expect(list.rows.every((r) => r.decision === 'open')).toBe(true);
    expect(list.categories.find((c) => c.id === 'contact.email')?.name).toBe('E-Mail-Adresse');
    const mail = list.rows.find((r) => r.title === 'Rueckmeldung Kunde')!;

    const detail = await call('review.detail', { caseId, findingId: mail.id, lang: 'de' });
    expect(detail.kind).toBe('mail');
    // The sender is the company's own mailbox (fluxpunkt.example is the controller's domain): no third party.
    expect(detail.suggestions.map((s) => s.text)).not.toContain('max.agent@fluxpunkt.example');
    expect(detail.thirdParty).toEqual({ flagged: false, unchecked: [] });


    const redacted = await call('review.redact', { caseId, findingId: mail.id, redactions: [{ text: 'max agent', reason: 'Art. 15(4): Mitarbeiter' }], lang: 'de' });
    expect(redacted.decision.state).toBe('redact');
    expect(redacted.marks.map((m) => m.field)).toContain('from');
    await expect(call('review.redact', { caseId, findingId: mail.id, redactions: [{ text: 'nicht im Text', reason: 'Art. 15(4)' }], lang: 'de' })).rejects.toThrow(/does not contain/);
    // A redaction put on by mistake is taken back; the other one stays.
    const mistaken = await call('review.redact', { caseId, findingId: mail.id, redactions: [{ text: 'Kunde', reason: 'Art. 15(4): versehentlich' }], lang: 'de' });
    const wrong = mistaken.decision.redactions.find((r) => r.text === 'Kunde')!;
    await expect(call('review.unredact', { caseId, findingId: list.rows.find((r) => r.id !== mail.id)!.id, redactionId: wrong.id, lang: 'de' })).rejects.toThrow(/has no redaction/);
    const undone = await call('review.unredact', { caseId, findingId: mail.id, redactionId: wrong.id, reason: 'kein Dritter', lang: 'de' });
    expect(undone.decision.redactions.map((r) => r.text)).toEqual(['max agent']);
    expect(undone.decision.state).toBe('redact');
    await expect(call('review.unredact', { caseId, findingId: mail.id, redactionId: wrong.id, lang: 'de' })).rejects.toThrow(/has no redaction/);

    const excluded = await call('review.decide', { caseId, findingIds: [list.rows[0]!.id], decision: 'exclude', reason: 'betrifft jemand anderen' });
    expect(excluded[0]).toMatchObject({ state: 'exclude', reason: 'betrifft jemand anderen' });
    const rejected = await dispatchApiCall(app.handlers, 'review.decide', { caseId, findingIds: [list.rows[0]!.id], decision: 'exclude', reason: null });
    expect(rejected).toMatchObject({ ok: false, error: { name: 'InvalidInput' } });

    const audit = await call('review.audit', { caseId });
    expect(audit.map((e) => e.action)).toEqual(['case.created', 'search.recorded', 'case.statusChanged', 'finding.redacted', 'finding.decided', 'finding.redacted', 'finding.unredacted', 'finding.decided']);
    expect(audit.every((e) => e.actor === 'tester')).toBe(true);
    // The log keeps a hash of the redacted text, never the text.
    expect(JSON.stringify(audit)).not.toMatch(/max agent/i);

    const overview = await call('overview.get', { caseId, lang: 'de' });
    expect(overview.total).toBe(list.rows.length);
    expect(overview.byDecision.find((d) => d.key === 'redact')?.count).toBe(1);

    // A mail whose CSV attachment lists another customer: flagged, read back as text, the row suggested,
    // and a redaction of text that only the attachment holds is accepted.
    const posten = list.rows.find((r) => r.title === 'Offene Posten')!;
    const withAttachment = await call('review.detail', { caseId, findingId: posten.id, lang: 'de' });
    expect(withAttachment.thirdParty.flagged).toBe(true);
    expect(withAttachment.attachments).toEqual([{ field: 'attachment:0', name: 'offene-posten.csv', format: 'csv', text: 'Kundennummer;Name;Betrag\nK-10442;Jürgen Weiß;1.200,00\nK-20001;Erika Muster;99,00\n' }]);
    expect(withAttachment.suggestions).toContainEqual(expect.objectContaining({ field: 'attachment:0', type: 'row', text: 'K-20001;Erika Muster;99,00', reason: 'Art. 15 Abs. 4 DSGVO: Datensatz einer anderen Person' }));
    const rowRedacted = await call('review.redact', { caseId, findingId: posten.id, redactions: [{ text: 'K-20001;Erika Muster;99,00', reason: 'Art. 15 Abs. 4 DSGVO' }], lang: 'de' });
    expect(rowRedacted.marks).toEqual([expect.objectContaining({ field: 'attachment:0', start: 54, end: 80 })]);
  });

  it('cancels a running search: unfinished sources are marked, and nothing of it is recorded (no half a result)', async () => {
    const created = await call('cases.create', { receivedOn: '2026-01-31', subject: SUBJECT, identityVerification: { method: 'knownContact', note: '' } });
    const started = await call('search.start', { caseId: created.id });
    await expect(call('search.start', { caseId: created.id })).rejects.toThrow(/already running/);
    expect(await call('search.cancel', { searchId: started.searchId })).toEqual({ cancelled: true });
    await app.idle();
    const status = await call('search.status', { caseId: created.id });
    expect(status!.state).toBe('cancelled');
    expect(status!.sources.some((s) => s.state === 'cancelled')).toBe(true);
    expect(await call('search.cancel', { searchId: started.searchId })).toEqual({ cancelled: false });
    const detail = await call('cases.get', { caseId: created.id, lang: 'de' });
    expect(detail.lastSearch).toBeNull();
    expect(detail.status).toBe('open');
    expect((await call('review.list', { caseId: created.id, lang: 'de' })).total).toBe(0);
  });

  it('exports the package through core/export, and keeps undecided findings out only when told', async () => {
    const caseId = await searchedCase();
    const list = await call('review.list', { caseId, lang: 'de' });
    await call('review.decide', { caseId, findingIds: list.rows.filter((r) => r.strength === 'strong').map((r) => r.id), decision: 'include', reason: null });
    const preview = await call('exports.preview', { caseId });
    expect(preview.undecided).toBe(list.rows.filter((r) => r.strength === 'weak').length);
    await expect(call('exports.start', { caseId, lang: 'de', password: null, acceptUndecided: false })).rejects.toThrow(/undecided/);

    const started = await call('exports.start', { caseId, lang: 'en', password: null, acceptUndecided: true });
    await app.idle();
    const done = await call('exports.status', { exportId: started.exportId });
    expect(done).toMatchObject({ state: 'done', error: null });
    expect(done!.files.map((f) => f.name)).toEqual(expect.arrayContaining(['data.json', 'manifest.json']));
    expect(existsSync(join(done!.path!, 'data.json'))).toBe(true);
    expect(events.some((e) => e.type === 'export' && e.status.state === 'done')).toBe(true);
    // The bridge has no file manager: the call says so instead of pretending.
    expect(await call('exports.openFolder', { exportId: started.exportId })).toEqual({ opened: false });
  });

  it('lists the tables of a database source only: other types say they have none', async () => {
    const first = (await call('sources.list', {})).sources[0]!;
    expect(await call('sources.tables', { sourceId: first.id })).toEqual({ supported: false, tables: [], error: null });
    await expect(call('sources.tables', { sourceId: 'nosuch' })).rejects.toThrow(/no source "nosuch"/);
  });

  it('adds an IMAP source through the form: the password goes to the keychain, the file gets a reference', async () => {
    const file = join(dir, 'sample', 'auskunft.yaml');
    const before = readFileSync(file, 'utf8');
    await call('sources.save', { originalId: null, config: { id: 'office', type: 'imap', host: '127.0.0.1', port: 9, user: 'office', tls: false }, password: 'Geheim-123' });
    const after = readFileSync(file, 'utf8');
    expect(after).not.toContain('Geheim-123');
    expect(after).toMatch(/\{ id: office, type: imap, host: 127\.0\.0\.1, port: 9, user: office, tls: false, password: \{ keychain: auskunft:[0-9a-f]{12}:office \} \}/);
    const view = await call('sources.list', {});
    expect(view.sources.find((s) => s.id === 'office')!.secret).toMatchObject({ field: 'password', stored: true });
    // Comments and the other entries are untouched, byte for byte.
    expect(after.startsWith(before.trimEnd())).toBe(true);
    await call('sources.save', { originalId: 'office', config: { id: 'office', type: 'imap', host: 'mail.example', port: 993, user: 'office', password: { keychain: 'x' } }, password: null });
    expect(readFileSync(file, 'utf8')).toBe(`${before.trimEnd()}\n  - { id: office, type: imap, host: mail.example, port: 993, user: office, password: { keychain: x } }\n`);

    await expect(call('sources.save', { originalId: null, config: { id: 'office', type: 'imap', host: 'x', user: 'y' }, password: 'p' })).rejects.toThrow(/already exists/);
    await expect(call('sources.save', { originalId: null, config: { id: 'bad', type: 'mbox' }, password: null })).rejects.toThrow(/path/);
    expect(await call('sources.remove', { sourceId: 'office' })).toEqual({ removed: true });
    expect(readFileSync(file, 'utf8')).toBe(before.endsWith('\n') ? before : `${before}\n`);
  });

  it('shows an invalid register with each error under its activity', async () => {
    const register = join(dir, 'register', 'example.de.yaml');
    writeFileSync(register, readFileSync(register, 'utf8').replace(/retention:/, 'retension:'));
    const view = await call('register.get', { lang: 'de' });
    expect(view.valid).toBe(false);
    const broken = view.activities.filter((a) => a.errors.length > 0);
    expect(broken).toHaveLength(1);
    expect(broken[0]!.errors.map((e) => e.message)).toContain('unknown field');
    expect(broken[0]!.errors[0]!.line).toBeGreaterThan(1);
    expect(view.activities.length).toBeGreaterThan(5);
    const info = await call('app.info', {});
    expect(info.workspaceError).toMatch(/retension/);
  });

  it('purges answered cases after the retention period, keeping an accountability record without personal data', async () => {
    const caseId = await searchedCase();
    await call('cases.setStatus', { caseId, status: 'answered' });
    await call('settings.set', { retentionMonths: 6 });
    expect(await call('cases.list', {})).toHaveLength(1);
    app.close();
    now = new Date('2026-09-01T10:00:00Z');
    app = start();
    expect(await call('cases.list', {})).toHaveLength(0);
    const record = readFileSync(join(dir, 'data', 'accountability.jsonl'), 'utf8');
    expect(JSON.parse(record)).toMatchObject({ caseId, receivedOn: '2026-01-31', status: 'answered', purgedOn: '2026-09-01' });
    expect(record).not.toMatch(/Weiß|weiss|K-10442/i);
  });
});
