// Lint: typescript-eslint's recommended rules, the rules of hooks, and the one-way layers of the code
// (core ← services ← stores ← features ← app; no feature imports another; only services/llm imports openai).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const layer = (files, patterns, message, ignores = []) => ({
  files,
  ignores: ['**/*.test.ts', '**/*.test.tsx', '**/test-support/**', ...ignores],
  // A pattern is a glob, or `re:` and a regular expression over the import path.
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: patterns.map((p) => (p.startsWith('re:') ? { regex: p.slice(3), message } : { group: [p], message })) },
    ],
  },
});

const OPENAI = ['openai', 'openai/*'];
const UI = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'react-markdown', 'katex', 'katex/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  // The app's React code (e2e helpers such as useModelServer are not hooks).
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  // Tests may poke at untyped stored data.
  { files: ['**/*.test.ts', '**/*.test.tsx'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // One no-restricted-imports entry per file (a later entry would replace an earlier one, not add to it).
  layer(['src/core/**'], [...OPENAI, '**/services/**', '**/stores/**', '**/features/**', '**/app/**', '**/ui/**', ...UI.filter((m) => !m.startsWith('katex'))], 'core is pure: no React, DOM, network, storage or app layers'),
  layer(['src/services/**'], ['**/stores/**', '**/features/**', '**/app/**', '**/ui/**', ...UI, ...OPENAI], 'services are adapters: they never import stores, UI or features; only services/llm imports openai', ['src/services/llm/**']),
  layer(['src/services/llm/**'], ['**/stores/**', '**/features/**', '**/app/**', '**/ui/**', ...UI], 'services are adapters: they never import stores, UI or features'),
  layer(['src/stores/**'], [...OPENAI, '**/features/**', '**/app/**', '**/ui/**'], 'stores never import UI, features, the app or openai'),
  layer(['src/ui/**'], [...OPENAI, '**/features/**', '**/app/**', '**/services/**'], 'shared UI pieces never import features, the app or services'),
  layer(['src/features/**'], [...OPENAI, '**/app/**', 're:^\\.\\./(?!\\.)', '**/services/**'], 'features import core, stores and ui; never the app, services or another feature'),
  layer(['src/app/**'], [...OPENAI, '**/services/**'], 'the app goes through stores, never services'),
);
