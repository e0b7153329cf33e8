import type { ApiInput } from '../../../src/shared/api.js';

/** The sample person of assets/sample/subject.yaml, as the case dialog records them. */
export const SAMPLE_SUBJECT: ApiInput<'cases.create'>['subject'] = {
  name: 'Jürgen Weiß',
  emails: ['j.weiss@beispiel-gmbh.de'],
  phones: ['0711 12345678'],
  customerIds: ['K-10442'],
  ips: ['203.0.113.77', '2001:db8::7'],
  otherIds: [],
};
