import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

/** The region national numbers belong to unless the officer says otherwise (docs/ARCHITECTURE.md "Subject"). */
export const DEFAULT_PHONE_REGION: CountryCode = 'DE';

/** ITU-T E.164 caps a number at 15 digits; libphonenumber's DE data accepts longer digit strings. */
const E164_MAX_DIGITS = 15;
/**
 * The longest value read as one phone number: "+49 (0) 7022 / 78 96 84 - 8, Durchwahl: 123456" is
 * under 50 characters. Longer values are text; refusing them also keeps the suffix regexes below
 * linear on a hostile megabyte of whitespace.
 */
const MAX_PHONE_INPUT_LENGTH = 64;

export interface PhoneParseOptions {
  /** Region of numbers written without country code. Default: DE. */
  readonly defaultRegion?: CountryCode;
  /**
   * The value is known to be a phone number in international form without `+` or `00`, as PBX call
   * records store it (Asterisk `dst` "4970227896848"). Only callers reading a phone column may set
   * this: in free text such a digit string is as likely an order number.
   */
  readonly assumeInternationalWithoutPlus?: boolean;
}

/** A phone number reduced to what identifies the line. */
export interface NormalizedPhone {
  /** E.164 of the number as written, Durchwahl digits included ("030 123456-12" → +493012345612). */
  readonly e164: string;
  /** The national significant number (E.164 without country code). */
  readonly nationalNumber: string;
  /** An extension dialled after the call connects ("ext. 12"); not part of E.164. */
  readonly extension?: string;
  /**
   * E.164 without a trailing "-0": in Germany "-0" marks the switchboard (Zentrale) of a line whose
   * Durchwahl numbers hang off the same base, so "07022 7896848-0" and "07022 7896848" both reach it.
   */
  readonly withoutSwitchboardSuffix?: string;
}

export type PhoneParseResult =
  | { readonly ok: true; readonly phone: NormalizedPhone }
  | { readonly ok: false; readonly reason: string };

// Separators seen in German data: DIN 5008 spaces and hyphens, the old "/" after the area code,
// dots, parentheses around the area code or the "(0)" trunk prefix, and the dashes Word puts in.
// NFKC has already turned NBSP into a space and full-width digits into ASCII.
const ALLOWED = /^\+?[0-9\s\-./()\u2010-\u2015\u2212]+$/;
const DIGIT = /[0-9]/;
const NON_DIGITS = /[^0-9]/g;
const LEADING_LABEL = /^(?:tel:|[\p{L}][\p{L} .-]{0,30}:\s*)/iu;
const SWITCHBOARD_SUFFIX = /^(.*[0-9])\s*[-\u2010-\u2015\u2212]\s*0$/s;

// "App." (Apparat) and "Nst." (Nebenstelle) name an internal extension like "ext."; "Durchw."
// (Durchwahl) and "DW" name direct-dial digits appended to the base number, which is how German
// PBXs route them: "030 123456 Durchw. 12" is dialled as 030 12345612.
const EXTENSION_SUFFIX =
  /[\s,;]*(?<![\p{L}])(?:(ext|extension|x|app|apparat|nst|nebenstelle)|(durchw|durchwahl|dw))\.?\s*:?\s*([0-9]{1,6})$/iu;

/**
 * Parse a phone number the way people write it into E.164, or say why it is not one.
 *
 * A number written nationally must carry the trunk prefix ("0711 …"): "7654321" could be a local
 * number in any area, so it is rejected rather than guessed (LIBRARIES.md "Phones").
 */
export function parsePhone(input: string, options: PhoneParseOptions = {}): PhoneParseResult {
  const region = options.defaultRegion ?? DEFAULT_PHONE_REGION;
  if (input.length > MAX_PHONE_INPUT_LENGTH * 4) return { ok: false, reason: 'too long for a phone number' };
  let s = input.normalize('NFKC').trim();
  if (!DIGIT.test(s)) return { ok: false, reason: 'not a phone number' };
  if (s.length > MAX_PHONE_INPUT_LENGTH) return { ok: false, reason: 'too long for a phone number' };
  s = s.replace(LEADING_LABEL, '');

  let extension: string | undefined;
  const ext = EXTENSION_SUFFIX.exec(s);
  if (ext) {
    const base = s.slice(0, ext.index);
    const digits = ext[3] ?? '';
    if (ext[2] !== undefined) s = `${base}-${digits}`;
    else {
      s = base;
      extension = digits;
    }
  }
  if (!ALLOWED.test(s)) return { ok: false, reason: 'contains characters that do not belong in a phone number' };

  const parsed = parseDigits(s, region, options);
  if (!parsed.ok) return parsed;

  let withoutSwitchboardSuffix: string | undefined;
  const switchboard = SWITCHBOARD_SUFFIX.exec(s);
  if (switchboard?.[1]) {
    const base = parseDigits(switchboard[1], region, options);
    if (base.ok) withoutSwitchboardSuffix = base.number.number;
  }

  const phone: NormalizedPhone = {
    e164: parsed.number.number,
    nationalNumber: parsed.number.nationalNumber,
    ...(extension !== undefined && { extension }),
    ...(withoutSwitchboardSuffix !== undefined && { withoutSwitchboardSuffix }),
  };
  return { ok: true, phone };
}

/** The number in E.164 with extension and switchboard alternative, or null if it is not a usable number. */
export function normalizePhone(input: string, options?: PhoneParseOptions): NormalizedPhone | null {
  const result = parsePhone(input, options);
  return result.ok ? result.phone : null;
}

/** Every E.164 string that reaches the line: the number, and its switchboard base if written with "-0". */
export function lineNumbersOf(phone: NormalizedPhone): string[] {
  return phone.withoutSwitchboardSuffix === undefined ? [phone.e164] : [phone.e164, phone.withoutSwitchboardSuffix];
}

type DigitsResult = { readonly ok: true; readonly number: PhoneNumber } | { readonly ok: false; readonly reason: string };

function parseDigits(s: string, region: CountryCode, options: PhoneParseOptions): DigitsResult {
  const digits = s.replace(NON_DIGITS, '');
  if (digits.length === 0) return { ok: false, reason: 'not a phone number' };
  const international = s.startsWith('+');
  let number: PhoneNumber | undefined;
  if (!international && options.assumeInternationalWithoutPlus && !digits.startsWith('0')) {
    number = parsePhoneNumberFromString(`+${digits}`, { extract: false });
  } else {
    number = parsePhoneNumberFromString(s, { defaultCountry: region, extract: false });
  }
  if (!number?.isValid()) return { ok: false, reason: 'not a valid phone number for its country (area code missing or digits wrong?)' };
  if (number.number.length - 1 > E164_MAX_DIGITS) return { ok: false, reason: `longer than the ${E164_MAX_DIGITS} digits E.164 allows` };
  if (international || options.assumeInternationalWithoutPlus) return { ok: true, number };

  // libphonenumber accepts a national number without trunk prefix ("7654321" → +497654321) and a
  // country code without "+" ("4970227896848"). Neither is safe to assume in a typed value, so the
  // digits must be exactly the national form, or the international dialling prefix and country code
  // (optionally with the "(0)" trunk prefix) in front of the national significant number.
  const national = number.formatNational().replace(NON_DIGITS, '');
  if (digits === national) return { ok: true, number };
  if (startsWithDiallingPrefix(digits, number)) return { ok: true, number };
  if (digits === number.nationalNumber) {
    return { ok: false, reason: 'no area code or trunk prefix: write a national number with its leading 0, or with + and country code' };
  }
  return { ok: false, reason: 'not a complete phone number: write it with + and country code' };
}

/**
 * True if digits before the country code were read by libphonenumber as the region's international
 * dialling prefix ("0049 …", "00 49 (0) …"): the digits then end in country code and national
 * number, with or without the "(0)" trunk prefix, and something precedes them.
 */
function startsWithDiallingPrefix(digits: string, number: PhoneNumber): boolean {
  for (const tail of [`${number.countryCallingCode}${number.nationalNumber}`, `${number.countryCallingCode}0${number.nationalNumber}`]) {
    if (digits.length > tail.length && digits.endsWith(tail)) return true;
  }
  return false;
}
