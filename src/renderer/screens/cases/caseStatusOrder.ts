import type { CaseStatus } from '../../../shared/api.js';

/** The workflow in its order; every step is shown, so the officer sees where the case stands and what comes next. */
export const STATUS_ORDER: readonly CaseStatus[] = ['open', 'review', 'sent', 'answered', 'closed'];
