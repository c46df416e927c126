// Lint enforces the layer arrows of ARCHITECTURE.md, so a wrong import fails `npm test`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// What core/api and db may not import: the UI, Electron, or anything above them.
const belowTheShell = [
  { group: ['electron', 'react', 'react-dom', '@mantine/*'], message: 'core and db run without Electron or React (tests, harness).' },
  { group: ['**/renderer/**', '**/electron/**', '**/tests/**'], message: 'core and db must not import the layers above them.' },
];

const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', '.tooling/**', 'test-results/**', 'playwright-report/**', 'db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // Renderer: browser only; reaches the app through window.api; may use core/domain rules.
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer has no Node: ask the main process through window.api.' },
            { group: ['electron', 'electron/*'], message: 'The renderer must not touch Electron: use window.api.' },
            { group: ['**/db/**', '**/db'], message: 'The renderer reaches the database only through window.api.' },
            { group: ['**/core/api/*', '!**/core/api/contract'], message: 'The renderer may use only the contract’s types from core/api.' },
            { group: ['**/electron/**'], message: 'The renderer must not import the Electron shell.' },
          ],
        },
      ],
    },
  },
  {
    // Pure domain rules: no Node, no Electron, no database, no React.
    files: ['core/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'core/domain is pure: the renderer uses it too.' },
            { group: ['electron', 'react', 'react-dom', '@mantine/*'], message: 'core/domain knows no UI or Electron.' },
            { group: ['**/db/**', '**/core/api/**', '**/renderer/**', '**/electron/**'], message: 'core/domain depends on nothing above it.' },
          ],
        },
      ],
    },
  },
  {
    // core/api and db: no Electron, no React.
    files: ['core/api/**/*.ts', 'db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: belowTheShell }],
    },
  },
  {
    // The floors in order: core/domain ← db ← core/api ← electron/main. db never reaches up.
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // (A later block's rule replaces an earlier one's, so the shared patterns come again.)
          patterns: [...belowTheShell, { group: ['**/core/api/**', '**/core/api'], message: 'db sits below core/api: the handlers call queries, never the reverse.' }],
        },
      ],
    },
  },
  {
    // Electron main is the app shell: it reaches the caseload only through core/api.
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/db/**', '**/db'], message: 'Electron main reaches the database only through core/api.' }] }],
    },
  },
  {
    // The preload exposes the contract and nothing else: no database, no handlers.
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/db/**', '**/core/api/handlers', '**/core/api/dispatch', 'node:*'], message: 'The preload only forwards contract calls over IPC.' }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.{ts,mjs}', 'tests/**/*.{ts,tsx}'],
    rules: { 'no-console': 'off' },
  },
  {
    // Plain CommonJS helpers run as child processes (no TypeScript loader there).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
