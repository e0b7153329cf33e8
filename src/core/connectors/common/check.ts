import type { CheckResult } from '../connector.js';

/**
 * `check()` for every connector: runs the probe and turns what it throws into a failed check with
 * the error's message (a missing file, a refused login), so a user mistake is one line, never a
 * stack trace. The probe returns the success message, or a CheckResult when it finds a problem
 * without throwing.
 */
export async function runCheck(probe: () => Promise<string | CheckResult>): Promise<CheckResult> {
  try {
    const result = await probe();
    return typeof result === 'string' ? { ok: true, message: result } : result;
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
