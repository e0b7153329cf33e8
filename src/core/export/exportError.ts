/**
 * An export the officer must fix before it can run: no search yet, an output folder that is not a
 * package, a missing or weak password. The CLI prints the message as one line and exits 2.
 */
export class ExportError extends Error {
  override readonly name: string = 'ExportError';
}
