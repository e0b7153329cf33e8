import { describe, expect, it } from 'vitest';
import { API_METHOD_NAMES, methodSpec, type ApiEvent, type ApiMethodName, type ApiResult } from '../../../src/shared/api.js';
import { API_METHODS } from '../../../src/shared/apiMethodNames.js';
import { ApiCallError, createApiClient, type Transport } from '../../../src/renderer/api/apiClient.js';

function fakeTransport(answer: (method: ApiMethodName, input: unknown) => ApiResult<unknown>): Transport & { calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  return {
    kind: 'http',
    calls,
    call: async (method, input) => {
      calls.push([method, input]);
      return answer(method, input);
    },
    onEvent: (_listener: (event: ApiEvent) => void) => () => undefined,
  };
}

describe('the typed API client', () => {
  it('knows exactly the methods of the contract', () => {
    expect([...API_METHODS].sort()).toEqual([...API_METHOD_NAMES].sort());
  });

  it('has one function per contract method, sent as "service.method"', async () => {
    const transport = fakeTransport(() => ({ ok: true, value: [] }));
    const api = createApiClient(transport);
    for (const name of API_METHOD_NAMES) {
      const [service, method] = name.split('.') as [keyof typeof api, string];
      expect(typeof (api[service] as Record<string, unknown>)[method], name).toBe('function');
    }
    expect(await api.cases.list({})).toEqual([]);
    expect(transport.calls).toEqual([['cases.list', {}]]);
  });

  it('turns an error result into an ApiCallError with the engine error name', async () => {
    const api = createApiClient(fakeTransport(() => ({ ok: false, error: { name: 'ConfigError', message: 'auskunft.yaml:3: sources[0].path: required' } })));
    const error = await api.cases.list({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ errorName: 'ConfigError', message: 'auskunft.yaml:3: sources[0].path: required' });
  });

  it('knows the schemas of exactly the contract methods', () => {
    expect(methodSpec('cases.list')).toBeDefined();
    expect(methodSpec('cases.dropAll')).toBeUndefined();
    expect(methodSpec('constructor.name')).toBeUndefined();
    expect(methodSpec('__proto__.x')).toBeUndefined();
    expect(methodSpec('cases')).toBeUndefined();
    expect(methodSpec('review.decide')!.input.safeParse({ caseId: 'AUS-2026-0001-K7QF', findingIds: ['a'], decision: 'exclude', reason: null }).success).toBe(false);
  });
});
