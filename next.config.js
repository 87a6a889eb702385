/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and server-only modules are loaded from node_modules at run time, so the
  // custom server (server/main.ts) and the Next.js route handlers share one copy.
  serverExternalPackages: ['better-sqlite3', 'drizzle-orm', 'better-auth', 'yjs', 'ws'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
