// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never build HTML from page or claim data.' },
        { property: 'outerHTML', message: 'Never build HTML from page or claim data.' },
        { property: 'insertAdjacentHTML', message: 'Never build HTML from page or claim data.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Never build HTML from page or claim data.',
        },
      ],
    },
  },
  {
    // The matching core stays pure: no DOM, no extension APIs (DESIGN.md).
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'document', message: 'lib/ is pure: no DOM.' },
        { name: 'window', message: 'lib/ is pure: no DOM.' },
        { name: 'browser', message: 'lib/ is pure: no extension APIs.' },
        { name: 'chrome', message: 'lib/ is pure: no extension APIs.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'wxt',
            'wxt/*',
            '#imports',
            '@wxt-dev/*',
            'webextension-polyfill',
            'preact',
            'preact/*',
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'tools/**', 'bench/**', 'tests/**', '*.config.*'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
