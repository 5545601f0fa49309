// One lint setup for the whole repository. Type-aware rules catch the bugs a transport library
// cannot afford: promises nobody awaits, and promises passed where a callback returns void.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/reports/**',
      'docs/api/**',
      '**/*.config.*',
      '**/.turbo/**',
      '**/test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The rules of hooks and the React Compiler's checks, on every file that may hold a hook.
    files: ['packages/react-hooks/src/**/*.{ts,tsx}', 'apps/demo/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      // A missed dependency is a stale-closure bug, not a style nit.
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Tests count renders in a variable outside the component: that side effect is the measurement.
    files: ['**/*.test.tsx'],
    rules: { 'react-hooks/globals': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
