// How a worker thread of the app starts: `new Worker(<this file>, { workerData: { entry, ... } })`.
// A worker does not run the parent's `--import` flags before its entry, and `import 'tsx'` does
// nothing in a worker thread: it registers tsx's module hooks itself (TypeScript, the `@/` paths)
// and the `server-only` hook (see server-runtime.mjs), then loads `workerData.entry` (a file URL).
import { register } from 'node:module';
import { workerData } from 'node:worker_threads';
import { register as registerTypeScript } from 'tsx/esm/api';

registerTypeScript();
register('./server-only-resolve-hook.mjs', import.meta.url);
await import(workerData.entry);
