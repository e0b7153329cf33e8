/**
 * `expected.json`, written next to the generated CRM export: the ground truth the runner scores
 * `auskunft search` against. Rows are named by the physical line where their record starts, the
 * table connector's `locator.line` (docs/ARCHITECTURE.md "Locators").
 */

/** Bump when the generator's output changes, so that cached corpora are regenerated. */
export const GENERATOR_VERSION = 1;

export const TARGET_NAME = 'Jürgen Weiß';
export const TARGET_EMAIL = 'j.weiss@beispiel-gmbh.de';
export const TARGET_PHONE = '0711 12345678';
export const TARGET_PHONE_E164 = '+4971112345678';
export const TARGET_CUSTOMER_ID = 'K-10442';

export interface PlantedRow {
  readonly kind: string;
  /** 0-based data row (the header and the `sep=` line not counted). */
  readonly row: number;
  /** 1-based physical line where the record starts: `locator.line`. */
  readonly line: number;
  /** The record spans more than one physical line (a quoted multi-line Notiz). */
  readonly multiLine: boolean;
}

export interface CrmManifest {
  readonly generatorVersion: number;
  readonly seed: string;
  readonly rows: number;
  readonly csv: string; // file name, relative to this file
  readonly encoding: 'windows-1252';
  readonly delimiter: ';';
  readonly bytes: number;
  /** Physical lines in the file (CRLF, LF or CR each end one), the `sep=` line and the header included. */
  readonly physicalLines: number;
  /** Data rows whose Notiz spans several lines. */
  readonly multiLineRows: number;
  readonly generationSeconds: number;
  readonly subject: {
    readonly name: string;
    readonly email: string;
    readonly phone: string;
    readonly phoneE164: string;
    readonly customerId: string;
  };
  /** The lines of every row that holds the subject's email, phone or customer id: the expected strong findings. */
  readonly expectedLines: readonly number[];
  readonly targets: readonly PlantedRow[];
  /** Look-alikes (other addresses, ids, numbers one digit off, "Weissmann"): a strong finding here is a false positive. */
  readonly distractors: readonly PlantedRow[];
  /** The subject's name only, no identifier: at most a weak finding. */
  readonly weakOnly: readonly PlantedRow[];
  /** The exact target address in the raw bytes, case-sensitive: rows, and lines as `rg -F -c` counts them. */
  readonly rawLiteral: { readonly rows: number; readonly lines: number };
}
