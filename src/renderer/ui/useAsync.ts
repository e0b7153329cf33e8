import { useCallback, useEffect, useRef, useState } from 'react';

export interface AsyncState<T> {
  readonly data: T | undefined;
  readonly error: Error | undefined;
  readonly loading: boolean;
  reload(): void;
  setData(update: (previous: T | undefined) => T | undefined): void;
}

/**
 * Load data for a screen; results of a superseded load are dropped, so fast switching never shows stale
 * data. `initial` is data at hand already (loaded before React started): the first render shows it.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[], initial?: T): AsyncState<T> {
  const [data, setDataState] = useState<T | undefined>(initial);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [loading, setLoading] = useState(initial === undefined);
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    load().then(
      (value) => {
        if (mine !== generation.current) return;
        setDataState(value);
        setError(undefined);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== generation.current) return;
        setError(err instanceof Error ? err : new Error(String(err)));
        setLoading(false);
      },
    );
  }, deps);
  useEffect(run, [run]);
  return { data, error, loading, reload: run, setData: (update) => setDataState(update) };
}
