import { z } from 'zod';

/**
 * How an identifier of the requester was verified (Art. 12(6), EDPB Guidelines 01/2022 §§ 58–79):
 * a reply from the address already known (`knownContact`), an existing customer account, a callback
 * to the known number, a letter to the known postal address, in person, an ID document (only with a
 * recorded doubt), or another way described in the note.
 */
export const VerificationMethodSchema = z.enum(['knownContact', 'customerAccount', 'callback', 'postal', 'inPerson', 'idDocument', 'other']);
export type VerificationMethod = z.infer<typeof VerificationMethodSchema>;
