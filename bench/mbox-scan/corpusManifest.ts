/**
 * `expected.json`, written next to the generated mbox: the ground truth the runner scores
 * `auskunft search` against. Message-IDs are written without angle brackets, as the findings
 * contract's `locator.messageId` is.
 */

/** Bump when the generator's output changes, so that cached corpora are regenerated. */
export const GENERATOR_VERSION = 2;

export const TARGET_EMAIL = 'j.weiss@beispiel-gmbh.de';
export const TARGET_PHONE = '0711 12345678';
export const TARGET_PHONE_E164 = '+4971112345678';
export const TARGET_NAME = 'Jürgen Weiß';

export interface PlantedMessage {
  readonly messageId: string;
  readonly kind: string;
  /** 0-based position of the message in the mbox. */
  readonly index: number;
  /** Whether the raw bytes hold the exact, case-sensitive target address (what `rg -F` can see). */
  readonly rawLiteral: boolean;
  /** For attached messages: the inner Message-ID, which must NOT be reported as its own finding. */
  readonly innerMessageId?: string;
}

export interface CorpusManifest {
  readonly generatorVersion: number;
  readonly seed: string;
  readonly sizeMb: number;
  readonly targetEvery: number;
  readonly mbox: string; // file name, relative to this file
  readonly format: 'mboxrd';
  readonly bytes: number;
  readonly messages: number;
  readonly binaryAttachments: number;
  readonly generationSeconds: number;
  readonly subject: { readonly name: string; readonly email: string; readonly phone: string; readonly phoneE164: string };
  /** Every message that concerns the subject by email or phone once decoded: the expected strong findings. */
  readonly expectedMessageIds: readonly string[];
  readonly targets: readonly PlantedMessage[];
  /** Look-alikes (other addresses, numbers one digit off): a strong finding here is a false positive. */
  readonly distractors: readonly PlantedMessage[];
  /** The subject's name only, no identifier: at most a weak finding. */
  readonly weakOnly: readonly PlantedMessage[];
  /** The exact target address in raw bytes, case-sensitive: messages and lines (`rg -F -c` counts lines). */
  readonly rawLiteral: { readonly messages: number; readonly lines: number };
}
