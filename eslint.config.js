// Lint rules, including the architecture's dependency directions (DESIGN.md §1):
// only main/electron imports 'electron'; the renderer reaches main/ only
// through the contract; native/ knows nothing of main/.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'child_process', 'os', 'net', 'http', 'crypto'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'tests/.output/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // CommonJS on purpose: electron-builder hooks and a require-hook wrapper.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only main/electron/ may import electron.' }] },
      ],
    },
  },
  {
    files: ['main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [{ group: nodeBuiltins, message: 'The contract is shared with the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['native/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [{ group: ['**/main/**'], message: 'native/ must not depend on main/.' }],
        },
      ],
    },
  },
  {
    // The fleet server shares with the kiosk only what must be one definition:
    // the configuration schema, the fleet protocol, the statistics' suppression rule.
    files: ['server/**/*.ts'],
    ignores: ['server/console/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            {
              regex:
                '(^|/)main/(?!config/|fleet/(?!fleet-agent|remote-config|bundle-store|enrolment)|usage/usage-(suppression|metrics)\\.js$)',
              message:
                'server/ shares only main/config, the fleet protocol (main/fleet) and the suppression rule with the kiosk.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'server/console/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer has no Node access.' },
            {
              regex: '(^|/)main/(?!contract/)',
              message: 'The renderer reaches main/ only through main/contract.',
            },
            {
              group: ['**/native/**', '**/server/**'],
              message: 'The renderer talks to services only.',
            },
          ],
        },
      ],
    },
  },
);
