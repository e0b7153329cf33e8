import type { ApiEvent, ApiMethodName, ApiResult, AuskunftApi } from '../../shared/api.js';
import type { FieldIssue } from '../../shared/fieldMessages.js';
import { API_METHODS } from '../../shared/apiMethodNames.js';

/** How calls and events travel: Electron IPC through the preload, or the HTTP bridge. */
export interface Transport {
  readonly kind: 'electron' | 'http';
  call(method: ApiMethodName, input: unknown): Promise<ApiResult<unknown>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
}

/** An error the engine reported, with its name (`ConfigError`, `ConflictError` …) for the UI to react to. */
export class ApiCallError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
    /** For InvalidInput: every problem of the payload, each at its field. */
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/**
 * The typed API for the UI, built from the contract's method names: `api.cases.list({})`. Its types
 * are the contract's, so a renamed method or a changed schema is a compile error here. Inputs are
 * validated where they are trusted least: in Electron's main process and the HTTP bridge.
 */
export function createApiClient(transport: Transport): AuskunftApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of API_METHODS) {
    const [service, method] = name.split('.') as [string, string];
    (api[service] ??= {})[method] = async (input: unknown) => {
      const result = await transport.call(name, input ?? {});
      if (!result.ok) throw new ApiCallError(result.error.name, result.error.message, result.error.issues ?? []);
      return result.value;
    };
  }
  return api as unknown as AuskunftApi;
}
