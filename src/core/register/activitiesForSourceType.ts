import type { Register } from './registerSchema.js';

/**
 * The ids of the activities a workspace source of `type` gets when it lists no `activities:` itself
 * (docs/ARCHITECTURE.md "Workspace file"), in register order. Empty when the register names no default for the
 * type: the workspace loader decides whether that is an error.
 */
export function activitiesForSourceType(register: Register, type: string): readonly string[] {
  return register.activities
    .filter((activity) => (activity.sourceTypes as readonly string[]).includes(type))
    .map((activity) => activity.id);
}
