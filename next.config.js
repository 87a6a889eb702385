import createNextIntlPlugin from 'next-intl/plugin';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and server-only modules are loaded from node_modules at run time, so the
  // custom server (server/main.ts) and the Next.js route handlers share one copy.
  serverExternalPackages: ['better-sqlite3', 'drizzle-orm', 'better-auth', 'yjs', 'ws'],
  poweredByHeader: false,
  reactStrictMode: true,
};

// The interface language of each request comes from ./i18n/request.ts.
const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

export default withNextIntl(nextConfig);
