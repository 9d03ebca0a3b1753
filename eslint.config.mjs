import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'bench-results/**',
      '.local/**',
      // generated from docs/openapi.json by `npm run web:api`
      'apps/web/src/api/schema.d.ts',
      '*.js',
      '*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its error (an unacked message, an unlogged failure).
      '@typescript-eslint/no-floating-promises': 'error',
      // One role per file: a file past 300 lines usually holds two.
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  {
    // RPC is typed by the map in libs/contracts/src/rpc/rpc-map.ts: services and tools call
    // `call` / `callService` (types inferred from the pattern) and answer with `@RpcHandler`.
    files: ['apps/**/*.ts', 'tools/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='request'][callee.object.property.name='rpc']",
          message:
            'Use the typed RpcClient.call / callService (the RPC map), not the untyped request.',
        },
        {
          selector: "Decorator[expression.callee.name='MessagePattern']",
          message: 'Use @RpcHandler (libs/messaging): it checks the handler against the RPC map.',
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
