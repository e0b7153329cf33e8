import { Component, createElement, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenLoader } from '../app/screenModules.js';
import { ErrorMessage } from './ErrorMessage.js';

/** What a screen shows while its code or data loads. */
export function Loading() {
  const { t } = useTranslation();
  return <p aria-live="polite">{t('common.loading')}</p>;
}

/**
 * A lazily loaded part of the screen: "loading" while its chunk arrives, and the error in place if it
 * cannot be loaded (the app was rebuilt under a running window), instead of an empty window.
 */
export function LazyPart({ children, fallback = <Loading /> }: { children: ReactNode; fallback?: ReactNode }) {
  return (
    <LoadFailure>
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadFailure>
  );
}

class LoadFailure extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    return this.state.error ? <ErrorMessage error={this.state.error} /> : this.props.children;
  }
}

/**
 * `React.lazy` for a screen, except that a screen whose chunk has loaded already (main.tsx starts the
 * current route's before React) renders at once. A lazy component always suspends on its first
 * render, and React shows a revealed fallback for at least 300 ms: twice on the way to the review list.
 */
export function lazyScreen<M, P extends object>(loader: ScreenLoader<M>, pick: (module: M) => ComponentType<P>): ComponentType<P> {
  const Lazy = lazy(() => loader().then((m) => ({ default: pick(m) })));
  return function Screen(props: P) {
    // Decided once per mount: switching from the lazy wrapper to the component would remount it.
    const [Ready] = useState(() => {
      const module = loader.loaded();
      return module && pick(module);
    });
    return Ready ? createElement(Ready, props) : createElement(Lazy, props);
  };
}
