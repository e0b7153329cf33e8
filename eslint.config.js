// The folder decides the runtime (docs/ARCHITECTURE.md, docs/STYLE.md §1): these import rules make a layering
// mistake a build error instead of a review comment.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const uiAndShell = [
  { name: 'electron', message: 'src/core and src/shared run without Electron: inject a port instead.' },
  { name: 'react', message: 'src/core and src/shared have no UI.' },
  { name: 'react-dom', message: 'src/core and src/shared have no UI.' },
];
const uiAndShellPatterns = [{ group: ['electron/*', 'react/*', 'react-dom/*'], message: 'No UI or Electron imports here.' }];
// core/app holds the API-facing services that call the engine's operations (core/cases, core/review …);
// the operations never reach back into them.
const notApp = { group: ['**/app/**'], message: 'Only src/core/app (and its callers) import src/core/app: move the logic into its domain folder.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'coverage/**', 'bench/.corpus/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', { paths: uiAndShell, patterns: uiAndShellPatterns }] },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/app/**'],
    rules: { 'no-restricted-imports': ['error', { paths: uiAndShell, patterns: [...uiAndShellPatterns, notApp] }] },
  },
  {
    // A connector imports common/, src/shared, and the engine's neutral layers, never another
    // connector: the next connector then only adds its folder and a registry line.
    files: ['src/core/connectors/*/**/*.ts'],
    ignores: ['src/core/connectors/common/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: uiAndShell,
          patterns: [
            ...uiAndShellPatterns,
            notApp,
            { regex: '^\\.\\./(?!common/|connector\\.js$)[^./][^/]*/', message: 'A connector imports common/ or ../connector.js, never another connector.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    // shared runs in the renderer too: no Node built-ins, no DOM globals.
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: uiAndShell,
          patterns: [...uiAndShellPatterns, { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'stream'], message: 'src/shared runs in the renderer: no Node built-ins.' }],
        },
      ],
    },
  },

  // The desktop app (docs/ARCHITECTURE.md "Architecture"): each process gets only what it may use.
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    // The renderer is a web page: browser globals, no Node, no Electron, no engine. It reaches the
    // engine only through the API contract in src/shared (docs/STYLE.md §2).
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through window.auskunft (src/preload).' },
            { name: 'zod', message: 'Validation happens in main and the bridge; the renderer bundle stays small (import types from src/shared/api.ts).' },
          ],
          patterns: [
            { group: ['electron/*'], message: 'The renderer talks to main only through window.auskunft (src/preload).' },
            { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'stream', 'child_process'], message: 'The renderer runs in a sandboxed web page: no Node built-ins.' },
            { group: ['**/core/**', '**/main/**', '**/bridge/**', '**/preload/**'], message: 'The renderer reaches the engine only through src/shared/api.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    // The preload exposes the API contract and nothing else (docs/STYLE.md §4).
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: uiAndShell.filter((p) => p.name !== 'electron'),
          patterns: [
            ...uiAndShellPatterns,
            { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'stream', 'child_process'], message: 'A sandboxed preload has no Node built-ins.' },
            { group: ['**/core/**', '**/main/**', '**/bridge/**', '**/renderer/**'], message: 'The preload only forwards calls; main and the engine do the work.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.{ts,cts}'],
    // Main is thin Electron glue: no UI code, no renderer imports.
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: uiAndShell.filter((p) => p.name !== 'electron'),
          patterns: [
            { group: ['react/*', 'react-dom/*'], message: 'No UI code in the main process.' },
            { group: ['**/renderer/**', '**/bridge/**'], message: 'Main serves the renderer build, it does not import it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/bridge/**/*.ts'],
    // The HTTP bridge is plain Node: it serves the same contract as Electron, without Electron.
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: uiAndShell, patterns: [...uiAndShellPatterns, { group: ['**/renderer/**', '**/main/**'], message: 'The bridge serves the renderer build and the engine, nothing of Electron.' }] },
      ],
    },
  },
  {
    files: ['tests/e2e/**/*.ts', 'tests/unit/renderer/**/*.{ts,tsx}', 'bench/review-list/**/*.ts'],
    // Playwright and jsdom tests run code on both sides: Node, and callbacks in the page.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
