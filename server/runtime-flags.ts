import 'server-only';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The Node.js flags a child process of the app starts with (TypeScript through tsx, `server-only`
 * as a no-op): see scripts/server-runtime.mjs. Absolute, so a child's working directory does not matter.
 */
export const SERVER_RUNTIME_FLAGS = [
  '--import',
  pathToFileURL(path.join(/*turbopackIgnore: true*/ process.cwd(), 'scripts', 'server-runtime.mjs')).href,
];
