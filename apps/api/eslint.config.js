import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'drizzle/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Fastify plugins and handlers are async by contract, awaited or not.
      '@typescript-eslint/require-await': 'off',
      'no-console': 'error',
    },
  },
  {
    // The HTTP server never touches key material: it must not import the
    // signer's code. Shared code (config, database, queues) lives in
    // src/shared and may be used by both.
    files: ['src/server/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/signer/**', '**/signer'],
              message:
                'The API process must not load signer (key-handling) code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'scripts/**',
      'test/**',
      'bench/**',
      'src/**/main.ts',
      'src/**/*-cli.ts',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['*.js', '*.config.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
)
