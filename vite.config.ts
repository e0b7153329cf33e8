import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Two bundles from one config:
 * - default: the React renderer (src/renderer -> dist/renderer), served by Electron's app:// protocol
 *   and by the HTTP bridge. Relative asset paths work under both.
 * - `--mode preload`: the Electron preload (src/preload -> dist/preload/preload.cjs). A sandboxed
 *   preload cannot `require` project files, so it must be a single CommonJS file.
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
    plugins: [react()],
    build: {
      outDir: '../../dist/renderer',
      emptyOutDir: true,
      target: 'chrome130',
      // The polyfill would be an inline script, which the CSP forbids; Chromium has modulepreload.
      modulePreload: { polyfill: false },
      sourcemap: false,
      chunkSizeWarningLimit: 1500,
    },
  };
});
