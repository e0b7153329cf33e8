// The folder decides the runtime (DESIGN.md, STYLE.md §1): these import rules make a layering
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

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'coverage/**', 'bench/.corpus/**', 'test-results/**'] },
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
);
