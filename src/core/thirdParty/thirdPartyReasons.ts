import type { Lang } from '../register/localizedText.js';
import type { ThirdPartyHit } from './attachmentView.js';

/** The Art. 15(4) reason recorded with each kind of suggested redaction. */
export const THIRD_PARTY_REASONS: Record<Lang, Record<ThirdPartyHit['type'], string>> = {
  de: {
    email: 'Art. 15 Abs. 4 DSGVO: E-Mail-Adresse einer anderen Person',
    phone: 'Art. 15 Abs. 4 DSGVO: Telefonnummer einer anderen Person',
    customerId: 'Art. 15 Abs. 4 DSGVO: Kundennummer einer anderen Person',
    row: 'Art. 15 Abs. 4 DSGVO: Datensatz einer anderen Person',
  },
  en: {
    email: 'Art. 15(4) GDPR: another person\u2019s email address',
    phone: 'Art. 15(4) GDPR: another person\u2019s phone number',
    customerId: 'Art. 15(4) GDPR: another person\u2019s customer number',
    row: 'Art. 15(4) GDPR: another person\u2019s record',
  },
};
