/** The kinds of input a source form can show, derived from the connector's JSON Schema. */
export type FieldKind =
  | { readonly kind: 'text' }
  | { readonly kind: 'number'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'checkbox' }
  | { readonly kind: 'select'; readonly options: readonly (string | boolean)[] }
  | { readonly kind: 'list'; readonly keyword?: string | undefined }
  | { readonly kind: 'json' };

export interface FormField {
  readonly name: string;
  readonly required: boolean;
  readonly field: FieldKind;
  readonly defaultValue: unknown;
}

type Schema = Record<string, unknown>;

/** Fields the form handles itself: the fixed type, the activity checkboxes, and the secret. */
const SPECIAL = new Set(['type', 'activities']);

/**
 * Turn a connector's config schema into form fields. Simple types get simple inputs; a union of
 * constants becomes a select ("tls: true | false | starttls"); "all or a list" becomes a list input;
 * anything nested (column maps, timeouts) is edited as JSON so no option is unreachable from the form.
 */
export function formFields(schema: Schema, secretField: string | null): FormField[] {
  const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
  const required = new Set((schema['required'] ?? []) as string[]);
  return Object.entries(properties)
    .filter(([name]) => !SPECIAL.has(name) && name !== secretField && name !== 'accessToken')
    .map(([name, prop]) => ({ name, required: required.has(name), field: fieldKind(prop), defaultValue: prop['default'] }));
}

function fieldKind(prop: Schema): FieldKind {
  const type = prop['type'];
  if (Array.isArray(prop['enum'])) return { kind: 'select', options: prop['enum'] as string[] };
  if (type === 'boolean') return { kind: 'checkbox' };
  if (type === 'integer' || type === 'number') return { kind: 'number', ...(typeof prop['minimum'] === 'number' ? { min: prop['minimum'] } : {}), ...(typeof prop['maximum'] === 'number' ? { max: prop['maximum'] } : {}) };
  if (type === 'string') return { kind: 'text' };
  const anyOf = prop['anyOf'] as Schema[] | undefined;
  if (anyOf) {
    const consts: (string | boolean)[] = anyOf.flatMap((b): (string | boolean)[] =>
      b['type'] === 'boolean' ? [true, false] : 'const' in b ? [b['const'] as string] : Array.isArray(b['enum']) ? (b['enum'] as string[]) : [],
    );
    const hasArray = anyOf.some((b) => b['type'] === 'array');
    const onlySimple = anyOf.every((b) => b['type'] === 'boolean' || 'const' in b || Array.isArray(b['enum']));
    if (onlySimple) return { kind: 'select', options: consts };
    if (hasArray) return { kind: 'list', ...(typeof consts[0] === 'string' ? { keyword: consts[0] } : {}) };
  }
  if (type === 'array') return { kind: 'list' };
  return { kind: 'json' };
}

/** A form value as the config wants it; undefined leaves the field out (its default applies). */
export function configValue(field: FieldKind, raw: string | boolean): unknown {
  if (field.kind === 'checkbox') return raw === true;
  const text = String(raw).trim();
  if (text === '') return undefined;
  switch (field.kind) {
    case 'number':
      return Number(text);
    case 'select':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'list':
      return field.keyword && text === field.keyword ? text : text.split(',').map((s) => s.trim()).filter(Boolean);
    case 'json':
      return JSON.parse(text) as unknown;
    default:
      return text;
  }
}

/** The form's text for a config value. */
export function formValue(field: FieldKind, value: unknown): string | boolean {
  if (field.kind === 'checkbox') return value === true;
  if (value === undefined || value === null) return '';
  if (field.kind === 'list' && Array.isArray(value)) return value.join(', ');
  if (field.kind === 'json') return JSON.stringify(value);
  return String(value);
}
