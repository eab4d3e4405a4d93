// House rules, checked by `npm run lint` (and so by `npm test` and CI). README "House rules" says why.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const BROWSER_APIS = [
  {
    group: ['wxt/browser', 'webextension-polyfill', '@wxt-dev/browser'],
    message: 'Reach the browser through an adapter in lib/browser/ (or from an entrypoint).',
  },
];
const ENTRYPOINTS = [
  { group: ['@/entrypoints/*', '**/entrypoints/*'], message: 'Entrypoints are browser glue; nothing imports them.' },
];
const REACT_AND_COMPONENTS = [
  {
    group: ['react', 'react-dom', 'react-dom/*', '@/components/*', '**/components/*'],
    message: 'lib/ is the domain, with no React in it: the pages’ pieces live in components/.',
  },
];
const BROWSER_GLOBALS = ['browser', 'chrome'].map((name) => ({
  name,
  message: 'Reach the browser through an adapter in lib/browser/.',
}));

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**', 'lib/vendor/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // useLiveStore takes its query's dependencies as useEffect does: checked the same way where it is called.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useLiveStore$' }],
      // Counts and sizes are what most messages say; anything else must be turned into words first.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(true)}` returns nothing anyone reads; a void in a longer expression is still caught.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // A leading underscore says a parameter or binding is unused on purpose (a callback's shape, a field left out of a copy).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // In a test a wrong `!` or an unexpected shape fails the test at once, which is the test's job;
    // fakes implement async interfaces without awaiting anything.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Tests look for exactly the control and invisible characters the code must never let through.
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
    },
  },
  // The layers (README "House rules", docs/architecture.md): the browser is reached only through
  // lib/browser/ and the entrypoints; components never reach into an entrypoint; lib/ is plain
  // TypeScript with no React in it. No folder imports another in a cycle at runtime
  // (tests/unit/architecture.test.ts).
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...BROWSER_APIS, ...ENTRYPOINTS] }],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
    },
  },
  {
    files: ['lib/**'],
    ignores: ['lib/browser/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...BROWSER_APIS, ...ENTRYPOINTS, ...REACT_AND_COMPONENTS] }],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
    },
  },
  {
    files: ['lib/browser/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...ENTRYPOINTS, ...REACT_AND_COMPONENTS] }] },
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
);
