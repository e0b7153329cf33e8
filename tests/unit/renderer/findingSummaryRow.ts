import type { FindingSummary } from '../../../src/shared/api.js';

/** A review list row for tests: a strong, open mail of the archive, with `over` changed. */
export const summaryRow = (id: string, over: Partial<FindingSummary> = {}): FindingSummary => ({
  id,
  source: 'archive',
  kind: 'mail',
  strength: 'strong',
  title: `Mail ${id}`,
  date: '2025-01-13T08:12:00.000Z',
  categories: ['contact.email'],
  activities: ['contact-email'],
  matchTypes: ['email'],
  decision: 'open',
  redactions: 0,
  ...over,
});
