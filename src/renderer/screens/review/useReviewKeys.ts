import { useEffect, useRef } from 'react';

export interface ReviewKeyActions {
  readonly enabled: boolean;
  next(): void;
  previous(): void;
  include(): void;
  exclude(): void;
  redact(): void;
  /** Take back the last decision or redaction. */
  undo(): void;
  search(): void;
}

/**
 * Single-key shortcuts, as in mail clients: j/k move, i include, x exclude, r redact, u undo, / search.
 * They never fire while the officer types in a field or a dialog is open.
 */
export function useReviewKeys(actions: ReviewKeyActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const a = latest.current;
      if (!a.enabled || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], dialog')) return;
      const handler: Record<string, (() => void) | undefined> = {
        j: a.next,
        ArrowDown: a.next,
        k: a.previous,
        ArrowUp: a.previous,
        i: a.include,
        x: a.exclude,
        r: a.redact,
        u: a.undo,
        '/': a.search,
      };
      const run = handler[event.key];
      if (!run) return;
      event.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
