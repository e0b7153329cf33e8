/**
 * An identifier in the subject that cannot be normalized (a phone number without area code, an
 * address without domain). Searching with it would silently miss data, so compiling the subject
 * fails instead; the CLI turns this into a one-line ConfigError naming `field` (exit code 2).
 */
export class InvalidIdentifierError extends Error {
  override readonly name = 'InvalidIdentifierError';

  constructor(
    /** Path of the identifier in the subject file, e.g. `phones[0]` or `otherIds[1].value`. */
    readonly field: string,
    /** Why it was rejected, phrased for the officer. */
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}
