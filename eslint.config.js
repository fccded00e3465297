// Shared lint config for every package: each package runs `eslint src test` from its folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through @sakip/config, not process.env.',
        },
      ],
    },
  },
  {
    files: [
      'packages/config/**',
      '**/*.config.*',
      'infra/**',
      'packages/testing/**',
      '**/test/**',
      '**/bench/**',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
