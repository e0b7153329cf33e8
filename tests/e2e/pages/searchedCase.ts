import type { Page } from '@playwright/test';
import { isoDaysAgo, type AuskunftApp } from '../fixtures/auskunftTest.js';
import { SAMPLE_SUBJECT } from './sampleSubject.js';
import { SearchPage } from './SearchPage.js';

/**
 * A case for the sample subject (identity known, received `receivedDaysAgo` days ago), opened on its
 * search tab and searched to the end: where most review and search specs start.
 */
export async function searchedSampleCase(app: AuskunftApp, page: Page, receivedDaysAgo = 3): Promise<{ caseId: string; search: SearchPage }> {
  const created = await app.call('cases.create', { receivedOn: isoDaysAgo(receivedDaysAgo), subject: SAMPLE_SUBJECT, identityVerification: { method: 'knownContact', note: '' } });
  await app.open(page, `#/case/${created.id}/search`);
  const search = new SearchPage(page);
  await search.start();
  await search.waitUntilDone();
  return { caseId: created.id, search };
}
