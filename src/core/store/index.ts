/**
 * The case store: one SQLite file (optionally encrypted) holding cases, their subjects, and what each
 * search run found. Every function takes the connection `openCaseStore` returns; functions that only
 * read accept a `ReadonlyDb`.
 *
 * @example
 * const db = openCaseStore(defaultDbPath(), { key: passphrase });
 * const c = createCase(db, { receivedOn: '2026-01-05', subject });
 * recordSearchRun(db, c.id, result, { startedAt, finishedAt: new Date(), workspacePath });
 * const findings = latestFindings(db, c.id);
 * db.close();
 */
export type { ReadonlyDb, WritableDb } from './db.js';
export type { CaseId, RunId } from './ids.js';
export { isCaseId, parseCaseId, parseRunId } from './ids.js';
export { CaseNotFoundError, CaseStoreError, CaseStoreTooNewError, CaseStoreUnreadableError } from './errors.js';
export { openCaseStore, BUSY_TIMEOUT_MS, type CaseStoreOptions } from './openCaseStore.js';
export { defaultDbPath, type PlatformDirs } from './defaultDbPath.js';
export { migrate, schemaVersion, LATEST_SCHEMA_VERSION, type Migration } from './migrate.js';
export { CaseStatusSchema, type CaseStatus, type CaseRecord, type CaseSummary } from './caseRecord.js';
export type { SearchRunRecord, SearchRunStatus } from './searchRunRecord.js';
export { createCase, type NewCase } from './createCase.js';
export { getCase } from './getCase.js';
export { listCases } from './listCases.js';
export { deleteCase } from './deleteCase.js';
export { recordSearchRun, runStatus, type SearchRunMeta } from './recordSearchRun.js';
export { latestSearchRun, latestRunId, findingsOfRun } from './latestSearchRun.js';
export { latestFindings } from './latestFindings.js';
export { sourceStateStore } from './sourceStateStore.js';
export { clearDerivedTextCache, derivedTextCache, derivedTextCacheSize } from './derivedTextCache.js';
