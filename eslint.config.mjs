// Lint rules for the whole tree (run by `npm run lint`, part of `npm test`).
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The boundary between the browser, the server and the code both share (README: Architecture).
// app/ reaches the server through tRPC: the browser over /api/trpc, server components through
// the server caller. These are the only server modules app/ may import, each for one reason:
const APP_SERVER_ENTRY_POINTS = [
  // Server components and app/_lib/server-session.ts: the same checked procedures the browser calls.
  'trpc/server-caller',
  // app/api/trpc/[trpc]/route.ts: the tRPC fetch handler behind /api/trpc.
  'trpc/fetch-handler',
  // app/api/auth/[...all]/route.ts: better-auth behind throttling, same-origin and cookie rules.
  'auth/auth-route',
  // app/api/compacts/[compactId]/evidence/**: evidence upload and download (files, not JSON).
  'http/evidence-routes',
  // app/api/compacts/[compactId]/audit-log: the audit log as a JSON Lines download.
  'http/audit-routes',
  // app/api/compacts/[compactId]/text-export and reviews/[cycleId]/pack: Word, Markdown and PDF files.
  'http/export-routes',
];
const notAnEntryPoint = APP_SERVER_ENTRY_POINTS.map((entry) => `${entry}$`).join('|');
const SERVER_INTERNALS =
  'App code reaches the server through tRPC (useTRPC in the browser, @/server/trpc/server-caller in server ' +
  'components) and shares code through @/shared; server and database internals stay out of app/.';
// The same boundary for `import()` expressions, which no-restricted-imports does not see: app/
// never loads server or database modules that way (esquery regex: slashes escaped).
const DYNAMIC_SERVER_IMPORT =
  'ImportExpression > Literal[value=/^(?:@\\/(?:db|server)(?:\\/|$)|(?:\\.{1,2}\\/)+(?:server|db)(?:\\/|$))/]';

export default tseslint.config(
  {
    ignores: [
      '.next/',
      'node_modules/',
      'data/',
      'bench/results/',
      'db/migrations/',
      'test-results/',
      'playwright-report/',
      'next-env.d.ts',
      '**/*.tmp.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks a value deliberately unused (e.g. a field taken out of an object by destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              // The router's type, for the typed clients and router-types.ts; a value import would
              // pull the whole server into the bundle.
              name: '@/server/trpc/root',
              allowTypeImports: true,
              message: `Import only the AppRouter type from here. ${SERVER_INTERNALS}`,
            },
          ],
          patterns: [
            {
              regex: `^@/(?:db/|server/(?!trpc/root$|${notAnEntryPoint}))`,
              message: SERVER_INTERNALS,
            },
            { regex: '^(?:\\.{1,2}/)+(?:server|db)(?:/|$)', message: SERVER_INTERNALS },
          ],
        },
      ],
      'no-restricted-syntax': ['error', { selector: DYNAMIC_SERVER_IMPORT, message: SERVER_INTERNALS }],
    },
  },
  {
    // What a person reads is a message key with arguments (i18n/types.ts Problem), rendered in their language.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='DomainError'][arguments.1.type=/^(Literal|TemplateLiteral)$/]",
          message: 'A DomainError takes a Problem ({ key: errors.…, args }), never English text.',
        },
        {
          selector:
            "NewExpression[callee.name='TRPCError'] > ObjectExpression > Property[key.name='message'][value.type=/^(Literal|TemplateLiteral)$/]",
          message: 'A TRPCError a person reads carries a ProblemError cause; its message comes from the problem.',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?:@/|(?:\\.{1,2}/)+)(?:app|server|db)(?:/|$)',
              message:
                'shared/ is imported by the browser and the server alike: it imports neither app/, server/ nor db/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      ...reactHooks.configs.recommended.rules,
    },
  },
);
