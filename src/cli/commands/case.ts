import { resolve } from 'node:path';
import type { Command } from 'commander';
import { recordTexts } from '../../shared/recordFields.js';
import { loadSubject } from '../../core/config/loadSubject.js';
import { changeCaseStatus } from '../../core/cases/changeCaseStatus.js';
import { localDate } from '../../core/cases/deadline.js';
import { caseDeadline, extendDeadline } from '../../core/cases/extendDeadline.js';
import { caseIdentifiers } from '../../core/cases/caseIdentifiers.js';
import { enterCase } from '../../core/cases/enterCase.js';
import { verifyIdentifiers } from '../../core/cases/verifyIdentifier.js';
import { EXTENSION_REASON_CODES } from '../../core/cases/extensionReasons.js';
import { writeExtensionNoticePdf } from '../../core/export/extensionNoticePdf.js';
import { searchCase } from '../../core/cases/searchCase.js';
import { addRedaction } from '../../core/review/addRedaction.js';
import { decideFindings, resolveFindingId } from '../../core/review/decideFindings.js';
import { loadReview } from '../../core/review/loadReview.js';
import { compileRedactions } from '../../core/review/redactText.js';
import { removeRedaction } from '../../core/review/removeRedaction.js';
import { ReviewError } from '../../core/review/reviewError.js';
import { stateOf, type ReviewState } from '../../core/review/reviewTypes.js';
import { SendChannelSchema, type Sent } from '../../shared/api.js';
import { CaseStatusSchema } from '../../core/store/caseRecord.js';
import { getCase } from '../../core/store/getCase.js';
import { parseCaseId } from '../../core/store/ids.js';
import { latestFindings } from '../../core/store/latestFindings.js';
import { listCases } from '../../core/store/listCases.js';
import { workspaceThirdParty } from '../../core/thirdParty/screenFindings.js';
import { THIRD_PARTY_REASONS } from '../../core/thirdParty/thirdPartyReasons.js';
import { loadWorkspace } from '../../core/workspace/loadWorkspace.js';
import { parseVerifyOptions, printIdentifierWarnings, printNormalForms, VERIFY_OPTION } from '../identifierOutput.js';
import { printSummary, progressLine, say } from '../output.js';
import { DB_OPTION, withCaseStore } from './caseStore.js';
import { parseLang } from './export.js';
import { exitCodeFor } from './search.js';

interface DbOpts {
  readonly db?: string;
}

/** `auskunft case …`: record a request, search for the person, review the findings, extend the deadline, change the status. */
export function registerCaseCommands(program: Command, setExit: (code: number) => void): void {
  const cases = program.command('case').description('work on one access request: create, search, review, extend the deadline, change its status');

  cases
    .command('create')
    .description('record a new access request; prints the case reference on stdout')
    .requiredOption('--workspace <file>', 'the workspace file (auskunft.yaml)')
    .requiredOption('--subject <file>', 'the person: subject.yaml or subject.json')
    .requiredOption('--received <date>', 'the day the request arrived, YYYY-MM-DD (the one-month deadline runs from it)')
    .option('--identity <text>', 'how the requester\'s identity was checked (Art. 12(6)), for every identifier (method "other"); prefer --verify')
    .option(...VERIFY_OPTION)
    .option(...DB_OPTION)
    .action(async (opts: DbOpts & { workspace: string; subject: string; received: string; identity?: string; verify?: string[] }) => {
      const workspace = loadWorkspace(opts.workspace);
      const { subject } = loadSubject(opts.subject);
      const verifications = parseVerifyOptions(opts.verify, opts.identity);
      await withCaseStore(opts.db, (db) => {
        const entered = enterCase(db, workspace.controller, { receivedOn: opts.received, subject, workspacePath: workspace.file, identityVerification: opts.identity ?? null, verifications });
        const created = entered.created;
        const deadline = caseDeadline(db, created.id);
        process.stdout.write(`${created.id}\n`);
        printNormalForms(entered.normalized);
        printIdentifierWarnings(entered.warnings);
        say(`case ${created.id} created; answer due by ${deadline.due} (Art. 12(3))`);
      });
    });

  cases
    .command('verify')
    .description('record how identifiers of the person were verified (method, when, by whom); audited')
    .argument('<case>', 'the case reference')
    .requiredOption(...VERIFY_OPTION)
    .option(...DB_OPTION)
    .action(async (id: string, opts: DbOpts & { verify: string[] }) => {
      const caseId = parseCaseId(id);
      const inputs = parseVerifyOptions(opts.verify, undefined);
      await withCaseStore(opts.db, (db) => {
        const n = verifyIdentifiers(db, caseId, inputs);
        say(`${caseId}: verification recorded for ${n} identifier(s); findings held so far stay pending until decided`);
      });
    });

  cases
    .command('search')
    .description("search the case's workspace for its person and store the findings")
    .argument('<case>', 'the case reference, e.g. AUS-2026-0001-K7QF')
    .option(...DB_OPTION)
    .addHelpText('after', '\nExit codes: 0 all sources complete; 3 stored, but a source is partial or failed; 2 unusable input.')
    .action(async (id: string, opts: DbOpts) => {
      const caseId = parseCaseId(id);
      await withCaseStore(opts.db, async (db) => {
        const progress = progressLine();
        const { result } = await searchCase(db, caseId, { onProgress: progress.update });
        progress.done();
        printSummary(result);
        say(`stored ${result.findings.length} finding(s) for ${caseId}; review them with \`auskunft case show ${caseId}\``);
        setExit(exitCodeFor(result));
      });
    });

  cases
    .command('show')
    .description("list a case's findings with their review state (the ids `case decide` takes)")
    .argument('<case>', 'the case reference')
    .option(...DB_OPTION)
    .action(async (id: string, opts: DbOpts) => {
      const caseId = parseCaseId(id);
      await withCaseStore(opts.db, (db) => {
        const c = getCase(db, caseId);
        if (!c) throw new ReviewError(`no case ${caseId} in the case store`);
        const deadline = caseDeadline(db, caseId);
        const review = loadReview(db, caseId);
        say(`${c.id}: ${c.subjectName ?? '(no name)'}, received ${c.receivedOn}, due ${deadline.effective}${deadline.extendedDue ? ' (extended)' : ''}`);
        for (const i of caseIdentifiers(c)) {
          if (i.type === 'name') continue;
          say(`  ${i.type} ${i.value}: ${i.verification ? `verified (${i.verification.method}${i.verification.note ? `: ${i.verification.note}` : ''}; ${i.verification.at} by ${i.verification.by})` : 'not verified'}`);
        }
        for (const f of latestFindings(db, caseId)) {
          const decision = review.decisions.get(f.id);
          const state = stateOf(review, f.id);
          // Excluded: why; pending with a reason: why `run` held it (third-party data, unreadable attachment).
          const why = decision?.reason && state !== 'included' ? ` (${decision.reason})` : '';
          process.stdout.write(`${f.id}  ${f.strength.padEnd(6)}  ${state.padEnd(8)}  ${f.source}  ${f.title}${why}\n`);
        }
        for (const r of review.redactions) say(`redaction ${r.id} on ${r.findingId ?? 'the whole case'}: ${r.reason}`);
      });
    });

  cases
    .command('list')
    .description('list all cases, newest request first')
    .option(...DB_OPTION)
    .action(async (opts: DbOpts) => {
      await withCaseStore(opts.db, (db) => {
        for (const c of listCases(db)) process.stdout.write(`${c.id}  ${c.receivedOn}  ${c.status.padEnd(8)}  ${c.subjectName ?? ''}${c.sent ? `  (sent ${c.sent.on}, ${c.sent.channel})` : ''}\n`);
      });
    });

  cases
    .command('decide')
    .description('include or exclude findings, or redact text from them; every change goes into the audit log')
    .argument('<case>', 'the case reference')
    .option('--finding <id...>', 'the finding(s), as `case show` prints them (a unique prefix of 6+ digits is enough)')
    .option('--strong', 'all strong findings of the case that are still pending')
    .option('--include', 'include the finding(s) in the answer')
    .option('--exclude <reason>', 'leave the finding(s) out, with the reason (goes into the internal report)')
    .option('--pending', 'set the finding(s) back to pending')
    .option('--redact <text...>', 'remove this text from the copy (every occurrence, ignoring case); without --finding: from the whole case')
    .option('--reason <reason>', 'why the text is redacted, e.g. "Art. 15(4): third party" (with --unredact: why it may be shown after all)')
    .option('--redact-suggested', "redact what the review suggests as other people's data (Art. 15(4)) in the finding(s) and their attachments, each with its reason")
    .option('--unredact <redaction...>', 'take redaction(s) back, by the number `case show` prints; the text appears in the copy again')
    .option(...DB_OPTION)
    .action(async (id: string, opts: DbOpts & { finding?: string[]; strong?: boolean; include?: boolean; exclude?: string; pending?: boolean; redact?: string[]; redactSuggested?: boolean; unredact?: string[]; reason?: string }) => {
      const caseId = parseCaseId(id);
      const states = [opts.include && 'included', opts.exclude !== undefined && 'excluded', opts.pending && 'pending'].filter((s): s is ReviewState => Boolean(s));
      if (states.length > 1) throw new ReviewError('give only one of --include, --exclude and --pending');
      if (!states.length && !opts.redact && !opts.unredact && !opts.redactSuggested) {
        throw new ReviewError('nothing to do: give --include, --exclude REASON, --pending, --redact TEXT --reason R, --redact-suggested or --unredact N');
      }
      if (opts.redactSuggested && !opts.finding) throw new ReviewError('--redact-suggested needs --finding ID (the suggestions are per finding)');
      if (opts.redact && opts.unredact) throw new ReviewError('give either --redact or --unredact, not both');
      const unredact = (opts.unredact ?? []).map((n) => {
        if (!/^\d+$/.test(n)) throw new ReviewError(`--unredact takes redaction numbers as \`case show\` prints them, not "${n}"`);
        return Number(n);
      });
      if (opts.redact && !opts.reason) throw new ReviewError('--redact needs --reason (e.g. "Art. 15(4): third party")');
      if (opts.strong && opts.finding) throw new ReviewError('give either --finding or --strong, not both');
      await withCaseStore(opts.db, async (db) => {
        const c = getCase(db, caseId);
        if (!c) throw new ReviewError(`no case ${caseId} in the case store`);
        let ids: string[] = (opts.finding ?? []).map((f) => resolveFindingId(db, caseId, f));
        if (opts.redactSuggested) {
          // The same suggestions the review shows, read from the finding and its attachments now.
          if (!c.workspacePath) throw new ReviewError(`case ${caseId} has no workspace to read attachments from`);
          const check = workspaceThirdParty(loadWorkspace(c.workspacePath), c.subject);
          const findings = latestFindings(db, caseId).filter((f) => ids.includes(f.id));
          for (const f of findings) {
            const third = await check(f);
            for (const u of third.unchecked) say(`warning: ${f.id}: attachment ${u.name} could not be checked: ${u.message}`);
            const texts = new Map(third.hits.map((h) => [h.text.toLowerCase(), h]));
            for (const h of texts.values()) {
              const r = addRedaction(db, caseId, f.id, h.text, THIRD_PARTY_REASONS.de[h.type]);
              say(`redaction ${r.id} added to ${f.id}: ${r.reason}`);
            }
            if (texts.size === 0) say(`${f.id}: nothing suggested`);
          }
        }
        if (opts.strong) {
          const review = loadReview(db, caseId);
          ids = latestFindings(db, caseId).filter((f) => f.strength === 'strong' && stateOf(review, f.id) === 'pending').map((f) => f.id);
        }
        const state = states[0];
        if (state) {
          if (!ids.length && !opts.strong) throw new ReviewError('name the finding(s) with --finding ID, or use --strong');
          const changed = decideFindings(db, caseId, ids, { state, reason: opts.exclude ?? null });
          say(`${changed} finding(s) set to ${state}`);
        }
        if (unredact.length && (opts.finding?.length ?? 0) > 1) throw new ReviewError('--unredact takes at most one --finding (the one the redaction belongs to)');
        for (const n of unredact) {
          const r = removeRedaction(db, caseId, n, { reason: opts.reason ?? null, ...(ids.length === 1 ? { findingId: ids[0]! } : {}) });
          say(`redaction ${r.id} removed from ${r.findingId ?? 'the whole case'}`);
        }
        if (opts.redact && ids.length && c.workspacePath) {
          // As in the app: a redaction of text the finding does not hold would remove nothing, yet
          // the letter would say that third-party data was removed.
          const check = workspaceThirdParty(loadWorkspace(c.workspacePath), c.subject);
          for (const f of latestFindings(db, caseId).filter((x) => ids.includes(x.id))) {
            const texts = [f.title, ...recordTexts(f.record).map((t) => t.text), ...(await check(f)).attachments.map((a) => a.text)];
            for (const text of opts.redact) {
              if (!texts.some((t) => compileRedactions([{ text }], '').matches(t))) throw new ReviewError(`finding ${f.id} does not contain "${text}" (nor do its attachments); nothing redacted`);
            }
          }
        }
        for (const text of opts.redact ?? []) {
          const targets: (string | null)[] = ids.length ? ids : [null];
          for (const target of targets) {
            const r = addRedaction(db, caseId, target, text, opts.reason!);
            say(`redaction ${r.id} added to ${target ?? 'the whole case'}`);
          }
        }
      });
    });

  cases
    .command('extend')
    .description('extend the deadline by two months (Art. 12(3)); the reasons are stated in the letter')
    .argument('<case>', 'the case reference')
    .requiredOption('--reason <text>', 'why more time is needed, in words for the person')
    .option('--reason-code <codes>', `reasons from the short list, comma-separated: ${EXTENSION_REASON_CODES.join(', ')}`)
    .option('--notice-on <date>', 'the day the interim notice is sent, YYYY-MM-DD (default: today); must be within the first month')
    .option('--notice <file>', 'write the interim notice (Zwischenbescheid) as PDF to this file')
    .option('--lang <lang>', 'language of the notice: de or en', 'de')
    .option(...DB_OPTION)
    .addHelpText('after', '\nAn extension after the first month has run out is refused (exit 2) and the deadline stays.')
    .action(async (id: string, opts: DbOpts & { reason: string; reasonCode?: string; noticeOn?: string; notice?: string; lang: string }) => {
      const caseId = parseCaseId(id);
      const lang = parseLang(opts.lang);
      await withCaseStore(opts.db, async (db) => {
        const reasonCodes = opts.reasonCode?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
        const d = extendDeadline(db, caseId, opts.reason, { reasonCodes, ...(opts.noticeOn ? { noticeOn: opts.noticeOn } : {}) });
        say(`deadline of ${caseId} extended to ${d.extendedDue}`);
        if (opts.notice) {
          const c = getCase(db, caseId)!;
          const controller = loadWorkspace(c.workspacePath ?? '').controller;
          await writeExtensionNoticePdf(resolve(opts.notice), {
            caseId,
            controller,
            subjectName: c.subjectName,
            subjectEmail: c.subject.emails[0] ?? null,
            receivedOn: d.receivedOn,
            due: d.due,
            until: d.extendedDue!,
            reasonCodes: d.extensionReasonCodes,
            reason: d.extensionReason,
            date: opts.noticeOn ?? localDate(),
            lang,
          });
          say(`interim notice written to ${resolve(opts.notice)}; send it to the person now (Art. 12(3))`);
        } else say('send the person the interim notice now (Art. 12(3)); --notice FILE writes it as PDF');
      });
    });

  cases
    .command('status')
    .description('move a case to another status (open → review → sent → answered/closed; review reopens a sent, answered or closed case); audited')
    .argument('<case>', 'the case reference')
    .argument('<status>', `the new status: ${CaseStatusSchema.options.join(', ')}`)
    .option('--reason <text>', 'why, e.g. why a closed case is reopened (goes into the audit log)')
    .option('--date <date>', 'with sent: the day the answer was sent, YYYY-MM-DD (default: today)')
    .option('--channel <channel>', `with sent: how it was sent: ${SEND_CHANNELS.join(', ')}`)
    .option(...DB_OPTION)
    .action(async (id: string, status: string, opts: DbOpts & { reason?: string; date?: string; channel?: string }) => {
      const caseId = parseCaseId(id);
      const to = CaseStatusSchema.safeParse(status);
      if (!to.success) throw new ReviewError(`unknown status "${status}"; use one of ${CaseStatusSchema.options.join(', ')}`);
      const sent = to.data === 'sent' ? parseSent(opts.date, opts.channel) : null;
      if (to.data !== 'sent' && (opts.date !== undefined || opts.channel !== undefined)) throw new ReviewError(`--date and --channel go with the status sent, not ${to.data}`);
      await withCaseStore(opts.db, (db) => {
        const change = changeCaseStatus(db, caseId, to.data, { reason: opts.reason ?? null, sent });
        say(`case ${caseId}: ${change.from} → ${change.to}${change.sent ? ` (sent ${change.sent.on} by ${change.sent.channel})` : ''}`);
      });
    });
}

/** The channels as typed on the command line: the API's names, and `in-person` for `inPerson`. */
const SEND_CHANNELS = ['post', 'email', 'in-person'] as const;

/** `--date` and `--channel` of `case status … sent`: the channel is required, so the record says how the answer went out. */
function parseSent(date: string | undefined, channel: string | undefined): Sent {
  if (channel === undefined) throw new ReviewError(`--channel is required with sent: one of ${SEND_CHANNELS.join(', ')}`);
  const parsedChannel = SendChannelSchema.safeParse(channel === 'in-person' ? 'inPerson' : channel);
  if (!parsedChannel.success) throw new ReviewError(`unknown channel "${channel}"; use one of ${SEND_CHANNELS.join(', ')}`);
  const on = date ?? localDate();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || Number.isNaN(Date.parse(`${on}T00:00:00Z`))) throw new ReviewError(`--date: "${on}" is not a date YYYY-MM-DD`);
  return { on, channel: parsedChannel.data };
}
