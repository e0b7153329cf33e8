import { z } from 'zod';
import type { Connector, SourceBase } from '../connectors/connector.js';
import type { Register } from '../register/registerSchema.js';

/** The controller as the letter's letterhead names it (Art. 13(1)(a), Art. 15 answer). */
export const controllerSchema = z
  .object({
    name: z.string().min(1),
    address: z.string().min(1),
    email: z.string().min(3),
    phone: z.string().optional(),
    dpo: z.object({ name: z.string().optional(), email: z.string().min(3), address: z.string().optional() }).strict().optional(),
    /** Named in every answer: the right to lodge a complaint (Art. 15(1)(f), Art. 77). */
    supervisoryAuthority: z.string().min(1),
  })
  .strict();
export type Controller = z.infer<typeof controllerSchema>;

/** The file's shape before each source is checked against its own connector's schema. */
export const workspaceFileSchema = z
  .object({
    controller: controllerSchema,
    register: z.string().min(1),
    sources: z.array(z.object({ id: z.string(), type: z.string() }).passthrough()).min(1, 'list at least one source'),
  })
  .strict();

/** One source, validated by its connector, with the register activities its findings belong to. */
export interface WorkspaceSource {
  readonly config: SourceBase;
  readonly connector: Connector<SourceBase>;
  readonly activities: ReadonlyArray<string>;
}

/** A loaded `auskunft.yaml`: everything a search needs besides the subject. */
export interface Workspace {
  readonly file: string;
  readonly dir: string;
  readonly controller: Controller;
  readonly registerFile: string;
  readonly register: Register;
  readonly sources: ReadonlyArray<WorkspaceSource>;
}
