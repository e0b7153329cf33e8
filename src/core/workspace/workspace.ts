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
    /**
     * Domains whose mailboxes are the controller's own, besides the domains of `email` and `dpo.email`
     * ("fluxpunkt.example", "fluxpunkt.de"). No identifier at them is a person's.
     */
    ownDomains: z.array(z.string().min(1)).optional(),
    /**
     * Shared mailboxes that many people write from or to: a full address ("vertrieb@fluxpunkt.example")
     * or a local part at any domain ("info@", "support@"), so a customer company's `info@` is one too.
     */
    roleAddresses: z.array(z.string().min(1)).optional(),
    /** The controller's switchboard and hotline numbers, besides `phone`. */
    switchboardNumbers: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type Controller = z.infer<typeof controllerSchema>;

/** What the answer names of the controller: its letterhead. Its own domains, role mailboxes and
 * switchboard lists steer matching only and stay out of the package. */
export type Letterhead = Omit<Controller, 'ownDomains' | 'roleAddresses' | 'switchboardNumbers'>;

export function letterheadOf(controller: Controller): Letterhead {
  const { ownDomains: _domains, roleAddresses: _roles, switchboardNumbers: _switchboard, ...letterhead } = controller;
  return letterhead;
}

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
