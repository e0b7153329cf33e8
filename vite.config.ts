import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The boot module (main.tsx) and what it needs before React: it sends the first API calls and asks
 * for the current screen's chunk while React and the shell load (see src/renderer/main.tsx).
 */
const BOOT_MODULES = [
  '/src/renderer/main.tsx',
  '/src/renderer/app/routes.ts',
  '/src/renderer/app/screenModules.ts',
  '/src/renderer/i18n/lang.ts',
  '/src/renderer/api/apiClient.ts',
  '/src/renderer/api/httpTransport.ts',
  '/src/renderer/api/ipcTransport.ts',
  '/src/renderer/screens/review/reviewListPreload.ts',
  '/src/shared/apiMethodNames.ts',
];

/** Chunks every start needs, whatever the route: React and i18next, and the shell. */
const START_CHUNKS = ['vendor', 'shell'];

/**
 * main.tsx loads the shell with `import()`, so vite would only ask for it (and React) once main has
 * run. A `<link rel="modulepreload">` for each in index.html lets the browser fetch and compile them
 * while it still loads main. No script in the page: the CSP allows none.
 */
function preloadStartChunks(): Plugin {
  return {
    name: 'auskunft:preload-start-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk' && START_CHUNKS.includes(c.name));
        return chunks.map((c) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${c.fileName}` }, injectTo: 'head' as const }));
      },
    },
  };
}

/**
 * Two bundles from one config:
 * - default: the React renderer (src/renderer -> dist/renderer), served by Electron's app:// protocol
 *   and by the HTTP bridge. Relative asset paths work under both.
 * - `--mode preload`: the Electron preload (src/preload -> dist/preload/preload.cjs). A sandboxed
 *   preload cannot `require` project files, so it must be a single CommonJS file.
 *
 * The renderer is split into chunks: a small boot module (index), React and i18next (vendor), the
 * shell (shell), and one chunk per screen, the English texts and the HTML-mail frame, loaded when
 * first needed (src/renderer/app/screenModules.ts).
 */
export default defineConfig(({ mode }) => {
  if (mode === 'preload') {
    return {
      build: {
        outDir: 'dist/preload',
        emptyOutDir: true,
        target: 'node22',
        minify: false,
        lib: { entry: 'src/preload/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
        rollupOptions: { external: ['electron'] },
      },
    };
  }
  return {
    root: 'src/renderer',
    base: './',
    // The app icon is the favicon too: copied as is to dist/renderer (icon.svg), where the bridge and
    // Electron's app:// handler serve it; without it every page load asked for a missing /favicon.ico.
    publicDir: '../../assets/icons',
    plugins: [react(), preloadStartChunks()],
    build: {
      outDir: '../../dist/renderer',
      emptyOutDir: true,
      target: 'chrome130',
      // The polyfill would be an inline script, which the CSP forbids; Chromium has modulepreload.
      modulePreload: { polyfill: false },
      sourcemap: false,
      chunkSizeWarningLimit: 1500,
      rollupOptions: {
        output: {
          manualChunks(id) {
            const path = id.replaceAll('\\', '/');
            // React, React DOM and i18next change together and every screen needs them.
            if (/\/node_modules\/(react|react-dom|scheduler|i18next|react-i18next|html-parse-stringify|void-elements|use-sync-external-store)\//.test(path)) return 'vendor';
            // The boot module's own few KB, which run before anything else is loaded (main.tsx).
            if (BOOT_MODULES.some((m) => path.endsWith(m)) || path.includes('vite/preload-helper')) return 'index';
            // The shell every screen runs in: App, i18n with the German texts, small UI parts.
            if (/\/src\/renderer\/(app|ui|api|i18n)\//.test(path) && !path.endsWith('/i18n/en.ts')) return 'shell';
            if (path.endsWith('/screens/cases/DeadlineBadge.tsx')) return 'shell';
            return undefined;
          },
        },
      },
    },
  };
});
