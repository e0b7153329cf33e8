import { z } from 'zod';

/**
 * The data subject as the officer records it (`subject.yaml` / `.json`, docs/ARCHITECTURE.md "Subject").
 * Identifiers are kept as written; normalization happens in core/identity.
 */
export const SubjectSchema = z
  .object({
    name: z.string().trim().min(1).optional(),
    emails: z.array(z.string().trim().min(3)).default([]),
    phones: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
    customerIds: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
    ips: z.array(z.string().trim().min(2)).default([]),
    otherIds: z.array(z.object({ label: z.string().min(1), value: z.union([z.string(), z.number()]).transform(String) }).strict()).default([]),
  })
  .strict()
  .refine(
    (s) => s.name || s.emails.length || s.phones.length || s.customerIds.length || s.ips.length || s.otherIds.length,
    { message: 'a subject needs at least one identifier (name, emails, phones, customerIds, ips or otherIds)' },
  );

export type Subject = z.output<typeof SubjectSchema>;
