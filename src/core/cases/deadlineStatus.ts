import { localDate } from './deadline.js';

/** Days before the due date from which a case is flagged "due soon": a working week to finish the answer. */
export const DUE_SOON_DAYS = 7;

/** Whole days from `today` to `due` (negative once it has passed); both YYYY-MM-DD. */
export function daysBetween(today: string, due: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The warning a case list shows: none once the case is answered or closed. */
export function deadlineWarning(daysLeft: number, finished: boolean): 'overdue' | 'dueSoon' | null {
  if (finished) return null;
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= DUE_SOON_DAYS ? 'dueSoon' : null;
}

export { localDate };
