import { ENTRY_ISSUE_CODES, type FieldIssue } from '../../shared/fieldMessages.js';
import type { Subject } from '../../shared/subject.js';
import { compileSubject } from './compileSubject.js';
import { InvalidIdentifierError } from './invalidIdentifierError.js';

/**
 * Every identifier of `subject` that cannot be searched for, each at its path under `subject`, and
 * the subject without them. compileSubject stops at the first one, which is right for a search but
 * makes the officer fix a form one field at a time; here each identifier is compiled on its own.
 */
export function subjectIssues(subject: Subject): { valid: Subject; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const ok = (one: Partial<Subject>, path: (string | number)[]): boolean => {
    try {
      compileSubject({ emails: [], phones: [], customerIds: [], ips: [], otherIds: [], ...one });
      return true;
    } catch (err) {
      if (!(err instanceof InvalidIdentifierError)) throw err;
      issues.push({ path: ['subject', ...path], code: ENTRY_ISSUE_CODES.invalidIdentifier, message: err.reason });
      return false;
    }
  };
  const name = subject.name !== undefined && ok({ name: subject.name }, ['name']) ? subject.name : undefined;
  const valid: Subject = {
    ...(name === undefined ? {} : { name }),
    emails: subject.emails.filter((e, i) => ok({ emails: [e] }, ['emails', i])),
    phones: subject.phones.filter((p, i) => ok({ phones: [p] }, ['phones', i])),
    customerIds: subject.customerIds.filter((c, i) => ok({ customerIds: [c] }, ['customerIds', i])),
    ips: subject.ips.filter((ip, i) => ok({ ips: [ip] }, ['ips', i])),
    otherIds: subject.otherIds.filter((o, i) => ok({ otherIds: [o] }, ['otherIds', i, 'value'])),
  };
  return { valid, issues };
}
