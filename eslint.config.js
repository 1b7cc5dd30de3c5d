import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules/', 'portal/dist/', 'cdk.out/', 'cdk.out.bench/', '.local/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read time from the injected Clock.',
        },
      ],
    },
  },
  {
    // the local stack, tests, benchmarks, the system clock itself, and the companies' typed client
    // (a company's tool runs on its own clock: token expiry, polling)
    files: ['infra/local/**', 'test/**', 'bench/**', 'functions/adapters/system-clock.ts', 'clients/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // luxon's settings (functions/domain/luxon.ts) must hold before any date is made
    files: ['functions/**/*.ts', 'workflows/**/*.ts'],
    ignores: ['**/*.test.ts', 'functions/domain/luxon.ts', 'functions/domain/paris-zone.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'luxon', message: 'Import DateTime and Duration from functions/domain/luxon.ts.' }] },
      ],
    },
  },
  {
    files: ['portal/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['test/**', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
