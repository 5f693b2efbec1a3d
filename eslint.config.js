import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'storybook-static', 'coverage', 'test/output', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The engine is pure (simulator/README.md): data in, data out. Arrows point src → simulator only.
    files: ['simulator/**/*.ts'],
    ignores: ['simulator/cli/**', 'simulator/worker.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'The engine imports no React.' },
            { group: ['zustand', 'zustand/*', 'dexie', 'dexie-*', 'comlink', '@xyflow/*'], message: 'The engine imports no UI, storage or worker library.' },
            { group: ['node:*', 'fs', 'path', 'os'], message: 'Only simulator/cli/ may use Node APIs.' },
            { group: ['**/src/**', '../src/*', '../../src/*'], message: 'simulator/ never imports from src/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'setTimeout', 'setInterval'],
    },
  },
);
