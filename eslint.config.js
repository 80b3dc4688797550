import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // .stryker-tmp/: the sandbox copy an interrupted `npm run mutation` can leave behind.
  { ignores: ['node_modules/', 'cdk.out/', '.data/', 'coverage/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The domain is pure: no clock reads, no environment, no SDKs, no I/O.
    files: ['shared/domain/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain never reads the clock: take `now` as a parameter.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The domain never reads the clock: take `now` as a parameter.' },
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'The domain never reads the environment.' },
      ],
      'no-restricted-imports': ['error', { patterns: ['@aws-sdk/*', 'node:fs', 'node:http', 'node:https', 'node:net', 'node:child_process', '../../adapters/*', '../../app/*'] }],
    },
  },
  {
    // Configuration is read in one place.
    files: ['shared/**/*.ts', 'functions/**/*.ts'],
    ignores: ['shared/config/environment.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read the environment in shared/config/environment.ts only.' }],
    },
  },
);
