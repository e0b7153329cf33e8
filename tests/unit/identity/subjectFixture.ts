import type { Subject } from '../../../src/shared/subject.js';

/** A subject with only the given identifiers, the rest empty as the schema's defaults make them. */
export function subjectWith(fields: Partial<Subject>): Subject {
  return { emails: [], phones: [], customerIds: [], ips: [], otherIds: [], ...fields };
}
