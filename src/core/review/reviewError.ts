/**
 * A review request the officer must correct: an unknown or ambiguous finding, a missing reason. The
 * CLI prints the message as one line and exits 2.
 */
export class ReviewError extends Error {
  override readonly name: string = 'ReviewError';
}
