import type { ApiMethodName } from './api.js';

/**
 * Every method of the API contract by name, without its schemas: the renderer builds its client from
 * this list, so its bundle does not carry zod and the schemas the engine validates with. The type
 * check below makes a method added to `apiContract` but missing here a compile error.
 */
export const API_METHODS = [
  'app.info',
  'app.openWorkspace',
  'cases.list',
  'cases.get',
  'cases.create',
  'cases.checkSubject',
  'cases.extend',
  'cases.setStatus',
  'cases.delete',
  'sources.list',
  'sources.check',
  'sources.tables',
  'sources.save',
  'sources.remove',
  'search.start',
  'search.cancel',
  'search.status',
  'review.list',
  'review.detail',
  'review.mailHtml',
  'review.scanPage',
  'review.decide',
  'review.redact',
  'review.unredact',
  'review.setActivities',
  'review.audit',
  'overview.get',
  'register.get',
  'exports.preview',
  'exports.start',
  'exports.confirmNoData',
  'exports.status',
  'exports.openFolder',
  'settings.get',
  'settings.set',
] as const satisfies readonly ApiMethodName[];

type Missing = Exclude<ApiMethodName, (typeof API_METHODS)[number]>;
/** `true` only when no contract method is missing above. */
export const API_METHODS_COMPLETE: [Missing] extends [never] ? true : Missing = true;
