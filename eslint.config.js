import litA11y from 'eslint-plugin-lit-a11y';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'custom-elements.json', 'bench/results/'],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    extends: [
      lit.configs['flat/recommended'],
      wc.configs['flat/recommended'],
      wc.configs['flat/best-practice'],
      litA11y.configs.recommended,
    ],
    rules: {
      // The tag is registered by src/define.ts through AmexChatElement.define(), never on import.
      'wc/guard-super-call': 'off',
    },
  },
  {
    // One responsibility per file: past 500 lines a file usually holds two. A pure data table
    // that must be longer gets an `ignores` entry here and a line in docs/architecture.md.
    files: ['src/**/*.ts', 'server/**/*.ts', 'demo/**/*.ts'],
    rules: { 'max-lines': ['warn', { max: 500 }] },
  },
  {
    // Servers, scripts, tests and the demo page may print; the widget never does.
    files: ['server/**/*.ts', 'scripts/**', 'bench/**', 'test/**', 'demo/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      // node:test's describe/it return promises the runner tracks itself.
      '@typescript-eslint/no-floating-promises': 'off',
      // Tests probe values the types claim are always present.
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  {
    // Compile-only type tests: values exist only to be type-checked.
    files: ['test/types/**/*.ts'],
    rules: {
      '@typescript-eslint/no-meaningless-void-operator': 'off',
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
