// How every Node.js process of the app starts: `node --import ./scripts/server-runtime.mjs <entry>.ts`
// (the HTTP server, the forked collaboration process, tests, the benchmark, create-admin).
//
// - TypeScript runs through tsx.
// - `import 'server-only'` resolves to the package's no-op. Server modules import it so that the
//   Next.js build fails if one of them is ever pulled into the browser bundle; Next.js resolves it
//   under the `react-server` condition itself, but plain Node.js would load its default entry,
//   which throws. The hook adds that condition for this one specifier only, so no other package
//   changes how it resolves.
import { register } from 'node:module';
import 'tsx';

register('./server-only-resolve-hook.mjs', import.meta.url);
