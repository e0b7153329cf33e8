import { z } from 'zod';
import { connectorTypes, findConnector } from '../../connectors/registry.js';

/** Config fields that hold a secret reference (`{ env }` / `{ keychain }`), by convention of the connectors. */
const SECRET_FIELDS = ['password'] as const;

export interface SourceTypeForm {
  readonly type: string;
  readonly schema: Record<string, unknown>;
  readonly secretField: string | null;
}

let cached: SourceTypeForm[] | undefined;

/**
 * One form description per registered source type, generated from the connector's own zod schema:
 * a new connector gets a form without UI code, and the form cannot drift from what the loader accepts.
 */
export function sourceTypeForms(): SourceTypeForm[] {
  cached ??= connectorTypes().map((type) => {
    const schema = z.toJSONSchema(findConnector(type)!.configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    const properties = (schema['properties'] ?? {}) as Record<string, unknown>;
    return { type, schema, secretField: SECRET_FIELDS.find((f) => f in properties) ?? null };
  });
  return cached;
}

/** The secret field of a type, or null. */
export function secretFieldOf(type: string): string | null {
  return sourceTypeForms().find((f) => f.type === type)?.secretField ?? null;
}
