// Lint: TypeScript rules plus the house rules' dependency directions (ARCHITECTURE.md rule 11)
// and "no user-visible string outside the locale files" for the web app.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import i18next from 'eslint-plugin-i18next';
import globals from 'globals';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
// A module file sits at most two folders deep (modules/<name>/<kind>/file.ts): another module's
// internals are one or two levels up, under a folder name that is not "..".
const MODULE_INTERNALS = '^\\.\\.(/\\.\\.)?/(?!\\.\\.)[^/]+/(commands|queries|jobs|policies|presenters|routes)(/|$)';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', '.tandem-test/', 'server/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**'],
    rules: restrict([{ group: ['**/server/**', '**/web/**', '**/cli/**', '**/connectors/**', '**/nlp/**', 'fastify*', 'drizzle-orm*', 'pg', 'react*'], message: 'shared/ is isomorphic and imports nothing of the project.' }]),
  },
  {
    files: ['connectors/**', 'nlp/**'],
    rules: restrict([{ group: ['**/server/**', '**/web/**', '**/cli/**'], message: 'connectors/ and nlp/ import only shared/.' }]),
  },
  {
    files: ['server/modules/**'],
    ignores: ['server/modules/**/*.test.ts'],
    rules: restrict([{ regex: MODULE_INTERNALS, message: "Reach another module only through its index.ts." }]),
  },
  {
    files: ['server/http/**', 'server/jobs/**', 'server/seed/**', 'server/main.ts', 'server/ops/**', 'cli/**'],
    ignores: ['**/*.test.ts'],
    rules: restrict([{ group: ['**/modules/*/commands/**', '**/modules/*/queries/**', '**/modules/*/policies', '**/modules/*/presenters'], message: "Use the module's index.ts." }]),
  },
  {
    files: ['web/**'],
    rules: restrict([{ group: ['**/server/**', '**/cli/**'], message: 'The web app reaches the server only over HTTP.' }]),
  },
  {
    files: ['web/src/**/*.tsx'],
    ignores: ['web/src/**/*.test.tsx'],
    plugins: { i18next },
    rules: { 'i18next/no-literal-string': ['error', { mode: 'jsx-only', 'jsx-attributes': { include: ['label', 'placeholder', 'title', 'alt', 'aria-label', 'description'] } }] },
  },
);
