/**
 * The register of processing activities: what Auskunft tells the data subject under Art. 15(1)(a)–(h)
 * and 15(2) for every activity that found (or could have found) their data.
 * @example
 * import { loadRegister, localize, legalBasisText } from '../register/index.js';
 * const register = loadRegister('register.yaml');
 * for (const a of register.activities) console.log(localize(a.name, 'de'), a.legalBasis.map((c) => legalBasisText(c, 'de')));
 */
export { loadRegister, parseRegister } from './loadRegister.js';
export { activitiesForSourceType } from './activitiesForSourceType.js';
export { localize, localizedTextSchema, type Lang, type LocalizedText } from './localizedText.js';
export { legalBasisText, isSpecialCategoryException, LEGAL_BASIS_CODES, type LegalBasisCode } from './legalBasis.js';
export {
  registerSchema,
  activitySchema,
  categorySchema,
  recipientSchema,
  transferSchema,
  REGISTER_SOURCE_TYPES,
  type Register,
  type Activity,
  type Category,
  type Recipient,
  type Transfer,
  type RegisterSourceType,
} from './registerSchema.js';
