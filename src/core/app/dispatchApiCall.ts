import { invalidInputError } from '../../shared/invalidInput.js';
import { methodSpec, type ApiError, type ApiResult, type AuskunftHandlers } from '../../shared/api.js';

/**
 * Run one API call by name: validate the input against the contract, call the handler, and turn
 * any error into `{ name, message }` (docs/STYLE.md §5: errors cross boundaries as data). An unknown
 * method or an invalid payload never reaches a handler.
 */
export async function dispatchApiCall(handlers: AuskunftHandlers, name: string, input: unknown): Promise<ApiResult<unknown>> {
  const spec = methodSpec(name);
  if (!spec) return { ok: false, error: { name: 'UnknownMethod', message: `no API method "${name}"` } };
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: invalidInputError(name, parsed.error.issues) };
  const [service, method] = name.split('.') as [keyof AuskunftHandlers, string];
  const handler = (handlers[service] as unknown as Record<string, (input: unknown) => Promise<unknown>>)[method]!;
  try {
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    return { ok: false, error: toApiError(err) };
  }
}

/** An error as data. The stack stays in the engine: the renderer shows messages, not internals. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof Error) return { name: err.name || 'Error', message: err.message };
  return { name: 'Error', message: String(err) };
}
