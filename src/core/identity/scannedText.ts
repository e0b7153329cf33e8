import { lowerCaseAligned } from './foldCase.js';

/** One text under scan, with its lower-cased form computed once and only if a scanner asks. */
export class ScannedText {
  private lowerCache: string | undefined;

  constructor(readonly text: string) {}

  /** The text lower-cased, index-aligned with `text`. */
  get lower(): string {
    this.lowerCache ??= lowerCaseAligned(this.text);
    return this.lowerCache;
  }
}
