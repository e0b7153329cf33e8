/**
 * The answer deadline of Art. 12(3) GDPR: one month from receipt, extendable by two further months.
 *
 * Months are counted as Regulation (EEC, Euratom) No 1182/71 Art. 3(2)(c) counts them: the period ends
 * on the day of the last month with the same number as the day of receipt, or on that month's last
 * day when it has no such day (31 January → 28 February, or 29 February in a leap year). The
 * extension adds two months to the end of the first period (31 January → 28 February → 28 April).
 * Both are the earlier of the possible readings: Regulation 1182/71 would move a deadline falling on a
 * weekend or public holiday to the next working day, which this deliberately does not, because
 * holidays differ by German state and answering a day early is never wrong.
 */
export interface ResponseDeadline {
  readonly receivedOn: string; // YYYY-MM-DD
  /** One month from receipt. */
  readonly due: string;
  /** Two months after `due`, when the deadline was extended. */
  readonly extendedDue: string | null;
  readonly extensionReason: string | null;
  /** The reasons picked from the short list (cases/extensionReasons.ts); empty without an extension. */
  readonly extensionReasonCodes: readonly string[];
  /** The deadline in force: `extendedDue` if extended, otherwise `due`. */
  readonly effective: string;
}

/** The deadline for a request received on `receivedOn` (YYYY-MM-DD), with or without the extension. */
export function responseDeadline(receivedOn: string, extension: { readonly reason: string; readonly codes?: readonly string[] } | null = null): ResponseDeadline {
  const due = addMonths(receivedOn, 1);
  const extendedDue = extension ? addMonths(due, 2) : null;
  return { receivedOn, due, extendedDue, extensionReason: extension?.reason ?? null, extensionReasonCodes: [...(extension?.codes ?? [])], effective: extendedDue ?? due };
}

/**
 * `date` plus `months` calendar months, clamped to the end of a shorter month.
 * @example addMonths('2024-01-31', 1) // '2024-02-29'
 */
export function addMonths(date: string, months: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a date like 2026-01-31: "${date}"`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`not a calendar date: "${date}"`);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const mo = (index % 12) + 1;
  const d = Math.min(day, daysInMonth(y, mo));
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Today's date where the officer is (local time), as YYYY-MM-DD. */
export function localDate(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
