// One flat config for the whole workspace: typed rules, exhaustive switches,
// no floating promises, no import cycles, and a purity fence around domain code.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/src/gen/**',
      '**/.turbo/**',
      '.tools/**',
      '**/*.cjs',
      '**/*.mjs',
      '**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/require-await': 'off',
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@warmline/*/src', '@warmline/*/src/*'],
              message: 'Import the package, not its src.',
            },
          ],
        },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['**/src/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nats-io/*',
                'mongodb',
                '@grpc/*',
                '@opentelemetry/*',
                'node:*',
                'pino',
                'ws',
              ],
              message: 'Domain code is pure: no I/O, bus, database, gRPC or telemetry imports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      '**/*.test.ts',
      'test/**/*.ts',
      '**/scripts/**/*.ts',
      '**/bench/**/*.ts',
      'examples/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-console': 'off',
    },
  },
);
